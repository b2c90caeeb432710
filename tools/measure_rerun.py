"""Measure the cost of re-runs: 0, 1 and 100 new documents over a corpus of thousands.

    python tools/measure_rerun.py --docs 5000 [--work /tmp/rerun] [--workers 2]

Generates the benchmark corpus (pipeline.bench.corpus) into WORK/raw, builds the tables once, then
times re-runs of the flow (in-process, so Prefect's one-off server start is excluded and reported
apart) and counts the files each re-run writes: a re-run should cost in proportion to its new work.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def _files(out: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet") if p.is_file()}


def _step(label: str, raw: Path, out: Path, args) -> dict:
    from pipeline.flow import build_tables

    before = _files(out) if out.exists() else {}
    t = time.perf_counter()
    summary = build_tables(raw_dir=str(raw), output_dir=str(out), workers=args.workers, batch_size=args.batch_size)
    wall = time.perf_counter() - t
    after = _files(out)
    written = [p for p, m in after.items() if before.get(p) != m]
    parts = [p for p in written if p.name.startswith("part-")]
    result = {
        "step": label, "seconds": round(wall, 2), "processed": summary["processed"],
        "unchanged": summary["unchanged"], "part_files_written": len(parts),
        "bytes_written": sum(p.stat().st_size for p in written),
        "manifest_rewritten": any(p.name == "_manifest.parquet" for p in written),
        "live_parts_per_table": len(list((out / "documents.parquet").glob("part-*.parquet"))),
        "stage_seconds": {k: round(v, 2) for k, v in summary["seconds"].items()},
    }
    print(json.dumps(result), flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=5000, help="corpus size before the re-runs")
    parser.add_argument("--work", default=None, help="working folder (default: a new temp folder)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    from pipeline.bench.corpus import generate_corpus

    work = Path(args.work or tempfile.mkdtemp(prefix="rerun-"))
    raw, out = work / "raw", work / "out"
    if not raw.exists():
        generate_corpus(raw, args.docs, seed=args.seed)
    print(f"corpus: {args.docs} documents in {raw}", flush=True)

    t = time.perf_counter()
    from prefect.server.api.server import SubprocessASGIServer

    SubprocessASGIServer().start(timeout=120)  # the one-off cost of the embedded Prefect server
    print(json.dumps({"step": "prefect embedded server start", "seconds": round(time.perf_counter() - t, 2)}))

    results = [_step("initial full build" if not out.exists() else "catch-up run", raw, out, args)]
    results.append(_step("re-run, 0 new", raw, out, args))
    generate_corpus(raw, 1, seed=args.seed, start=args.docs)
    results.append(_step("re-run, 1 new", raw, out, args))
    generate_corpus(raw, 100, seed=args.seed, start=args.docs + 1)
    results.append(_step("re-run, 100 new", raw, out, args))
    results.append(_step("re-run, 0 new (again)", raw, out, args))

    print("\n| step | seconds | processed | part files written | bytes written |")
    print("|---|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['step']} | {r['seconds']} | {r['processed']} | {r['part_files_written']} | "
              f"{r['bytes_written']:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
