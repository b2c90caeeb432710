"""Sentence boundaries: end punctuation and paragraph breaks, closing quotes kept with their sentence."""

from __future__ import annotations

import pytest

from pipeline.nlp import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(components=("paragraph_sentencizer",))


@pytest.mark.parametrize("text, sentences", [
    ("Camden rated good\n\nInspectors praised leaders. They found strong practice.",
     ["Camden rated good", "Inspectors praised leaders.", "They found strong practice."]),
    # As in spaCy's Sentencizer, an opening mark right after a full stop stays with the sentence before.
    ("“We are proud,” she said. “It is great.”\n\n“More to come.”",
     ["“We are proud,” she said. “", "It is great.”", "“More to come.”"]),
    ("It added: “Young inspectors scrutinise areas.” Then it ended!",
     ["It added: “Young inspectors scrutinise areas.”", "Then it ended!"]),
    ("Judgement Grade\n\nOverall effectiveness Good\n\nThe impact of leaders Outstanding",
     ["Judgement Grade", "Overall effectiveness Good", "The impact of leaders Outstanding"]),
    ("Was it good? Yes… it was", ["Was it good?", "Yes…", "it was"]),
])
def test_sentence_boundaries(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences


def test_long_document_is_linear_and_consistent(nlp):
    para = "Leaders know their services well. Children are safe.\n\n"
    doc = nlp(para * 2000)
    assert sum(1 for _ in doc.sents) == 4000


def test_recorded_sentence_starts_match_the_doc_boundaries():
    """Ratings look sentences up in the starts the sentencizer records; they must equal is_sent_start."""
    from pipeline.nlp import build_nlp
    from pipeline.textspans import sentence_starts

    nlp = build_nlp(("paragraph_sentencizer",))
    doc = nlp("Camden was rated good. “It is a credit to staff,” she said.\n\nNext steps\n\nMore to do… really? Yes!")
    assert sentence_starts(doc) == [t.i for t in doc if t.is_sent_start]
    assert sentence_starts(doc)[0] == 0 and len(sentence_starts(doc)) >= 5
