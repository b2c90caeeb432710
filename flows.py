"""Prefect flows of the project.

    python flows.py                           # one run: raw/ -> output/ (embedded Prefect, no server)
    python flows.py serve --cron "0 2 * * *"  # serve a scheduled deployment on a Prefect server

`serve` registers the deployment "ofsted-coverage-tables/nightly" on the server named by
PREFECT_API_URL and runs its scheduled (and manually triggered) runs until stopped; see
docs/scheduling.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.flow import DEFAULT_BATCH, build_tables
from pipeline.remote import is_remote

__all__ = ["build_tables"]


def _serve(args: argparse.Namespace) -> int:
    from prefect.settings import PREFECT_API_URL

    # Runs start later, from the served process: absolute paths keep them independent of any cwd.
    raw = Path(args.raw).resolve()
    out = args.output if is_remote(args.output) else Path(args.output).resolve()
    if not raw.is_dir():
        print(f"error: raw folder {raw} does not exist; create it or pass --raw", file=sys.stderr)
        return 2
    if args.batch_size < 1:
        print("error: --batch-size must be at least 1", file=sys.stderr)
        return 2
    if not PREFECT_API_URL.value():
        print("warning: PREFECT_API_URL is not set: the deployment lives only as long as this process "
              "(start a server with `prefect server start` and set PREFECT_API_URL to its /api URL)",
              file=sys.stderr)
    print(f"serving ofsted-coverage-tables/{args.name} on {args.cron!r}: {raw} -> {out}", flush=True)
    build_tables.serve(
        name=args.name, cron=args.cron,
        parameters={"raw_dir": str(raw), "output_dir": str(out), "batch_size": args.batch_size,
                    "wait_seconds": args.wait},
        description="Process new and changed inputs of the raw folder into the Parquet tables.",
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python flows.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="serve a scheduled deployment (needs PREFECT_API_URL of a server)")
    serve.add_argument("--cron", default="0 2 * * *", help='schedule (default "0 2 * * *": 02:00 every day)')
    serve.add_argument("--name", default="nightly", help="deployment name (default: nightly)")
    serve.add_argument("--raw", default="raw", help="folder of input texts (default: raw)")
    serve.add_argument("--output", default="output", help="folder or URI (s3://bucket/x, file:///x) for the tables")
    serve.add_argument("--batch-size", type=int, default=DEFAULT_BATCH, help="documents per batch")
    serve.add_argument("--wait", type=float, default=600.0,
                       help="seconds a scheduled run waits for another run's lock (default: 600)")
    args = parser.parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    from pipeline.cli import main as cli_main

    return cli_main(["run"])


if __name__ == "__main__":
    sys.exit(main())
