"""Paragraph and sentence helpers shared by the components.

The cleaner guarantees the text contract: paragraphs are separated by exactly one blank line
("\\n\\n") and contain no other newline, so paragraph bounds are a cheap string split.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER, NORM, ORTH, SPACY
from spacy.tokens import Doc, Span

_PARA_BREAK = re.compile(r"\n\s*\n")


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Character (start, end) of each paragraph, in order."""
    bounds = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        if m.start() > pos:
            bounds.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        bounds.append((pos, len(text)))
    return bounds


def paragraph_index(doc: Doc) -> ParagraphIndex:
    """Paragraph lookup for a Doc."""
    return ParagraphIndex(doc_paragraphs(doc))


_PARAS_KEY = "pipeline.paragraphs"


def doc_paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """paragraph_bounds of the Doc's text, computed once per Doc (several components need them).
    Callers must not modify the list."""
    bounds = doc.user_data.get(_PARAS_KEY)
    if bounds is None:
        bounds = doc.user_data[_PARAS_KEY] = paragraph_bounds(doc_text(doc))
    return bounds


class ParagraphIndex:
    """Map a character offset to the paragraph that holds it."""

    def __init__(self, bounds: list[tuple[int, int]]):
        self.bounds = bounds
        self._starts = [b[0] for b in bounds]

    def index_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def bounds_of(self, char: int) -> tuple[int, int]:
        return self.bounds[self.index_of(char)] if self.bounds else (0, 0)

    def __len__(self) -> int:
        return len(self.bounds)


def sentence_of(doc: Doc, char: int) -> Span | None:
    """The sentence Span containing character offset `char`."""
    tok = doc.char_span(char, char + 1, alignment_mode="expand")
    if tok is None or len(tok) == 0:
        return None
    return tok[0].sent


_TEXT_KEY = "pipeline.text"


def doc_text(doc: Doc) -> str:
    """doc.text, built once per Doc: spaCy rebuilds it from the tokens on every access, which costs
    almost half a tokenisation each time a component reads it."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def set_doc_text(doc: Doc, text: str) -> None:
    """Record the text a Doc was made from (it equals doc.text: the tokenizer is lossless)."""
    doc.user_data[_TEXT_KEY] = text


@dataclass(frozen=True)
class TokenArrays:
    """Whole-document token attributes (hash or 0/1 per token), as numpy columns."""

    orth: np.ndarray
    norm: np.ndarray
    lower: np.ndarray
    spacy: np.ndarray  # 1 where the token is followed by a space
    punct: np.ndarray
    space: np.ndarray


_ARRAYS_KEY = "pipeline.token_arrays"
_ARRAY_ATTRS = [ORTH, NORM, LOWER, SPACY, IS_PUNCT, IS_SPACE]


def token_arrays(doc: Doc) -> TokenArrays:
    """The Doc's token attributes from one `Doc.to_array` call, made once per Doc: the sentencizer,
    authorities and ratings all scan them, and three separate calls cost a third more. No component
    changes these attributes, so the cache cannot go stale."""
    arrays = doc.user_data.get(_ARRAYS_KEY)
    if arrays is None:
        arr = doc.to_array(_ARRAY_ATTRS)
        arrays = doc.user_data[_ARRAYS_KEY] = TokenArrays(*(arr[:, k] for k in range(len(_ARRAY_ATTRS))))
    return arrays


_SENT_STARTS_KEY = "pipeline.sentence_starts"


def set_sentence_starts(doc: Doc, starts: list[int]) -> None:
    """Record the sentence-start token indices the sentencizer set (sorted, starting with 0)."""
    doc.user_data[_SENT_STARTS_KEY] = starts


def sentence_starts(doc: Doc) -> list[int]:
    """Sorted token indices that start a sentence: as recorded by the sentencizer, else read from the Doc."""
    starts = doc.user_data.get(_SENT_STARTS_KEY)
    if starts is None:
        starts = [t.i for t in doc if t.is_sent_start]
        if len(doc) and (not starts or starts[0] != 0):
            starts.insert(0, 0)  # the first token always starts a sentence (is_sent_start may be unset)
        doc.user_data[_SENT_STARTS_KEY] = starts
    return starts
