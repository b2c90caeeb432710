"""Find quotation spans from quote marks, paragraph by paragraph.

Marks are classified from their neighbours (opening, closing, apostrophe, or undecided) and paired with a
stack per paragraph, so one odd mark never derails the rest of a document. A quote left open at the end of
a paragraph runs to the paragraph end when the next paragraph opens a quote again (the multi-paragraph
convention) or when it plainly introduces speech (paragraph start, after ":" or ","); otherwise the stray
mark is dropped and any quote it seemed to enclose becomes top level again. Pieces of one hard-wrapped sentence
that the cleaner left as separate paragraphs are joined first (rejoin_wrapped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE_OPEN = "“„‟"
DOUBLE_CLOSE = "”"
SINGLE_OPEN = "‘‛"
SINGLE_CLOSE = "’"
MARKS = re.compile("[\"'“”„‟‘’‛]")
_OPEN_BEFORE = set("([{–—-/\"“‘'")
_DECADE = re.compile(r"\d\ds\b")
_TRAIL = " \t,;:–—-"
_OPENERS = "\"'“‘‛„‟"


@dataclass
class QuoteSpan:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark, or the paragraph end when left open
    start: int  # offsets of the quote text without the marks (trimmed)
    end: int
    para: int
    family: str  # "d" or "s"
    closed: bool = True
    enclosing: list[int] = field(default_factory=list)  # opening offsets of marks around it

    @property
    def outer_end(self) -> int:
        """End offset of the whole quote including its closing mark."""
        return self.close + 1 if self.closed else self.close


def _classify(text: str, i: int, ps: int, pe: int) -> tuple[str, str]:
    """(family, role) of the mark at i; role is open | close | close_s | either | apos."""
    c = text[i]
    prev = text[i - 1] if i > ps else " "
    nxt = text[i + 1] if i + 1 < pe else " "
    if c in DOUBLE_OPEN:
        return "d", "open"
    if c in DOUBLE_CLOSE:
        return "d", "close"
    if c == '"':
        if prev.isspace() or prev in _OPEN_BEFORE:
            return "d", "either" if nxt.isspace() else "open"
        if nxt.isspace() or not nxt.isalnum():
            return "d", "close"
        return "d", "either"
    if c in SINGLE_OPEN:
        if prev.isalnum() or _DECADE.match(text, i + 1, pe):
            return "s", "apos"
        return "s", "open"
    # ’ or ' : apostrophe, closing mark, or (after a space) an opening mark typed the wrong way round
    if prev.isalnum() and nxt.isalnum():
        return "s", "apos"
    if not prev.isspace() and i > ps and not nxt.isalnum():
        return "s", "close_s" if prev in "sS" else "close"
    if (prev.isspace() or prev in _OPEN_BEFORE or i == ps) and nxt.isalnum():
        if _DECADE.match(text, i + 1, pe):
            return "s", "apos"
        return "s", "open"
    return "s", "apos"


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    return a, b


def _next_opens(text: str, para: tuple[int, int] | None) -> str | None:
    """Family of a quote mark that opens the given paragraph, if any."""
    if para is None:
        return None
    ps, pe = para
    if ps >= pe:
        return None
    c = text[ps]
    if c in DOUBLE_OPEN or c == '"':
        return "d"
    if c in SINGLE_OPEN or (c in "'’" and ps + 1 < pe and text[ps + 1].isalnum()):
        return "s"
    return None


def rejoin_wrapped(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraph bounds with the pieces of a hard-wrapped (PDF) sentence put back together: a line break before an
    opening quote mark ("Inspectors noted" / "'a lack of grip on practice' in ...") or inside a hyphenated word
    ("The 2020 inspec-" / "tion report said that") starts no new paragraph. The cleaner splits there because the
    next line does not start with a lower-case letter; the joined bounds span the blank line between the pieces."""
    out: list[tuple[int, int]] = []
    for ps, pe in paragraphs:
        if out and _continues(text, out[-1], ps):
            out[-1] = (out[-1][0], pe)
        else:
            out.append((ps, pe))
    return out


def _continues(text: str, prev: tuple[int, int], ns: int) -> bool:
    """The paragraph starting at ns carries on the sentence of prev, which ends without closing punctuation."""
    ps, pe = prev
    last = text[pe - 1] if pe > ps else "."
    first, second = text[ns:ns + 1], text[ns + 1:ns + 2]
    if last == "-" and pe - 2 >= ps and text[pe - 2].isalpha():
        return first.islower()  # a word hyphenated at a line break
    if last == ",":
        return first in _OPENERS and second.isalpha()  # "A carer told inspectors," / "'We were never ...'"
    return last.isalnum() and first in _OPENERS and second.islower()


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Every top-level quote span in the text, in order."""
    positions = [m.start() for m in MARKS.finditer(text)]
    spans: list[QuoteSpan] = []
    k = 0
    for pi, (ps, pe) in enumerate(paragraphs):
        while k < len(positions) and positions[k] < ps:
            k += 1
        j = k
        while j < len(positions) and positions[j] < pe:
            j += 1
        if j > k:
            nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
            spans.extend(_pair(text, positions[k:j], pi, ps, pe, nxt, last=pi == len(paragraphs) - 1))
        k = j
    return spans


def _pair(text, positions, pi, ps, pe, next_para, last) -> list[QuoteSpan]:
    marks = [(i, *_classify(text, i, ps, pe)) for i in positions]
    marks = [m for m in marks if m[2] != "apos"]
    # For a closing ’ after "s" we need to know whether another single closing mark follows before a new
    # single opening one ("the staffs’ caseloads were high’" vs "‘good services’ and ‘inadequate’").
    later_close = [False] * len(marks)
    seen_close = False
    for n in range(len(marks) - 1, -1, -1):
        later_close[n] = seen_close
        fam, role = marks[n][1], marks[n][2]
        if fam == "s":
            if role == "open":
                seen_close = False
            elif role in ("close", "close_s"):
                seen_close = True
    stack: list[tuple[str, int]] = []
    found: list[QuoteSpan] = []
    for n, (i, fam, role) in enumerate(marks):
        is_open = any(f == fam for f, _ in stack)
        if role == "either":
            role = "close" if is_open else "open"
        elif role == "close_s":
            rest = text[i + 1:pe].lstrip()
            if not is_open:
                continue
            if later_close[n] and rest[:1].islower():
                continue  # plural possessive inside an open single quote
            role = "close"
        if role == "open":
            stack.append((fam, i))
            continue
        if not is_open:
            continue  # a closing mark with nothing open: ignore and resynchronise
        while stack:
            f, o = stack.pop()
            if f == fam:
                a, b = _trim(text, o + 1, i)
                found.append(QuoteSpan(o, i, a, b, pi, fam, True, [x for _, x in stack]))
                break
    valid_opens = {q.open for q in found}
    # Openers left on the stack: accept the outermost one that plausibly runs to the paragraph end.
    for fam, o in stack:
        if o in valid_opens:
            continue
        before = text[ps:o].rstrip()
        continues = _next_opens(text, next_para) == fam
        introduces = not before or before[-1] in ":,"
        if fam == "s" and before:
            introduces = False
        if last and not continues and text[ps:pe].rstrip()[-1:] not in ".!?…\"”’'":
            continue  # a text cut off mid-quote: ignore the half-finished sentence
        if continues or introduces:
            a, b = _trim(text, o + 1, pe)
            enclosing = [x for _, x in stack if x < o and x in valid_opens]
            found.append(QuoteSpan(o, pe, a, b, pi, fam, False, enclosing))
            valid_opens.add(o)
            break
    top = [q for q in found if not any(e in valid_opens for e in q.enclosing)]
    top.sort(key=lambda q: q.open)
    # An accepted open-ended quote swallows any complete quote after its opening mark.
    out: list[QuoteSpan] = []
    for q in top:
        if out and q.open < out[-1].outer_end:
            continue
        out.append(q)
    return out
