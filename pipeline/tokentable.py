"""Whole-document token attributes as plain Python lists, built once per Doc and shared by the components.

Rule code asks many small questions per grade or quote ("is the word before it 'rated'?"). Each
`doc[i].norm_` builds a Token object and looks its string up; indexing a list is about twenty times cheaper.
Columns are built on first use: one `doc.to_array` call for the token's own values, and lexical flags
(is_punct, is_alpha, ...) through a cache keyed by the token's text, since they depend on nothing else.
"""

from __future__ import annotations

from functools import cached_property

from spacy.attrs import IDX, NORM, ORTH, SPACY
from spacy.tokens import Doc

_KEY = "pipeline.token_table"
# hash -> string for every NORM / ORTH seen: a dict lookup is several times cheaper than the StringStore's
_STRINGS: dict[int, str] = {}
# ORTH hash -> lexical flags of that text, in _FLAGS order
_LEX: dict[int, tuple[bool, ...]] = {}
_FLAGS = ("is_punct", "is_alpha", "is_lower", "is_title", "is_space", "like_num")


class TokenTable:
    """Element i of each column is the Token property of that name for token i."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.n = len(doc)
        self._orth = doc.to_array(ORTH).tolist() if self.n else []

    def __len__(self) -> int:
        return self.n

    @cached_property
    def norm(self) -> list[str]:
        return _strings(self.doc, self.doc.to_array(NORM).tolist() if self.n else [])

    @cached_property
    def text(self) -> list[str]:
        return _strings(self.doc, self._orth)

    @cached_property
    def idx(self) -> list[int]:
        return self.doc.to_array(IDX).tolist() if self.n else []

    @cached_property
    def end_char(self) -> list[int]:
        return list(map(int.__add__, self.idx, map(len, self.text)))

    @cached_property
    def ws(self) -> list[int]:
        """1 where the token is followed by a space (token.whitespace_ == " ")."""
        return self.doc.to_array(SPACY).tolist() if self.n else []

    def _flag(self, k: int) -> list[bool]:
        missing = set(self._orth).difference(_LEX)
        if missing:
            vocab = self.doc.vocab
            for h in missing:
                lex = vocab[h]
                _LEX[h] = (lex.is_punct, lex.is_alpha, lex.is_lower, lex.is_title, lex.is_space, lex.like_num)
        return [_LEX[h][k] for h in self._orth]

    @cached_property
    def is_punct(self) -> list[bool]:
        return self._flag(0)

    @cached_property
    def is_alpha(self) -> list[bool]:
        return self._flag(1)

    @cached_property
    def is_lower(self) -> list[bool]:
        return self._flag(2)

    @cached_property
    def is_title(self) -> list[bool]:
        return self._flag(3)

    @cached_property
    def is_space(self) -> list[bool]:
        return self._flag(4)

    @cached_property
    def like_num(self) -> list[bool]:
        return self._flag(5)


def _strings(doc: Doc, hashes: list[int]) -> list[str]:
    missing = set(hashes).difference(_STRINGS)
    if missing:
        strings = doc.vocab.strings
        _STRINGS.update((h, strings[h]) for h in missing)
    return list(map(_STRINGS.__getitem__, hashes))


def token_table(doc: Doc) -> TokenTable:
    """The Doc's TokenTable, built on first use. Tokens never change after the tokenizer (no component
    retokenizes), so the cache cannot go stale; sentence boundaries are not in it for that reason."""
    table = doc.user_data.get(_KEY)
    if table is None or len(table) != len(doc):
        table = doc.user_data[_KEY] = TokenTable(doc)
    return table
