"""What committing a batch costs as the output grows: the store alone, no NLP.

A run over a million inputs makes thousands of commits; if each one rewrote per-input bookkeeping, the
commits would cost more than the extraction. This commits `n` inputs in batches of one-row-per-input
tables and reports the commit time at checkpoints and in total, plus the end-of-run compaction.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path


def _batch(start: int, size: int, now: dt.datetime):
    from pipeline.schemas import TABLES, to_table
    from pipeline.store import ManifestEntry

    docs = [{"doc_id": f"{i:016x}", "source": f"b/{i:08d}.txt", "kind": "news", "text": f"story {i}",
             "content_sha256": f"{i:064x}", "pipeline_version": "bench", "processed_at": now}
            for i in range(start, start + size)]
    tables = {name: TABLES[name].empty_table() for name in TABLES}
    tables["documents"] = to_table("documents", docs)
    entries = [ManifestEntry(source=d["source"], size=100, mtime_ns=1, content_sha256=d["content_sha256"],
                             pipeline_version="bench", doc_id=d["doc_id"], status="ok", part="", processed_at=now)
               for d in docs]
    return tables, entries


def store_costs(n: int, batch: int = 200, out: Path | None = None, checkpoints: int = 5) -> dict:
    from pipeline.store import OutputStore

    store = OutputStore(out or tempfile.mkdtemp(prefix="bench-store-"))
    now = dt.datetime.now(dt.UTC)
    marks = {round(n * k / checkpoints / batch) * batch for k in range(1, checkpoints + 1)}
    points, total = [], 0.0
    with store.locked():
        for start in range(0, n, batch):
            tables, entries = _batch(start, min(batch, n - start), now)
            t = time.perf_counter()
            store.commit(tables, entries)
            took = time.perf_counter() - t
            total += took
            if start + batch in marks:
                points.append({"inputs": start + batch, "commit_ms": 1000 * took})
        t = time.perf_counter()
        store.compact()
        compact_s = time.perf_counter() - t
    return {"inputs": n, "batch": batch, "commits": -(-n // batch), "commit_total_s": total,
            "commit_ms_per_input": 1000 * total / n, "compact_s": compact_s, "checkpoints": points}


def markdown(result: dict) -> str:
    lines = [f"{result['inputs']:,} inputs in {result['commits']:,} commits of {result['batch']}: commits "
             f"{result['commit_total_s']:.1f}s in all ({result['commit_ms_per_input']:.3f} ms per input), "
             f"end-of-run compaction {result['compact_s']:.1f}s.", "",
             "| inputs committed | that commit, ms |", "|---|---|"]
    lines += [f"| {p['inputs']:,} | {p['commit_ms']:.0f} |" for p in result["checkpoints"]]
    return "\n".join(lines)
