"""Score the output tables against a gold file in the GOLD-FORMAT.md format.

Per table: micro precision, recall and F1 over all gold documents. Matching:
authorities by short name; ratings by (authority, judgement, grade, timing); dates by distinct
ISO value; quotes by normalised text (case, whitespace, quote marks and outer punctuation
ignored), with speaker accuracy on matched quotes and an end-to-end F1 that needs both.
Predictions matching a `*_optional` gold entry are neither rewarded nor punished.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

TABLE_NAMES = ("authorities", "ratings", "dates", "quotes")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in TABLE_NAMES})
    quote_e2e: Score = field(default_factory=Score)
    speaker_correct: int = 0
    speaker_type_correct: int = 0
    quotes_matched: int = 0
    kind_correct: int = 0
    documents: int = 0
    missing_documents: list[str] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        matched = self.quotes_matched or 1
        return {
            "documents": self.documents,
            "missing_documents": self.missing_documents,
            **{t: s.as_dict() for t, s in self.scores.items()},
            "quotes_end_to_end": self.quote_e2e.as_dict(),
            "speaker_accuracy": round(self.speaker_correct / matched, 4) if self.quotes_matched else None,
            "speaker_type_accuracy": round(self.speaker_type_correct / matched, 4) if self.quotes_matched else None,
            "kind_accuracy": round(self.kind_correct / self.documents, 4) if self.documents else None,
        }


_QUOTE_CHARS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "‛": "'", "‟": '"', "`": "'"})
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_WS = re.compile(r"\s+")


def norm_quote(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").translate(_QUOTE_CHARS).lower()
    return _EDGE.sub("", _WS.sub(" ", text)).strip()


def norm_name(text: str | None) -> str:
    if not isinstance(text, str):  # a null speaker arrives from pandas as None or NaN
        return ""
    return _WS.sub(" ", text.translate(_QUOTE_CHARS)).strip().lower()


def _quote_match(a: str, b: str) -> bool:
    if a == b:
        return True
    ta, tb = set(a.split()), set(b.split())
    if not ta or not tb:
        return False
    return len(ta & tb) / len(ta | tb) >= 0.9


def _rating_key(r: dict) -> tuple:
    return (r["authority"], r["judgement"], r["grade"], r["timing"])


def _score_sets(score: Score, pred: set, gold: set, optional: set, doc: str, table: str, errors: list) -> None:
    score.tp += len(pred & gold)
    fps = pred - gold - optional
    fns = gold - pred
    score.fp += len(fps)
    score.fn += len(fns)
    errors.extend({"doc": doc, "table": table, "type": "false_positive", "item": _show(x)} for x in sorted(fps))
    errors.extend({"doc": doc, "table": table, "type": "missed", "item": _show(x)} for x in sorted(fns))


def _show(x) -> str:
    return " | ".join(map(str, x)) if isinstance(x, tuple) else str(x)


def load_output(output_dir: str | Path) -> dict[str, pd.DataFrame]:
    out = Path(output_dir)
    tables = {}
    for name in ("documents", *TABLE_NAMES):
        path = out / f"{name}.parquet"
        if not path.exists():
            raise FileNotFoundError(f"{path} not found: run the pipeline first (python -m pipeline run)")
        tables[name] = pd.read_parquet(path)
    return tables


def _doc_key(source: str) -> str:
    return Path(source).stem


def evaluate(gold_path: str | Path, output_dir: str | Path) -> Report:
    tables = load_output(output_dir)
    docs = tables["documents"]
    by_stem = {_doc_key(s): (d, k) for s, d, k in zip(docs["source"], docs["doc_id"], docs["kind"], strict=True)}
    grouped = {name: dict(tuple(tables[name].groupby("doc_id"))) for name in TABLE_NAMES}
    empty = {name: tables[name].iloc[0:0] for name in TABLE_NAMES}
    report = Report()
    for line in Path(gold_path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        name = gold["doc"]
        report.documents += 1
        if name not in by_stem:
            report.missing_documents.append(name)
            doc_id, kind = None, None
        else:
            doc_id, kind = by_stem[name]
        report.kind_correct += int(kind == gold.get("kind"))
        pred = {t: grouped[t].get(doc_id, empty[t]) for t in TABLE_NAMES}
        _score_doc(report, gold, pred, name)
    return report


def _score_doc(report: Report, gold: dict, pred: dict[str, pd.DataFrame], name: str) -> None:
    errs = report.errors
    _score_sets(report.scores["authorities"], set(pred["authorities"]["authority_name"]),
                set(gold.get("authorities", [])), set(gold.get("authorities_optional", [])), name,
                "authorities", errs)
    pr = pred["ratings"]
    _score_sets(report.scores["ratings"],
                set(zip(pr["authority_name"], pr["judgement"], pr["grade"], pr["timing"], strict=True)),
                {_rating_key(r) for r in gold.get("ratings", [])},
                {_rating_key(r) for r in gold.get("ratings_optional", [])}, name, "ratings", errs)
    _score_sets(report.scores["dates"], set(pred["dates"]["value"]),
                {d["value"] for d in gold.get("dates", [])},
                {d["value"] for d in gold.get("dates_optional", []) if d.get("value")}, name, "dates", errs)
    _score_quotes(report, gold, pred["quotes"], name)


def _score_quotes(report: Report, gold: dict, pq: pd.DataFrame, name: str) -> None:
    score, e2e, errs = report.scores["quotes"], report.quote_e2e, report.errors
    preds = [{"n": norm_quote(t), "text": t, "speaker": s, "type": st}
             for t, s, st in zip(pq["text"], pq["speaker"], pq["speaker_type"], strict=True)]
    used: set[int] = set()
    for g in gold.get("quotes", []):
        gn = norm_quote(g["text"])
        hit = next((i for i, p in enumerate(preds) if i not in used and _quote_match(gn, p["n"])), None)
        if hit is None:
            score.fn += 1
            e2e.fn += 1
            errs.append({"doc": name, "table": "quotes", "type": "missed", "item": g["text"][:90],
                         "speaker": g.get("speaker")})
            continue
        used.add(hit)
        p = preds[hit]
        score.tp += 1
        report.quotes_matched += 1
        ok_speaker = norm_name(p["speaker"]) == norm_name(g.get("speaker"))
        report.speaker_correct += int(ok_speaker)
        report.speaker_type_correct += int(p["type"] == g.get("speaker_type"))
        if ok_speaker:
            e2e.tp += 1
        else:
            e2e.fn += 1
            e2e.fp += 1
            errs.append({"doc": name, "table": "quotes", "type": "wrong_speaker", "item": g["text"][:90],
                         "speaker": p["speaker"], "expected": g.get("speaker")})
    optional = [norm_quote(q["text"]) for q in gold.get("quotes_optional", [])]
    for i, p in enumerate(preds):
        if i in used or any(_quote_match(o, p["n"]) for o in optional):
            continue
        score.fp += 1
        e2e.fp += 1
        errs.append({"doc": name, "table": "quotes", "type": "false_positive", "item": p["text"][:90],
                     "speaker": p["speaker"]})


def format_report(report: Report, show_errors: bool = False) -> str:
    d = report.as_dict()
    lines = [f"documents scored: {d['documents']}"
             + (f"  (missing from output: {', '.join(d['missing_documents'])})" if d["missing_documents"] else "")]
    lines.append(f"{'table':<18}{'precision':>10}{'recall':>10}{'f1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
    for key in (*TABLE_NAMES, "quotes_end_to_end"):
        s = d[key]
        lines.append(f"{key:<18}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>8.3f}"
                     f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    if d["speaker_accuracy"] is not None:
        lines.append(f"speaker accuracy (matched quotes): {d['speaker_accuracy']:.3f}   "
                     f"speaker type accuracy: {d['speaker_type_accuracy']:.3f}")
    if d["kind_accuracy"] is not None:
        lines.append(f"document kind accuracy: {d['kind_accuracy']:.3f}")
    if show_errors and report.errors:
        lines.append("")
        lines.append("errors:")
        for e in report.errors:
            extra = "".join(f"  [{k}: {e[k]}]" for k in ("speaker", "expected") if e.get(k))
            lines.append(f"  {e['doc']:<28} {e['table']:<12} {e['type']:<15} {e['item']}{extra}")
    return "\n".join(lines)
