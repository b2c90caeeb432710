"""Sentence boundaries for the rule-based pipeline: punctuation plus paragraph breaks.

spaCy's Sentencizer only looks at punctuation; headlines and list items in news copy have
none, so a newline must always start a new sentence.
"""

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

_PUNCT = ["!", ".", "?", "…", ":", ";"]


@Language.factory("paragraph_sentencizer")
def make_paragraph_sentencizer(nlp: Language, name: str):
    return ParagraphSentencizer(name)


class ParagraphSentencizer:
    def __init__(self, name: str):
        self.name = name
        # ":" ends a sentence only before a newline; handled below, so keep it out of the base set.
        self._base = Sentencizer(punct_chars=[c for c in _PUNCT if c not in ":;"])

    def __call__(self, doc: Doc) -> Doc:
        doc = self._base(doc)
        for i, tok in enumerate(doc):
            if i == 0:
                continue
            prev = doc[i - 1]
            if "\n" in prev.text_with_ws or prev.is_space and "\n" in prev.text:
                tok.is_sent_start = True
            elif tok.is_space and "\n" in tok.text:
                tok.is_sent_start = False
        return doc
