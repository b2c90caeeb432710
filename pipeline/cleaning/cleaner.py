"""Remove what is not the article, and lay the text out as one paragraph per block.

Output contract (the extractors rely on it): paragraphs separated by exactly one blank line and
no other newline; curly quotes kept; every removed line recorded as "<rule>: <line>".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.cleaning.kinds import detect_kind, detect_title
from pipeline.cleaning.normalise import normalise


@dataclass
class CleanResult:
    text: str
    kind: str
    title: str | None
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Rules:
    drop: re.Pattern
    drop_names: tuple[str, ...]
    related_marker: re.Pattern
    related_header: re.Pattern
    byline: re.Pattern
    letterhead_max_lines: int
    postcode: re.Pattern
    street_line: re.Pattern
    not_caption: re.Pattern
    caption_in_credit: re.Pattern


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = json.loads((Path(__file__).parent / "boilerplate.json").read_text(encoding="utf-8"))
    return _Rules(
        # One alternation instead of a match per rule per line; the group number names the rule.
        drop=re.compile("|".join(f"(?P<r{i}>(?:{r['pattern']}))" for i, r in enumerate(data["drop_lines"])),
                        re.IGNORECASE),
        drop_names=tuple(r["name"] for r in data["drop_lines"]),
        related_marker=re.compile(data["related_link_marker"]),
        related_header=re.compile(data["related_list_header"], re.IGNORECASE),
        byline=re.compile(data["byline"]),
        letterhead_max_lines=int(data["letterhead_max_lines"]),
        postcode=re.compile(data["postcode"]),
        street_line=re.compile(data["street_line"], re.IGNORECASE),
        not_caption=re.compile(data["not_caption"], re.IGNORECASE),
        caption_in_credit=re.compile(data["caption_in_credit"], re.IGNORECASE),
    )


# Checked on the last character only: an end-anchored regex search scans the whole paragraph.
_TERMINAL = frozenset(".!?:;…)]\"”’'–—-")
_SENTENCE_END = frozenset(".!?")


def _ends_sentence(line: str) -> bool:
    return line[-1:] in _SENTENCE_END


def _ends_clause(line: str) -> bool:
    return line[-1:] in _TERMINAL
_SHORT_WORDS = 6
_ADDRESS_WORDS = 8
_RELATED_WORDS = 16
_HEAD_PARAGRAPHS = 3


def _is_short_label(line: str) -> bool:
    return not _ends_sentence(line) and len(line.split()) <= _SHORT_WORDS


_CAPTION_WORDS = 8


def _is_caption(line: str, credit: str, rules: _Rules) -> bool:
    """The line above a photo credit is its caption, unless it is a dateline or byline or the credit line
    carries its own caption."""
    return not _ends_clause(line) and len(line.split()) <= _CAPTION_WORDS and not (
        rules.not_caption.match(line) or rules.byline.match(line[:1].lower() + line[1:])
        or rules.caption_in_credit.match(credit))


def _letterhead_end(lines: list[str], rules: _Rules) -> int:
    """Index after a letterhead block at the very top (short lines ending with a postcode), else 0."""
    for i, line in enumerate(lines[: rules.letterhead_max_lines]):
        if not _is_short_label(line):
            return 0
        if rules.postcode.search(line):
            return i + 1
    return 0


def _is_address_line(line: str, rules: _Rules) -> bool:
    words = len(line.split())
    if words <= _ADDRESS_WORDS and not _ends_sentence(line) and rules.postcode.search(line):
        return True
    return bool(rules.street_line.match(line))


def _drop_rule(line: str, rules: _Rules) -> str | None:
    m = rules.drop.match(line)
    return rules.drop_names[int(m.lastgroup[1:])] if m else None


_MONTH_END = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$", re.IGNORECASE)
_YEAR_START = re.compile(r"(?:19|20)\d\d\b")


def _joins_next(prev: str, nxt: str) -> bool:
    """A PDF page break or line wrap split a sentence: no closing punctuation, next block starts lower-case, or a
    date broken after its month ("... was in June" / "2012. The local authority ...")."""
    if not prev or _ends_clause(prev):
        return False
    return nxt[:1].islower() or bool(_YEAR_START.match(nxt) and _MONTH_END.search(prev))


def clean(raw: str, title: str | None = None) -> CleanResult:
    """Clean decoded text. `title` is a headline the reader already knows (HTML, PDF metadata)."""
    rules = _rules()
    removed: list[str] = []
    lines = [ln.strip() for ln in normalise(raw).split("\n")]
    lines = [ln for ln in lines if ln]

    end = _letterhead_end(lines, rules)
    removed.extend(f"letterhead: {ln}" for ln in lines[:end])
    lines = lines[end:]

    kept: list[str] = []
    # "one": only the next line may be a related link (after a lone "-"); "list": every following
    # short unpunctuated line is (after a "Read more:" / "Related articles" header).
    related_mode: str | None = None
    for line in lines:
        if related_mode:
            if not _ends_sentence(line) and len(line.split()) <= _RELATED_WORDS \
                    and not _drop_rule(line, rules):
                removed.append(f"related_link: {line}")
                if related_mode == "one":
                    related_mode = None
                continue
            related_mode = None
        if rules.related_marker.match(line):
            related_mode = "one"
            removed.append(f"separator: {line}")
            continue
        if rules.related_header.match(line):
            related_mode = "list"
            removed.append(f"related_header: {line}")
            continue
        rule = _drop_rule(line, rules)
        if rule:
            if rule == "image_credit" and kept and _is_caption(kept[-1], line, rules):
                # The line above a photo credit is its caption or alt text ("good job").
                removed.append(f"image_caption: {kept.pop()}")
            removed.append(f"{rule}: {line}")
            continue
        if _is_address_line(line, rules):
            removed.append(f"address: {line}")
            continue
        kept.append(line)

    paragraphs: list[str] = []
    for line in kept:
        # Headline, standfirst and byline sit at the top without closing punctuation; a page break
        # never falls there, and "by Jane Smith on ..." is a byline, not a continuation.
        if len(paragraphs) >= _HEAD_PARAGRAPHS and _joins_next(paragraphs[-1], line) \
                and not rules.byline.match(line):
            removed.append(f"joined_page_break: {paragraphs[-1][-30:]} | {line[:30]}")
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)

    kind = detect_kind(paragraphs)
    if title and paragraphs and paragraphs[0] != title:
        # A title carried by the format (HTML <h1>, PDF metadata) becomes the first paragraph,
        # so that headline rules (primary authority, title) see it in the text like in .txt files.
        paragraphs.insert(0, title)
    return CleanResult(
        text="\n\n".join(paragraphs),
        kind=kind,
        title=title or detect_title(paragraphs, kind),
        removed=removed,
    )
