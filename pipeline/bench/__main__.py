"""`python -m pipeline.bench generate|run|memory|stages|store` (see pipeline/bench/run.py and BENCHMARKS.md)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write a synthetic corpus of N documents")
    gen.add_argument("--n", type=int, required=True)
    gen.add_argument("--out", required=True)
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--start", type=int, default=0, help="index of the first document (to add to a corpus)")
    run = sub.add_parser("run", help="benchmark the Prefect flow on N generated documents")
    run.add_argument("--n", type=int, default=1000)
    run.add_argument("--workers", default="2", help="comma-separated worker counts to measure (default 2)")
    run.add_argument("--keep", type=Path, help="keep corpus and outputs here (and reuse a corpus of the same N)")
    run.add_argument("--seed", type=int, default=0)
    run.add_argument("--batch-size", type=int, default=200)
    run.add_argument("--no-incremental", action="store_true", help="skip the 0/1/100 new documents re-runs")
    run.add_argument("--n-process", action="store_true", help="also time nlp.pipe(n_process=1 vs 2) in one task")
    run.add_argument("--json", action="store_true", help="print JSON instead of markdown")
    run.add_argument("--components", help="run only these spaCy components (comma-separated, e.g. "
                     "'paragraph_sentencizer' to measure the flow without extractors); default: all")
    mem = sub.add_parser("memory", help="peak RSS of full runs of two corpus sizes, each in a fresh process")
    mem.add_argument("--sizes", default="2000,20000")
    mem.add_argument("--workers", type=int, default=2)
    mem.add_argument("--keep", type=Path)
    mem.add_argument("--seed", type=int, default=0)
    st = sub.add_parser("stages", help="time each stage and spaCy component alone over one corpus (one process)")
    st.add_argument("--n", type=int, default=500, help="documents to generate when --raw is not given")
    st.add_argument("--raw", type=Path, help="an existing folder of inputs instead of a generated corpus")
    st.add_argument("--seed", type=int, default=0)
    st.add_argument("--repeats", type=int, default=3)
    st.add_argument("--json", action="store_true")
    sto = sub.add_parser("store", help="commit cost as the output grows (the store alone, no NLP)")
    sto.add_argument("--n", type=int, default=100_000)
    sto.add_argument("--batch-size", type=int, default=200)
    sto.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    if args.command == "generate":
        from pipeline.bench.corpus import generate_corpus

        paths = generate_corpus(args.out, args.n, args.seed, start=args.start)
        print(f"wrote {len(paths)} documents under {args.out}")
        return 0

    if args.command == "stages":
        from pipeline.bench import stages as stage_bench
        from pipeline.bench.corpus import generate_corpus

        raw = args.raw
        if raw is None:
            raw = Path(tempfile.mkdtemp(prefix="bench-stages-"))
            generate_corpus(raw, args.n, args.seed)
        result = stage_bench.stage_times(raw, args.repeats)
        print(json.dumps(result, indent=2) if args.json else stage_bench.markdown(result))
        return 0

    if args.command == "store":
        from pipeline.bench import store as store_bench

        result = store_bench.store_costs(args.n, args.batch_size)
        print(json.dumps(result, indent=2) if args.json else store_bench.markdown(result))
        return 0

    # A private Prefect home: the benchmark must neither read nor pollute the user's ~/.prefect.
    os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="bench-prefect-"))
    os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # A fresh home migrates its database on first start: on a busy 2-core machine that can pass 20 s.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    logging.basicConfig(level=logging.WARNING)
    if getattr(args, "components", None):
        from pipeline.nlp import COMPONENTS_ENV, selected_components

        os.environ[COMPONENTS_ENV] = args.components  # read by every pool worker's pipeline
        selected_components()  # a typo fails here, not in the workers
    from pipeline.bench import run as bench

    if args.command == "memory":
        sizes = [int(x) for x in args.sizes.split(",")]
        result = bench.memory_check(sizes, args.workers, args.keep, args.seed)
        print(json.dumps(result, indent=2))
        return 0
    workers = [int(x) for x in args.workers.split(",")]
    result = bench.run_benchmark(args.n, workers, args.keep, args.seed, incremental=not args.no_incremental,
                                 n_process=args.n_process, batch_size=args.batch_size)
    print(json.dumps(result, indent=2, default=str) if args.json else bench.markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
