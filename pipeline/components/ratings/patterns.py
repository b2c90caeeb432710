"""A tiny pattern syntax for the word lists, compiled into spaCy Matcher token patterns.

One pattern per string; tokens are separated by spaces. `a|b` matches either word, a trailing `?` makes a
token optional and `_` matches any single word. Plain words are run through the tokenizer, so
"looked-after" and "children’s" split the way the text does. Matching is on NORM (lower case, with curly
apostrophes and quote marks folded), so the lists are case-insensitive.
"""

from __future__ import annotations

from spacy.language import Language


def compile_pattern(nlp: Language, pattern: str) -> list[dict]:
    tokens: list[dict] = []
    for piece in pattern.split():
        optional = piece.endswith("?") and len(piece) > 1
        if optional:
            piece = piece[:-1]
        if piece == "_":
            spec = {"IS_ALPHA": True}
        elif "|" in piece:
            spec = {"NORM": {"IN": [_norm(nlp, alt) for alt in piece.split("|") if alt]}}
        else:
            words = [t.norm_ for t in nlp.tokenizer(piece)]
            if len(words) > 1 and not optional:
                tokens.extend({"NORM": w} for w in words)
                continue
            spec = {"NORM": words[0] if words else piece.lower()}
        if optional:
            spec["OP"] = "?"
        tokens.append(spec)
    return tokens


def _norm(nlp: Language, word: str) -> str:
    toks = nlp.tokenizer(word)
    return toks[0].norm_ if len(toks) == 1 else word.lower()


def expand_pattern(nlp: Language, pattern: str) -> list[str] | None:
    """All the phrases a pattern without wildcards stands for (for the PhraseMatcher), or None."""
    phrases = [[]]
    for piece in pattern.split():
        optional = piece.endswith("?") and len(piece) > 1
        if optional:
            piece = piece[:-1]
        if piece == "_":
            return None
        alts = [[t.norm_ for t in nlp.tokenizer(alt)] for alt in piece.split("|") if alt]
        if optional:
            alts.append([])
        phrases = [p + a for p in phrases for a in alts]
    return [" ".join(p) for p in phrases if p]
