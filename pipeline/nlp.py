"""The spaCy pipeline, built in one place.

Rule-based by default: `spacy.blank("en")` plus our components; no trained model is needed.
Order matters: dates run first (authorities use the document date to tell reorganised
councils apart, ratings use years), authorities before ratings (ratings attach to them).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

import pipeline.components  # noqa: F401  (registers the factories)
import pipeline.extensions  # noqa: F401  (registers the Doc extensions)

PIPE_ORDER = (
    "paragraph_sentencizer",
    "ofsted_dates",
    "ofsted_authorities",
    "ofsted_ratings",
    "ofsted_quotes",
)


def build_nlp(components: tuple[str, ...] | None = None) -> Language:
    """A fresh pipeline with every registered component of PIPE_ORDER (or the ones named)."""
    nlp = spacy.blank("en")
    # Long Ofsted reports run to a few hundred thousand characters; we never parse, so the
    # default 1M-character guard is a memory bound, not a parser limit.
    nlp.max_length = 5_000_000
    wanted = components or PIPE_ORDER
    for name in PIPE_ORDER:
        if name in wanted and name in Language.factories:
            nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def shared_nlp() -> Language:
    """One pipeline per process: loading patterns and gazetteers is the costly part."""
    return build_nlp()
