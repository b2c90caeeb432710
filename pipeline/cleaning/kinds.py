"""Document kind and title detection, rules in kinds.json."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_HEAD_CHARS = 1500
_SCAN_HEAD = 6000
_SCAN_TAIL = 3000


def _required_literal(pattern: str) -> str:
    """The longest run of literal characters every match must contain ('' if none is found).

    A C-speed `in` test on it lets most texts skip the regex: patterns that start with `\\b` or `^`
    defeat the regex engine's own literal-prefix scan.
    """
    try:
        from re import _parser  # the stdlib's parser: only top-level items are unconditionally required
        items = list(_parser.parse(pattern))
    except Exception:  # pragma: no cover - a future Python may move it; the prefilter is only a speed-up
        return ""
    best, run = "", ""
    for op, arg in items:
        if op is _parser.LITERAL:
            run += chr(arg)
            best = max(best, run, key=len)
        elif op is not _parser.AT:  # anchors and \b take no characters; anything else ends the run
            run = ""
    return best if len(best) >= 3 else ""


def _compile(pattern: str, flags: int) -> tuple[re.Pattern, str]:
    return re.compile(pattern, flags), _required_literal(pattern)


@lru_cache(maxsize=1)
def _rules() -> tuple[list[dict], str]:
    data = json.loads((Path(__file__).parent / "kinds.json").read_text(encoding="utf-8"))
    compiled = []
    for rule in data["kinds"]:
        # Patterns are lower case and run over lower-cased text: far faster than re.IGNORECASE.
        flags = re.MULTILINE
        compiled.append({
            "kind": rule["kind"],
            "head_all": [_compile(p, flags) for p in rule.get("head_all", [])],
            "any": [_compile(p, flags) for p in rule.get("any", [])],
            "min_any": rule.get("min_any", 1),
        })
    return compiled, data["default"]


def detect_kind(paragraphs: list[str]) -> str:
    # Paragraph-per-line view so that ^ anchors mean "start of a paragraph".
    text = "\n".join(paragraphs).lower()
    head = text[:_HEAD_CHARS]
    # Kind signals sit at the top (letterhead, title, dates) and the end (sign-off, notes to editors).
    if len(text) > _SCAN_HEAD + _SCAN_TAIL:
        text = text[:_SCAN_HEAD] + "\n" + text[-_SCAN_TAIL:]
    rules, default = _rules()
    for rule in rules:
        if not all(lit in head and p.search(head) for p, lit in rule["head_all"]):
            continue
        if sum(1 for p, lit in rule["any"] if lit in text and p.search(text)) >= rule["min_any"]:
            return rule["kind"]
    return default


_SUBJECT_AFTER_DEAR = 3
_REPORT_TITLE = re.compile(r"inspection of|inspection report|children'?s services", re.I)
_TERMINAL = re.compile(r"[.!?]['’\"”]?$")


def detect_title(paragraphs: list[str], kind: str) -> str | None:
    """The headline (news), letter subject (letters) or report title (reports)."""
    if not paragraphs:
        return None
    if kind == "ofsted_letter":
        for i, p in enumerate(paragraphs):
            if p.lower().startswith("dear "):
                for q in paragraphs[i + 1: i + 1 + _SUBJECT_AFTER_DEAR]:
                    if len(q.split()) <= 20 and not _TERMINAL.search(q):
                        return q
                break
    if kind == "ofsted_report":
        for p in paragraphs[:8]:
            if _REPORT_TITLE.search(p) and len(p.split()) <= 25:
                return p
    first = paragraphs[0]
    # Headlines are short and carry no closing full stop; a first paragraph that does is body text.
    if len(first.split()) <= 25 and not first.endswith(".") and not first.lower().startswith("dear "):
        return first
    return None
