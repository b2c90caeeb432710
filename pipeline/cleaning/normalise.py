"""Unicode normalisation that keeps what the extractors need.

ftfy repairs mojibake ("childrenâ€™s" -> "children’s") but must not straighten curly quotes:
the quote extractor tells an apostrophe from a closing quote by them.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=True, fix_character_width=True,
                             normalization="NFC", explain=False)
# Zero-width and bidi controls come from web copy and PDFs; they split words invisibly.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile("[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def normalise(text: str) -> str:
    text = ftfy.fix_text(text, _FTFY)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)
