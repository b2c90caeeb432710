"""Document kind and title detection, rules in kinds.json."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_HEAD_CHARS = 1500
_SCAN_HEAD = 6000
_SCAN_TAIL = 3000


_MAX_ALTERNATIVES = 32


def _required_literals(pattern: str) -> tuple[tuple[str, ...], bool]:
    """Literal strings at least one of which every match must contain, and whether the match must start
    with one of them at a line start (a `^` pattern). ((), False) when none is found.

    C-speed `in` tests on them let most texts skip the regex: patterns that start with `\\b` or `^`, or
    with an alternation ("(said|says|told)"), defeat the regex engine's own literal-prefix scan.
    """
    try:
        from re import _parser  # the stdlib's parser; a future Python may move it (then: no prefilter)
        items = list(_parser.parse(pattern))
        found = _required_in(items, _parser)
    except Exception:  # pragma: no cover - the prefilter is only a speed-up
        return (), False
    return (tuple(found[0]), found[1]) if found else ((), False)


def _literal_alternatives(items: list, P) -> list[str] | None:
    """The exact strings a sequence of only literals, zero-width anchors and literal groups can match."""
    out = [""]
    for op, arg in items:
        if op is P.LITERAL:
            out = [o + chr(arg) for o in out]
        elif op is P.AT:
            continue
        else:
            if op is P.SUBPATTERN and not arg[1] & re.IGNORECASE:
                alts = _literal_alternatives(list(arg[-1]), P)
            elif op is P.BRANCH:
                subs = [_literal_alternatives(list(b), P) for b in arg[1]]
                alts = None if any(x is None for x in subs) else [x for sub in subs for x in sub]
            else:
                alts = None
            if alts is None or len(out) * len(alts) > _MAX_ALTERNATIVES:
                return None
            out = [o + x for o in out for x in alts]
    return out


def _required_in(items: list, P) -> tuple[list[str], bool] | None:
    """For a parsed sequence: the most selective set of alternative literals a match must contain, and
    whether they open the match right after a leading `^`."""
    candidates: list[tuple[list[str], bool]] = []
    segment: list = []
    line_start = bool(items) and items[0][0] is P.AT and items[0][1] is P.AT_BEGINNING

    def close(at_start: bool) -> None:
        alts = _literal_alternatives(segment, P) if segment else None
        if alts and all(alts):
            candidates.append((alts, at_start))
        segment.clear()

    seg_start = 0
    for k, (op, arg) in enumerate(items):
        if op is P.LITERAL or op is P.AT or _literal_alternatives([(op, arg)], P) is not None:
            if segment and _literal_alternatives([*segment, (op, arg)], P) is None:
                close(line_start and seg_start <= 1)  # too many combinations: the part so far stands alone
            if not segment:
                seg_start = k
            segment.append((op, arg))
            continue
        close(line_start and seg_start <= 1)
        sub = None
        if op is P.SUBPATTERN and not arg[1] & re.IGNORECASE:
            sub = _required_in(list(arg[-1]), P)
        elif op is P.BRANCH:
            subs = [_required_in(list(b), P) for b in arg[1]]
            sub = None if any(x is None for x in subs) else ([x for alts, _ in subs for x in alts], False)
        elif op in (P.MAX_REPEAT, P.MIN_REPEAT) and arg[0] >= 1:
            sub = _required_in(list(arg[2]), P)
        if sub:
            candidates.append((sub[0], False))
    close(line_start and seg_start <= 1)
    candidates = [c for c in candidates if min(map(len, c[0])) >= 3]
    # a literal that must open a line is the most selective test; then the longest shortest alternative
    return max(candidates, key=lambda c: (c[1], min(map(len, c[0])), -len(c[0])), default=None)


def _contains_any(text: str, literals: tuple[tuple[str, ...], bool]) -> bool:
    alts, line_start = literals
    if not alts:
        return True
    if line_start:
        return any(text.startswith(lit) or "\n" + lit in text for lit in alts)
    return any(lit in text for lit in alts)


def _compile(pattern: str, flags: int) -> tuple[re.Pattern, tuple[tuple[str, ...], bool]]:
    return re.compile(pattern, flags), _required_literals(pattern)


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
            "none": [_compile(p, flags) for p in rule.get("none", [])],
        })
    return compiled, data["default"]


def detect_kind(paragraphs: list[str], letterhead: list[str] | tuple[str, ...] = ()) -> str:
    """The document's kind from the first rule of kinds.json that fits. `letterhead`: the sender's address lines
    the cleaner took off the top ("Department for Education" above a minister's letter), read as the head too."""
    # Paragraph-per-line view so that ^ anchors mean "start of a paragraph".
    text = "\n".join([*letterhead, *paragraphs]).lower()
    top = sum(len(line) + 1 for line in letterhead)
    head = text[:top + _HEAD_CHARS]
    # Kind signals sit at the top (letterhead, title, dates) and the end (sign-off, notes to editors).
    if len(text) > top + _SCAN_HEAD + _SCAN_TAIL:
        text = text[:top + _SCAN_HEAD] + "\n" + text[-_SCAN_TAIL:]
    rules, default = _rules()
    for rule in rules:
        if not all(_contains_any(head, lits) and p.search(head) for p, lits in rule["head_all"]):
            continue
        if any(_contains_any(text, lits) and p.search(text) for p, lits in rule["none"]):
            continue  # a signal of another kind rules this one out
        if _at_least(rule["min_any"], (_contains_any(text, lits) and p.search(text) for p, lits in rule["any"])):
            return rule["kind"]
    return default


def _at_least(n: int, hits) -> bool:
    """At least n truthy items, consuming no more of `hits` than needed."""
    if n <= 0:
        return True
    for hit in hits:
        if hit:
            n -= 1
            if n == 0:
                return True
    return False


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
