"""The spaCy pipeline, built in one place.

Rule-based by default: `spacy.blank("en")` plus our components; no trained model is needed.
Order matters: dates run first (authorities use the document date to tell reorganised
councils apart, ratings use years), authorities before ratings (ratings attach to them).
"""

from __future__ import annotations

import os
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

# Names of the components to run instead of all of PIPE_ORDER (comma-separated). A diagnostic knob: the
# benchmark sets it to measure the flow without extractors; the version stamp records it (see version.py).
COMPONENTS_ENV = "PIPELINE_COMPONENTS"


def selected_components() -> tuple[str, ...] | None:
    """The components PIPELINE_COMPONENTS names, in pipeline order, or None for the whole pipeline."""
    value = os.environ.get(COMPONENTS_ENV, "").strip()
    if not value:
        return None
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    unknown = sorted(set(names) - set(PIPE_ORDER))
    if unknown:
        raise ValueError(f"{COMPONENTS_ENV}: unknown component(s) {', '.join(unknown)}; "
                         f"choose from {', '.join(PIPE_ORDER)}")
    return tuple(n for n in PIPE_ORDER if n in names)


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
    return build_nlp(selected_components())
