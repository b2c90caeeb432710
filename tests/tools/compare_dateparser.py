"""Compare our dates component with dateparser's search_dates on the gold documents.

Usage: python tests/tools/compare_dateparser.py [--show-errors] [GOLD.jsonl ...]
(default: tests/gold/seeds.jsonl and every tests/gold/wider*.jsonl).

A gold line for <name>.jsonl points at tests/gold/<name>/<doc>.txt or, failing that, raw/<doc>.txt; the text
goes through the project's cleaner first, as in the real pipeline. Both extractors are scored with the rule
evaluate uses for dates: the set of distinct ISO values per document, `dates_optional` values neither
rewarded nor punished, micro precision / recall / F1 over all documents.

dateparser returns datetimes, not precisions: each found phrase is re-parsed with DateDataParser, whose
`period` (day / month / year) sets the precision of the value. Its own document date is not used.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.cleaning.cleaner import clean  # noqa: E402
from pipeline.nlp import build_nlp  # noqa: E402


def find_document(gold_file: Path, doc: str) -> Path | None:
    for candidate in (gold_file.parent / gold_file.stem / f"{doc}.txt", ROOT / "raw" / f"{doc}.txt"):
        if candidate.is_file():
            return candidate
    return None


def load(gold_files: list[Path]) -> list[dict]:
    items = []
    for gold_file in gold_files:
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            gold = json.loads(line)
            path = find_document(gold_file, gold["doc"])
            if path is None:
                print(f"skip {gold['doc']}: document not found", file=sys.stderr)
                continue
            cleaned = clean(path.read_text(encoding="utf-8", errors="replace"))
            items.append({"doc": gold["doc"], "text": cleaned.text, "kind": cleaned.kind, "title": cleaned.title,
                          "gold": {d["value"] for d in gold.get("dates", [])},
                          "optional": {d["value"] for d in gold.get("dates_optional", []) if d.get("value")}})
    return items


def ours(items: list[dict]) -> list[set[str]]:
    nlp = build_nlp(("paragraph_sentencizer", "ofsted_dates"))
    out = []
    for item in items:
        doc = nlp.make_doc(item["text"])
        doc._.kind, doc._.title = item["kind"], item["title"]
        doc = nlp(doc)
        out.append({m["value"] for m in doc._.date_mentions})
    return out


def theirs(items: list[dict]) -> list[set[str]]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    ddp = DateDataParser(languages=["en"], settings=settings)
    out = []
    for item in items:
        values = set()
        for phrase, when in search_dates(item["text"], languages=["en"], settings=settings) or []:
            period = (ddp.get_date_data(phrase).period or "day") if phrase else "day"
            values.add(when.strftime({"year": "%Y", "month": "%Y-%m"}.get(period, "%Y-%m-%d")))
        out.append(values)
    return out


def score(items: list[dict], preds: list[set[str]], show: bool, label: str) -> dict:
    tp = fp = fn = 0
    for item, pred in zip(items, preds):
        fps = pred - item["gold"] - item["optional"]
        fns = item["gold"] - pred
        tp += len(pred & item["gold"])
        fp += len(fps)
        fn += len(fns)
        if show and (fps or fns):
            print(f"  [{label}] {item['doc']}: false positives {sorted(fps)} missed {sorted(fns)}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    gold_dir = ROOT / "tests" / "gold"
    files = args.gold or [gold_dir / "seeds.jsonl", *sorted(gold_dir.glob("wider*.jsonl"))]
    files = [f for f in files if f.is_file()]
    print("gold files:", ", ".join(str(f.relative_to(ROOT)) if f.is_relative_to(ROOT) else str(f) for f in files))
    for gold_file in files:
        items = load([gold_file])
        print(f"\n{gold_file.name}: {len(items)} documents, {sum(len(i['gold']) for i in items)} required values")
        print(f"{'extractor':<24}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}{'seconds':>9}")
        for label, run in (("ours (ofsted_dates)", ours), ("dateparser.search_dates", theirs)):
            t0 = time.perf_counter()
            preds = run(items)
            seconds = time.perf_counter() - t0
            s = score(items, preds, args.show_errors, label)
            print(f"{label:<24}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}{s['precision']:>8.3f}{s['recall']:>8.3f}"
                  f"{s['f1']:>8.3f}{seconds:>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
