"""Word lists for the quotes extractor, loaded once from the data files beside this module.

Every list lives in a plain text file (one entry a line, "#" comments) or word_lists.json so that users
extend the extractor by editing data, not code. Apostrophes are folded to "'" on load and on lookup.
Place names (never a person) come from the authorities component's gazetteer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.components.authorities.gazetteer import load_gazetteer

HERE = Path(__file__).parent


def fold(text: str) -> str:
    """Lower case with one apostrophe character: the key form of every lookup."""
    # Chained replace is several times faster than str.translate with a mapping.
    return text.lower().replace("’", "'").replace("‘", "'").replace("`", "'").replace("‛", "'")


def _lines(name: str) -> list[str]:
    out = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@dataclass(frozen=True)
class Verb:
    lemma: str
    where: str  # "both" | "head" | "tail" | "prep"


@dataclass(frozen=True)
class Phrase:
    speaker: str
    kind: str  # "ofsted" | "organisation"
    number: str  # "sg" | "pl"


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[tuple[str, ...], Verb]
    max_verb_len: int
    verb_first: frozenset[str]
    phrases: dict[tuple[str, ...], Phrase]
    max_phrase_len: int
    phrase_first: frozenset[str]
    phrase_re: re.Pattern
    org_words: frozenset[str]
    role_heads: frozenset[str]
    role_words: frozenset[str]
    titles: frozenset[str]
    name_stop: frozenset[str]
    not_quotes: frozenset[str]
    pronouns: dict[str, str]
    fillers: frozenset[str]
    prepositions: frozenset[str]
    particles: frozenset[str]
    org_connectors: frozenset[str]
    affiliation_words: frozenset[str]
    backref_openers: frozenset[str]
    speech_nouns: frozenset[str]
    backref_links: frozenset[str]
    spokes_words: frozenset[str]
    council_tails: frozenset[str]
    council_modifiers: frozenset[str]
    abbreviations: frozenset[str]
    determiners: frozenset[str]
    function_words: frozenset[str]
    appositive_cut: frozenset[str]
    source_nouns: frozenset[str]
    person_nouns: frozenset[str]
    plural_person_nouns: frozenset[str]
    role_openers: frozenset[str]
    verbs_first_only: frozenset[str]
    female_names: frozenset[str]
    male_names: frozenset[str]
    report_nouns: frozenset[str]
    report_modifiers: frozenset[str]
    owner_report_modifiers: frozenset[str]
    report_subjects: frozenset[str]
    passive_auxiliaries: frozenset[str]
    clause_conjunctions: frozenset[str]
    time_words: frozenset[str]
    time_prepositions: frozenset[str]
    non_person_tails: frozenset[str]
    followup_verbs: frozenset[str]
    backref_manner: frozenset[tuple[str, ...]]
    finding_nouns: frozenset[str]
    impersonal_verbs: frozenset[str]
    named_org_heads: frozenset[str]
    pledge_nouns: frozenset[str]
    pledge_verbs: frozenset[str]
    places: frozenset[str]
    settings: dict


def _verbs() -> dict[tuple[str, ...], Verb]:
    verbs: dict[tuple[str, ...], Verb] = {}
    for line in _lines("reporting_verbs.txt"):
        forms, _, flag = line.partition("|")
        flag = flag.strip() or "both"
        words = forms.split()
        lemma = words[0].replace("_", " ")
        for form in words:
            verbs[tuple(fold(form).split("_"))] = Verb(lemma, flag)
    return verbs


def _phrases() -> dict[tuple[str, ...], Phrase]:
    phrases: dict[tuple[str, ...], Phrase] = {}
    for name, kind in (("organisation_phrases.tsv", "organisation"), ("ofsted_speakers.tsv", "ofsted")):
        for line in _lines(name):
            phrase, speaker, number = (part.strip() for part in line.split("\t"))
            phrases[tuple(fold(phrase).split())] = Phrase(speaker, kind, number)
    return phrases


def _places() -> frozenset[str]:
    """Lower-case names of local authorities and districts (the authorities gazetteer): never a person."""
    gaz = load_gazetteer()
    names = {low for low, aliases in gaz.aliases.items() if any(a.kind == "name" for a in aliases)}
    return frozenset(names | set(gaz.districts))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    words = json.loads((HERE / "word_lists.json").read_text(encoding="utf-8"))
    verbs = _verbs()
    phrases = _phrases()

    def fset(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in words[key])

    def fileset(name: str) -> frozenset[str]:
        return frozenset(fold(w) for w in _lines(name))

    return Lexicon(
        verbs=verbs,
        max_verb_len=max(len(k) for k in verbs),
        verb_first=frozenset(k[0] for k in verbs),
        phrases=phrases,
        max_phrase_len=max(len(k) for k in phrases),
        phrase_first=frozenset(k[0] for k in phrases),
        phrase_re=re.compile(r"\b(?:" + "|".join(
            r"\s+".join(re.escape(w) for w in k) for k in sorted(phrases, key=len, reverse=True)) + r")\b"),
        org_words=fileset("organisation_words.txt"),
        role_heads=fileset("role_heads.txt"),
        role_words=fileset("role_heads.txt") | fileset("role_modifiers.txt"),
        titles=fileset("titles.txt"),
        name_stop=fileset("name_stopwords.txt"),
        not_quotes=frozenset(" ".join(fold(w).split()) for w in _lines("not_quotes.txt")),
        pronouns={fold(k): v for k, v in words["pronouns"].items()},
        fillers=fset("fillers"),
        prepositions=fset("prepositions"),
        particles=fset("name_particles"),
        org_connectors=fset("org_connectors"),
        affiliation_words=fset("affiliation_words"),
        backref_openers=fset("backref_openers"),
        speech_nouns=fset("speech_nouns"),
        backref_links=fset("backref_links"),
        spokes_words=fset("spokes_words"),
        council_tails=fset("council_tails"),
        council_modifiers=fset("council_modifiers"),
        abbreviations=fset("abbreviations"),
        determiners=fset("determiners"),
        function_words=fset("function_words"),
        appositive_cut=fset("appositive_cut"),
        source_nouns=fset("source_nouns"),
        person_nouns=fileset("person_nouns.txt"),
        plural_person_nouns=frozenset(w for w in fileset("person_nouns.txt") if w.endswith(("s", "people", "staff"))),
        role_openers=fset("role_openers"),
        verbs_first_only=frozenset(k[0] for k in verbs),
        female_names=fileset("female_names.txt"),
        male_names=fileset("male_names.txt"),
        report_nouns=fset("report_nouns"),
        report_modifiers=fset("report_modifiers"),
        owner_report_modifiers=fset("owner_report_modifiers"),
        report_subjects=fset("report_subjects"),
        passive_auxiliaries=fset("passive_auxiliaries"),
        clause_conjunctions=fset("clause_conjunctions"),
        time_words=fset("time_words"),
        time_prepositions=fset("time_prepositions"),
        non_person_tails=fset("non_person_tails"),
        followup_verbs=fset("followup_verbs"),
        backref_manner=frozenset(tuple(fold(w).split()) for w in words["backref_manner"]),
        finding_nouns=fset("finding_nouns"),
        impersonal_verbs=fset("impersonal_verbs"),
        named_org_heads=fset("named_org_heads"),
        pledge_nouns=fset("pledge_nouns"),
        pledge_verbs=fset("pledge_verbs"),
        places=_places(),
        settings={k: v for k, v in words.items() if isinstance(v, int | float | str) and not k.startswith("_")},
    )
