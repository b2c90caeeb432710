"""Command line: `python -m pipeline run|evaluate|crosscheck ...`."""

from __future__ import annotations

import argparse
import json
import logging
import sys


def _run(args: argparse.Namespace) -> int:
    from prefect.exceptions import ParameterTypeError

    from pipeline.flow import NoInputs, build_tables
    from pipeline.store import StoreLocked

    try:
        build_tables(raw_dir=args.raw, output_dir=args.output, batch_size=args.batch_size, full=args.full,
                     workers=args.workers, wait_seconds=args.wait, dask_address=args.dask_address,
                     dask_local_workers=args.dask_local)
    except (NoInputs, StoreLocked, PermissionError, ParameterTypeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from pipeline.evaluate import evaluate, format_report

    try:
        report = evaluate(args.gold, args.output)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        payload = report.as_dict()
        if args.show_errors:
            payload["errors"] = report.errors
        print(json.dumps(payload, indent=2))
    else:
        print(format_report(report, show_errors=args.show_errors))
    return 0


def _crosscheck(args: argparse.Namespace) -> int:
    from pipeline import crosscheck

    return crosscheck.main(["--output", args.output] + (["--json"] if args.json else []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="process raw/ into the Parquet tables of output/")
    run.add_argument("--raw", default="raw", help="folder of input texts (default: raw)")
    run.add_argument("--output", default="output", help="folder or URI (s3://bucket/x, file:///x) for the tables")
    run.add_argument("--full", action="store_true", help="rebuild every table from scratch")
    run.add_argument("--batch-size", type=int, default=200, help="documents per nlp.pipe batch")
    run.add_argument("--workers", type=int, default=0, help="extraction processes (default: up to 2 cores)")
    run.add_argument("--wait", type=float, default=0.0,
                     help="seconds to wait for another run's lock before giving up (default: refuse at once)")
    run.add_argument("--dask-address", metavar="tcp://HOST:PORT", default=None,
                     help="run extraction on the workers of this existing Dask scheduler")
    run.add_argument("--dask-local", type=int, metavar="N", default=0,
                     help="run extraction on a local Dask cluster of N worker processes")
    run.set_defaults(func=_run)

    ev = sub.add_parser("evaluate", help="score the output tables against a gold file")
    ev.add_argument("--gold", required=True, help="gold .jsonl in the GOLD-FORMAT.md format")
    ev.add_argument("--output", default="output", help="folder holding the tables (default: output)")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--show-errors", action="store_true", help="list every miss and false positive")
    ev.set_defaults(func=_evaluate)

    cc = sub.add_parser("crosscheck", help="compare extracted overall grades with Ofsted's official outcomes")
    cc.add_argument("--output", default="output")
    cc.add_argument("--json", action="store_true")
    cc.set_defaults(func=_crosscheck)

    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # Prefect's client logs every HTTP call to its embedded server at INFO; that is noise to a user.
    for noisy in ("httpx", "httpcore", "uvicorn", "docket", "prefect.server"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return args.func(args)
