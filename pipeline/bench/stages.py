"""Where the time goes: each stage and spaCy component alone over the same documents, in one process.

The flow benchmark gives totals; this splits them so a speed-up can be aimed (and checked) at one
component. Each stage runs `repeats` times and the fastest time is kept: on shared cores the minimum is the
least noisy estimate of a stage's own cost.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path


def stage_times(raw: Path, repeats: int = 3) -> dict:
    from pipeline import stages
    from pipeline.bench.run import tokenizer_floor
    from pipeline.nlp import shared_nlp
    from pipeline.rows import doc_rows

    files = stages.discover(raw)
    best: dict[str, float] = {}

    def timed(name: str, fn, *args):
        t = time.perf_counter()
        out = fn(*args)
        best[name] = min(best.get(name, float("inf")), time.perf_counter() - t)
        return out

    def run_pipe(pipe, docs):
        return [pipe(d) for d in docs]

    def rows(docs, meta):
        return [doc_rows(d, m) for d, m in zip(docs, meta)]

    nlp = shared_nlp()
    now = dt.datetime.now(dt.UTC)
    for _ in range(repeats):
        items = timed("read", stages.read_batch, files)
        texts = [i.text for i in items if not i.error]
        best["tokenizer floor"] = min(best.get("tokenizer floor", float("inf")), tokenizer_floor(texts))
        items = timed("clean", stages.clean_batch, items)
        ok = [i for i in items if not i.error]
        docs = timed("make_doc", lambda ok: [stages._doc_for(nlp, i) for i in ok], ok)
        for name, pipe in nlp.pipeline:
            docs = timed(name, run_pipe, pipe, docs)
        meta = [stages.row_meta(i, "bench", now) for i in ok]
        timed("rows", rows, docs, meta)
    floor = best.pop("tokenizer floor")
    total = sum(best.values())
    words = sum(len(t.split()) for t in texts)
    return {"documents": len(files), "words": words, "floor_s": floor, "stages_s": best, "total_s": total,
            "floor_ratio": total / floor if floor else None}


def markdown(result: dict) -> str:
    lines = [f"{result['documents']} documents, {result['words']:,} words; tokenizer floor "
             f"{result['floor_s']:.2f}s (fastest of the repeats).", "",
             "| stage / component | seconds | x floor |", "|---|---|---|"]
    for name, s in result["stages_s"].items():
        lines.append(f"| {name} | {s:.2f} | {s / result['floor_s']:.1f} |")
    lines.append(f"| **total** | {result['total_s']:.2f} | {result['floor_ratio']:.1f} |")
    return "\n".join(lines)
