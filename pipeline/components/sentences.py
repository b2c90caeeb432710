"""Sentence boundaries for the rule-based pipeline: end punctuation plus paragraph breaks.

spaCy's Sentencizer only looks at punctuation; headlines and list items in news copy have none,
so a newline always starts a new sentence too. Computed on whole-document arrays: setting
`Token.is_sent_start` one token at a time re-scans the document on every assignment and made this
the slowest component of the pipeline.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.textspans import set_sentence_starts, token_arrays

# ":" and ";" do not end sentences here: "It added: “...”" keeps its quote in the same sentence.
END_PUNCT = ("!", ".", "?", "…", "...", "!!", "?!", "!?")


@Language.factory("paragraph_sentencizer")
def make_paragraph_sentencizer(nlp: Language, name: str):
    return ParagraphSentencizer(nlp, name)


class ParagraphSentencizer:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.vocab = nlp.vocab
        self.end_hashes = np.array([nlp.vocab.strings.add(p) for p in END_PUNCT], dtype=np.uint64)
        self._newline: dict[int, bool] = {}

    def _has_newline(self, orth: int) -> bool:
        known = self._newline.get(orth)
        if known is None:
            known = self._newline[orth] = "\n" in self.vocab.strings[orth]
        return known

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        arrays = token_arrays(doc)
        orth, punct, space = arrays.orth, arrays.punct.astype(bool), arrays.space.astype(bool)
        ends = np.isin(orth, self.end_hashes)
        # Like spaCy's Sentencizer: after end punctuation, the next token that is not punctuation
        # (closing quotes and brackets stay with their sentence) starts a sentence.
        skip = punct | ends
        positions = np.where(skip, n, np.arange(n))
        next_word = np.minimum.accumulate(positions[::-1])[::-1]
        after_end = np.flatnonzero(ends) + 1
        after_end = after_end[after_end < n]
        starts = next_word[after_end]
        starts = starts[starts < n]
        sent = np.full(n, -1, dtype=np.int64)
        sent[0] = 1
        sent[starts] = 1
        space_idx = np.flatnonzero(space)
        if len(space_idx):
            newline = space_idx[[self._has_newline(int(o)) for o in orth[space_idx]]]
            sent[newline] = -1
            following = newline + 1
            sent[following[following < n]] = 1
            sent[0] = 1
        doc.from_array([SENT_START], sent.reshape(-1, 1).view(np.uint64))
        set_sentence_starts(doc, np.flatnonzero(sent == 1).tolist())
        return doc
