"""Prefect flows of the project.

    python flows.py                           # one run: raw/ -> output/ (embedded Prefect, no server)
    python flows.py serve --cron "0 2 * * *"  # serve a scheduled deployment on a Prefect server
"""

from __future__ import annotations

import argparse
import sys

from pipeline.flow import build_tables

__all__ = ["build_tables"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python flows.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="serve a scheduled deployment (needs PREFECT_API_URL of a server)")
    serve.add_argument("--cron", default="0 2 * * *", help='schedule (default "0 2 * * *": 02:00 every day)')
    serve.add_argument("--name", default="nightly", help="deployment name")
    serve.add_argument("--raw", default="raw")
    serve.add_argument("--output", default="output")
    args = parser.parse_args(argv)
    if args.command == "serve":
        build_tables.serve(name=args.name, cron=args.cron,
                           parameters={"raw_dir": args.raw, "output_dir": args.output})
        return 0
    from pipeline.cli import main as cli_main

    return cli_main(["run"])


if __name__ == "__main__":
    sys.exit(main())
