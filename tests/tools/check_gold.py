"""Validate hand-made gold files (GOLD-FORMAT.md) before they are used for scoring.

Usage: python tests/tools/check_gold.py [tests/gold/*.jsonl ...]   (exit status 1 when a problem is found)

A gold line for set <name>.jsonl points at its document as tests/gold/<name>/<doc>.txt or, failing that, as
raw/<doc>.txt under the repository root. The checks are mechanical (keys, enumerations, hashes, spans that must
occur verbatim); they cannot tell whether an annotation is right, only that it is well formed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"
REPO_ROOT = GOLD_DIR.parents[1]

REQUIRED_KEYS = {
    "doc", "sha256", "kind", "authorities", "authorities_optional", "ratings", "ratings_optional",
    "dates", "dates_optional", "quotes", "quotes_optional",
}
# The seed gold also carries provenance fields; they are allowed but not required.
ALLOWED_EXTRA_KEYS = {"url", "query"}
KINDS = {"news", "ofsted_report", "ofsted_letter", "press_release", "council_minutes", "other"}
JUDGEMENTS = {
    "overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "care_leavers", "adoption",
    "lscb", "fostering", "other",
}
GRADES = {
    "outstanding", "good", "requires_improvement", "inadequate", "adequate", "excellent", "performs_well",
    "performs_adequately", "performs_poorly",
}
TIMINGS = {"current", "previous"}
SPEAKER_TYPES = {"person", "ofsted", "organisation", "unknown"}
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def load_short_names(path: Path = GOLD_DIR / "authority_short_names.txt") -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def find_document(gold_file: Path, doc: str) -> Path | None:
    for candidate in (gold_file.parent / gold_file.stem / f"{doc}.txt", REPO_ROOT / "raw" / f"{doc}.txt"):
        if candidate.is_file():
            return candidate
    return None


def _valid_date_value(value: str) -> bool:
    if not DATE_VALUE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def check_record(rec: dict, text: str, short_names: set[str]) -> list[str]:
    """Return the problems found in one gold record against its document text."""
    errs: list[str] = []
    keys = set(rec)
    if missing := REQUIRED_KEYS - keys:
        errs.append(f"missing keys {sorted(missing)}")
    if unknown := keys - REQUIRED_KEYS - ALLOWED_EXTRA_KEYS:
        errs.append(f"unknown keys {sorted(unknown)}")
    if errs:
        return errs
    if rec["kind"] not in KINDS:
        errs.append(f"bad kind {rec['kind']!r}")

    for field in ("authorities", "authorities_optional"):
        names = rec[field]
        if len(names) != len(set(names)):
            errs.append(f"duplicate names in {field}")
        errs += [f"{field}: unknown short name {n!r}" for n in names if n not in short_names]
    if both := set(rec["authorities"]) & set(rec["authorities_optional"]):
        errs.append(f"authorities both required and optional: {sorted(both)}")

    named = set(rec["authorities"]) | set(rec["authorities_optional"])
    for field in ("ratings", "ratings_optional"):
        seen = set()
        for r in rec[field]:
            key = (r.get("authority"), r.get("judgement"), r.get("grade"), r.get("timing"))
            if key in seen:
                errs.append(f"{field}: duplicate {key}")
            seen.add(key)
            if r.get("authority") not in named:
                errs.append(f"{field}: rating for {r.get('authority')!r} not listed in authorities")
            if r.get("judgement") not in JUDGEMENTS:
                errs.append(f"{field}: bad judgement {r.get('judgement')!r}")
            if r.get("grade") not in GRADES:
                errs.append(f"{field}: bad grade {r.get('grade')!r}")
            if r.get("timing") not in TIMINGS:
                errs.append(f"{field}: bad timing {r.get('timing')!r}")

    values = [d.get("value") for d in rec["dates"]]
    if len(values) != len(set(values)):
        errs.append("dates: a value is listed twice (each distinct value once per document)")
    for field in ("dates", "dates_optional"):
        for d in rec[field]:
            if d.get("text") not in text:
                errs.append(f"{field}: text {d.get('text')!r} not in document")
            value = d.get("value")
            # A year-less date whose year a reader cannot infer may carry null, but only as optional.
            if value is None and field == "dates_optional":
                continue
            if not isinstance(value, str) or not _valid_date_value(value):
                errs.append(f"{field}: bad value {value!r}")

    for field in ("quotes", "quotes_optional"):
        for q in rec[field]:
            qt = q.get("text") or ""
            if qt not in text:
                errs.append(f"{field}: text not verbatim in document: {qt[:60]!r}")
            if len(qt.split()) < 4:
                errs.append(f"{field}: fewer than four words: {qt!r}")
            if q.get("speaker_type") not in SPEAKER_TYPES:
                errs.append(f"{field}: bad speaker_type {q.get('speaker_type')!r}")
            if field == "quotes" and not q.get("speaker"):
                errs.append(f"quotes: empty speaker for {qt[:40]!r} (unknown speakers belong in quotes_optional)")
    return errs


def check_file(gold_file: Path, short_names: set[str] | None = None) -> list[str]:
    """Return every problem in a gold .jsonl file, each prefixed with file:line and doc id."""
    short_names = short_names if short_names is not None else load_short_names()
    problems: list[str] = []
    seen_docs: set[str] = set()
    for lineno, line in enumerate(gold_file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{gold_file.name}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: invalid JSON ({exc})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("doc"), str):
            problems.append(f"{where}: not an object with a 'doc' string")
            continue
        doc = rec["doc"]
        where = f"{where} {doc}"
        if doc in seen_docs:
            problems.append(f"{where}: duplicate doc id")
        seen_docs.add(doc)
        path = find_document(gold_file, doc)
        if path is None:
            problems.append(f"{where}: document file not found")
            continue
        raw = path.read_bytes()
        if not SHA256.match(str(rec.get("sha256", ""))) or hashlib.sha256(raw).hexdigest() != rec["sha256"]:
            problems.append(f"{where}: sha256 does not match {path.name}")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"{where}: document is not UTF-8")
            continue
        problems += [f"{where}: {e}" for e in check_record(rec, text, short_names)]
    return problems


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(GOLD_DIR.glob("*.jsonl"))
    short_names = load_short_names()
    total = 0
    for f in files:
        problems = check_file(f, short_names)
        total += len(problems)
        for p in problems:
            print(p)
        n = sum(1 for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
        print(f"{f}: {n} records, {len(problems)} problems")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
