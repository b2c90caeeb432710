"""The "ofsted_quotes" component: direct quotations of four or more words and who said them.

Writes doc._.quotes: [{text, speaker, speaker_type, speaker_role, cue, start, end}], start/end being the
offsets of the quote text without its marks. Word lists live in the data files beside this module.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.quotes.attribution import Attributor
from pipeline.components.quotes.lexicon import Lexicon, fold, lexicon
from pipeline.components.quotes.marks import find_quotes, rejoin_wrapped
from pipeline.textspans import doc_paragraphs, doc_text, paragraph_bounds

__all__ = ["QuotesComponent", "extract_quotes"]

_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


@Language.factory("ofsted_quotes")
def make_quotes(nlp: Language, name: str):
    return QuotesComponent(name)


class QuotesComponent:
    def __init__(self, name: str = "ofsted_quotes"):
        self.name = name
        self.lex = lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc_text(doc), self.lex, doc_paragraphs(doc))
        return doc


def extract_quotes(text: str, lex: Lexicon | None = None,
                   paragraphs: list[tuple[int, int]] | None = None) -> list[dict]:
    """Quote rows for a cleaned text (paragraphs separated by blank lines; their bounds if known)."""
    lex = lex or lexicon()
    paragraphs = rejoin_wrapped(text, paragraph_bounds(text) if paragraphs is None else paragraphs)
    spans = find_quotes(text, paragraphs)
    if not spans:
        return []
    att = Attributor(text, paragraphs, spans, lex)
    min_words = lex.settings["min_words"]
    rows = []
    for qi, q in enumerate(spans):
        quote = text[q.start:q.end]
        words = _WORD.findall(quote)
        if len(words) < min_words or (len(words) < 12 and fold(" ".join(words)) in lex.not_quotes):
            continue  # short quotes are never rows; later pronouns resolve through plain mentions
        heading = att.is_heading(q.para)
        speaker, own = att.attribute(qi)
        if heading and q.para == att.headline_para():
            continue  # the headline
        if heading and not own:
            continue  # a headline, standfirst or sub-heading in quote marks with no speaker of its own
        if heading and q.para <= 1 and _repeated_below(words, spans, qi, text):
            continue  # a headline quote the article gives again, in full, further down
        if speaker is None and _title_case(words, lex):
            continue  # the title of a document or programme, not speech
        rows.append({
            "text": quote,
            "speaker": speaker.name if speaker else None,
            "speaker_type": speaker.type if speaker and speaker.name else "unknown",
            "speaker_role": speaker.role if speaker else None,
            "cue": speaker.cue if speaker else None,
            "start": q.start,
            "end": q.end,
        })
    _fill_roles(rows, text, lex)
    return rows


_APPOSITION = r"{name},\s+((?:the\s+)?[^,;:.“”\"\n]{{3,140}}?),\s"


def _fill_roles(rows: list[dict], text: str, lex: Lexicon) -> None:
    """A person keeps the role the text gave them once: a quote attributed later by surname or pronoun
    ("Mason said") carries the role of the earlier "Angela Mason, cabinet member for ..., said"."""
    roles: dict[str, str] = {r["speaker"]: r["speaker_role"] for r in rows
                             if r["speaker_type"] == "person" and r["speaker_role"]}
    for r in rows:
        name = r["speaker"]
        if r["speaker_type"] != "person" or r["speaker_role"] or not name:
            continue
        if name not in roles:
            m = re.search(_APPOSITION.format(name=re.escape(name)), text)
            if m and any(fold(w) in lex.role_heads for w in _WORD.findall(m.group(1))):
                role = m.group(1)
                roles[name] = role[4:] if role.lower().startswith("the ") else role
        r["speaker_role"] = roles.get(name)


def _repeated_below(words: list[str], spans, qi: int, text: str) -> bool:
    """Every word of quote qi reappears in one quote of a later paragraph."""
    mine = {fold(w) for w in words}
    para = spans[qi].para
    for q in spans[qi + 1:]:
        if q.para > para and mine <= {fold(w) for w in _WORD.findall(text[q.start:q.end])}:
            return True
    return False


def _title_case(words: list[str], lex: Lexicon) -> bool:
    content = [w for w in words if len(w) > 3]
    if not content:
        return False
    return sum(w[:1].isupper() for w in content) / len(content) >= lex.settings["title_case_share"]
