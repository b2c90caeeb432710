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
from pipeline.readers.pdf import join_wrapped_words, vocabulary


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


_OPEN_QUOTES = frozenset("'\"‘“")
_MONTH_END = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$", re.IGNORECASE)
_YEAR_START = re.compile(r"(?:19|20)\d\d\b")


_ITEM_START = re.compile(r"(?:[\u2022\u25cf\u25aa\u25e6\u00b7*\u2013-]|\(?\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)])\s")
_WRAP_MIN, _WRAP_MAX = 50, 130  # a hard-wrapping tool's line width lies in this range
_WRAP_SLACK = 16  # a wrapped line ends within this many characters of the width


def wrap_width(lines: list[str]) -> int | None:
    """The width a text was hard-wrapped at (most non-blank lines end near it, hardly any is longer), or None
    for a text with one paragraph per line."""
    lengths = sorted(len(x) for x in lines if x)
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if not _WRAP_MIN <= width <= _WRAP_MAX:
        return None
    full = sum(1 for n in lengths if width - _WRAP_SLACK <= n <= width + 2)
    longer = sum(1 for n in lengths if n > width + 10)
    return width if full >= 0.4 * len(lengths) and longer <= 0.05 * len(lengths) else None


def _wrapped_on(prev: str, line: str, width: int) -> bool:
    """In a hard-wrapped text, `line` continues `prev`: prev reached the wrap width (so the tool broke it) and
    line does not start a list item or numbered paragraph."""
    return (len(prev) >= width - _WRAP_SLACK and prev[-1:] != ":" and not _ITEM_START.match(line)
            and not line.isupper())


def _joins_next(prev: str, nxt: str) -> bool:
    """A PDF page break or line wrap split a sentence: no closing punctuation, next block starts lower-case, or a
    date broken after its month ("... was in June" / "2012. The local authority ...")."""
    if not prev or _ends_clause(prev):
        return False
    # a quotation that starts mid-sentence ("... stated that" / "'children have been left ...'")
    quote_mid = nxt[:1] in _OPEN_QUOTES and nxt[1:2].islower()
    return nxt[:1].islower() or quote_mid or bool(_YEAR_START.match(nxt) and _MONTH_END.search(prev))


def clean(raw: str, title: str | None = None) -> CleanResult:
    """Clean decoded text. `title` is a headline the reader already knows (HTML, PDF metadata)."""
    rules = _rules()
    removed: list[str] = []
    physical = [ln.strip() for ln in normalise(raw).split("\n")]
    width = wrap_width(physical)
    # each line with its physical line number: a hard-wrapped paragraph's lines follow each other directly
    numbered = [(i, ln) for i, ln in enumerate(physical) if ln]
    lines = [ln for _, ln in numbered]

    end = _letterhead_end(lines, rules)
    removed.extend(f"letterhead: {ln}" for ln in lines[:end])
    numbered = numbered[end:]

    kept: list[str] = []
    kept_no: list[int] = []
    # "one": only the next line may be a related link (after a lone "-"); "list": every following
    # short unpunctuated line is (after a "Read more:" / "Related articles" header).
    related_mode: str | None = None
    for no, line in numbered:
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
                kept_no.pop()
            removed.append(f"{rule}: {line}")
            continue
        if _is_address_line(line, rules):
            removed.append(f"address: {line}")
            continue
        kept.append(line)
        kept_no.append(no)

    paragraphs: list[str] = []
    last_no, last_line = -2, ""
    words: set[str] | None = None
    for line, no in zip(kept, kept_no, strict=True):
        if width and paragraphs and no == last_no + 1 and _wrapped_on(last_line, line, width):
            # a hard-wrapped paragraph (a PDF's text export, an e-mail): its next line continues it
            if words is None:
                words = vocabulary([kept])
            paragraphs[-1] = join_wrapped_words(paragraphs[-1], line, words)
        # Headline, standfirst and byline sit at the top without closing punctuation; a page break
        # never falls there, and "by Jane Smith on ..." is a byline, not a continuation.
        elif len(paragraphs) >= _HEAD_PARAGRAPHS and _joins_next(paragraphs[-1], line) \
                and not rules.byline.match(line):
            removed.append(f"joined_page_break: {paragraphs[-1][-30:]} | {line[:30]}")
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
        last_no, last_line = no, line

    kind = detect_kind(paragraphs, letterhead=lines[:end])
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
