"""Unicode normalisation that keeps what the extractors need.

ftfy repairs mojibake ("childrenâ€™s" -> "children’s") but must not straighten curly quotes:
the quote extractor tells an apostrophe from a closing quote by them.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

from pipeline.cleaning.columns import mark_aligned_cells, merge_wrapped_cells

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=True, fix_character_width=True,
                             normalization="NFC", explain=False)
# Zero-width and bidi controls come from web copy and PDFs; they split words invisibly.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")
# Exotic spaces become plain ones, then runs of spaces collapse; `in` tests (C speed) skip the
# substitutions for the many texts that need neither.
_EXOTIC = "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_EXOTIC_SPACES = re.compile(f"[{_EXOTIC}]")
_SPACES = re.compile(" {2,}")


# ftfy is the slowest step of cleaning (about 3x the cost of tokenising); most texts are clean,
# so run it only where there is something for it to fix: mojibake, C1 controls, ligatures,
# full-width forms or HTML entities.
# The mojibake alternatives are UTF-8 read as cp1252/latin-1: "â€™" for ’, "Ã©" for é, "Â£" for £.
_MOJIBAKE = re.compile(
    r"[\u0080-\u009f\ufb00-\ufb06\uff01-\uff5e]"
    r"|Ã[\u0080-\u00bf\u2018-\u201e\u2020-\u2026\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2122\u203a\u2039\u20ac]"
    r"|Â[\u00a0-\u00bf]|â€|â„¢|ï»¿"
)
_ENTITY = re.compile(r"&(#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]+\d*);")
# Every _MOJIBAKE alternative starts with one of these characters: a one-class scan finds none in most texts.
_MOJIBAKE_START = re.compile("[\u0080-\u009f\ufb00-\ufb06\uff01-\uff5eÃÂâï]")


def needs_fixing(text: str) -> bool:
    # str.isascii and `in` run at C speed: most texts skip both regex scans.
    if "&" in text and _ENTITY.search(text):
        return True
    return not text.isascii() and _MOJIBAKE_START.search(text) is not None and bool(_MOJIBAKE.search(text))


def normalise(text: str) -> str:
    if needs_fixing(text):
        text = ftfy.fix_text(text, _FTFY)
    ascii_only = text.isascii()
    if not ascii_only:
        text = _INVISIBLE.sub("", text)
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = mark_aligned_cells(merge_wrapped_cells(text))  # before runs of spaces collapse: they mark columns
    if any(c in text for c in _EXOTIC):
        text = _EXOTIC_SPACES.sub(" ", text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return text if ascii_only else unicodedata.normalize("NFC", text)
