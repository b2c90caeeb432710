"""Ratings extractor: the spaCy component "ofsted_ratings".

Writes doc._.ratings: one dict {authority_code, authority_name, judgement, grade, timing, inspection_year,
evidence, start, end} per graded judgement the text states (evidence = the sentence or table row, start/end
its character offsets). Runs after ofsted_dates (years) and ofsted_authorities (who the grade belongs to).

How it works: one spaCy Matcher, compiled from the data files beside this module, finds grade phrases
(grades.json), judgement names and paraphrases (judgements.json) and context cues (cues.json) in a single
pass. Only sentences that hold a grade are looked at further:
1. Is the grade a judgement? A grade needs rating context: a rating word before it ("rated", "judged ...
   to be", "maintained"), a rating noun after it ("'good' rating"), quote marks in a sentence about an
   inspection, a judgement-table row ("Overall effectiveness  Good"), or "X is good." about a service. A
   grade word followed by an ordinary noun ("good practice", "inadequate housing"), negated, or stated as an
   aim ("to become outstanding") is not a judgement.
2. Which judgements? Names right after the grade ("'outstanding' adoption services", "its highest rating
   for overall effectiveness, ... and the impact of its leadership"), else names earlier in the same clause
   run ("found the council's leadership ... and adoption services to be 'outstanding'"), else overall.
3. Current or previous? Cues in the grade's clause ("when it was last inspected", "two years ago", a year
   before the document's year, "from inadequate to"), cues in a grade-free clause opening the sentence
   ("At the last inspection, in April 2022, ..."), "maintained"/"remains" (both). A focused or monitoring
   visit letter grades nothing: everything it states is previous.
4. Which authority? The nearest mention before the grade in the sentence (with its coordination "Nottingham
   and Plymouth councils"; "like Camden" skipped), "both"/"each" -> the authorities of the sentence before,
   a mention after the grade in the same clause, the nearest earlier mention in the paragraph, the last
   mention of the previous two paragraphs, and finally the document's primary authority. A mention inside a
   closed relative clause ("X, whose services are run with Y, kept ...") or after "from" is passed over, a
   descriptor ("the island", "the former county council") picks the council it fits, and a council named
   only as a place mid-sentence in an earlier paragraph ("live in Cornwall") is not taken for "the council".
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.components.ratings.patterns import compile_pattern, expand_pattern
from pipeline.extensions import get_list
from pipeline.textspans import doc_paragraphs, doc_text, sentence_starts, token_arrays

DATA = Path(__file__).parent
QUOTES = {"'", '"', "‘", "’", "“", "”", "`", "``", "''"}
CLAUSE_PUNCT = {",", ";", "(", ")", "–", "—", ":", "[", "]"}
ANNUAL_GRADES = {"excellent", "performs_well", "performs_adequately", "performs_poorly"}
# Phrase cue lists run through the Matcher; word lists are looked up on token NORM.
PHRASE_CUES = ("rating_context", "previous", "both", "current", "distribute", "compare_before", "no_longer",
               "visit_document", "clause_words", "other_graders", "previous_sections", "previous_just_before",
               "pluperfect", "as_was", "other_subjects", "not_grade_before", "scale_words", "current_just_before",
               "distribute_after", "grade_scope", "current_just_after", "inspection_anaphora")
WORD_SETS = ("strong_before", "be_verbs", "copulas", "skip_before", "rating_nouns", "quoted_next_ok",
             "bare_next_ok", "negation", "aspiration", "movement_from", "copula_subjects", "object_verbs",
             "reporting_verbs", "plural_subjects", "movement_to", "stay_verbs", "ri_subjects",
             "clause_after", "clause_after_and", "place_prepositions", "council_words", "receive_verbs",
             "service_nouns", "subordinators", "object_pronouns", "area_words", "inspection_nouns",
             "generic_openers", "generic_present", "list_dashes", "predicate_fillers", "after_grade_breaks",
             "scope_prepositions", "still_fillers", "inclusive_lead_ins",
             "state_prepositions", "anaphor_subjects", "negative_subjects", "clause_conjunctions",
             "subject_gerunds", "gerund_determiners", "gerund_subject_verbs", "scale_position_words",
             "standard_nouns", "keep_verbs", "example_lead_ins", "grading_verbs", "after_object_grade",
             "infinitive_aspirations", "infinitive_markers", "subjectless_openers", "ofsted_words",
             "event_subordinators", "bracket_previous", "council_plurals",
             "council_nouns", "direction_words", "predicate_openers", "place_of_nouns", "partitive_before_count",
             "distributive_words", "inspection_lead_ins", "earlier_words", "later_words",
             "inverted_subjects", "category_verbs", "generic_verbs", "self_judging_verbs",
             "organisation_tails", "area_name_openers", "area_name_prefixes", "rank_words", "area_list_leads",
             "framing_openers")
# Words that open a relative clause inserted between a subject and its verb ("Norfolk, which was inadequate in
# 2013, now requires improvement"); "where" also opens one after a place ("Richmond, where services are run by").
RELATIVE_PRONOUNS = frozenset({"which", "who", "whose"})
RELATIVE_OPENERS = RELATIVE_PRONOUNS | {"where"}
MODALS = frozenset({"will", "would", "could", "should", "might", "must", "may", "shall", "can"})
APPOSITIVE_MARKS = frozenset({",", "–", "—"})  # what encloses a description between a subject and its verb
# Grammar words the rules step over or test for (domain words live in cues.json).
DETERMINERS = frozenset({"a", "an", "the", "its", "their"})
POSSESSIVES = frozenset({"its", "their", "'s", "’s", "our"})
FIRST_PERSON = frozenset({"we", "our", "us"})
AUXILIARIES = frozenset({"have", "has", "had", "were", "are"})
SINGLE_COUNCIL_KINDS = ("ofsted_report", "ofsted_letter")
# Kinds whose paragraphs stay with one inspection from sentence to sentence (news moves between past and present)
STEADY_KINDS = ("ofsted_report", "ofsted_letter", "council_minutes", "other")
BULLETS = ("•", "·", "▪", "- ", "* ", "– ")
# A comparison table's header row: an optional label, then one inspection year per grade column.
HEADER_YEARS = re.compile(r"(?:[A-Za-z][A-Za-z ]{0,40}\s)?((?:19|20)\d\d(?:\s+(?:19|20)\d\d)+)")
# An empty or footnoted cell before a grade in a table row: "n/a*", "-", a footnote star after the grade before.
EMPTY_CELL = re.compile(r"(?:(?:^|(?<=\s))(?:n/a|N/A|[-–—])\*?|\*)\s*(?:\|\s*)?$")
GAP_FILLER = {",", "and", "as", "well", "for", "its", "their", "the", "of", "support", "services", "service",
              "work", "to", "in", "with", "on", "both", "also", "&", "those", "who", "her", "his", "a", "an",
              "experiences", "experience", "progress"}
COORD_WORDS = {",", "and", "&", "council", "councils", "city", "county", "borough", "boroughs", "both", "of",
               "the", "'s", "’s", "children's", "children’s", "services", "local", "authorities"}


def _load(name: str) -> dict:
    with open(DATA / name, encoding="utf-8") as fh:
        return {k: v for k, v in json.load(fh).items() if not k.startswith("_")}


@dataclass
class Grade:
    start: int  # token span of the grade phrase
    end: int
    grade: str
    quoted: bool = False
    kind: str = ""  # table | quoted | bare | strong (accepted) or "" (rejected)


@Language.factory("ofsted_ratings")
def make_ratings(nlp: Language, name: str):
    return RatingsExtractor(nlp, name)


class RatingsExtractor:
    def __init__(self, nlp: Language, name: str = "ofsted_ratings"):
        self.name = name
        judgements, grades, cues = _load("judgements.json"), _load("grades.json"), _load("cues.json")
        # Fixed phrases go to a PhraseMatcher (fast); the few patterns with a wildcard to a Matcher.
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        lists = [("J:" + k, v) for k, v in judgements.items()] + [("G:" + k, v) for k, v in grades.items()]
        lists += [("C:" + k, cues[k]) for k in PHRASE_CUES]
        for key, pats in lists:
            fixed, wild = [], []
            for p in pats:
                expanded = expand_pattern(nlp, p)
                if expanded is None:
                    wild.append(compile_pattern(nlp, p))
                else:
                    fixed.extend(nlp.make_doc(x) for x in expanded)
            if fixed:
                self.phrases.add(key, fixed)
            if wild:
                self.matcher.add(key, wild)
        self.words = {k: {t.norm_ for w in cues[k] for t in nlp.tokenizer(w)} if k != "strong_before"
                      else {w for w in cues[k] if " " not in w} for k in WORD_SETS}
        self.year_words: dict[str, int] = cues["year_words"]
        self.annual_last_year: int = cues["annual_ratings_last_year"]
        # judgements only ever named as graded ("outstanding capacity to improve"): a bare grade may precede them
        self.graded_names = set(cues["graded_names"])
        # label -> (label in a list with other names, label alone): "safeguarding" is help and protection beside
        # looked-after children, the whole service on its own
        self.list_only: dict[str, list[str]] = cues["list_only_names"]
        # words after a grade that lead to the judgement names it is for ("good for ...", "outstanding in ...")
        self.lead_ins = set(cues["name_lead_ins"]) | set(cues["inclusive_lead_ins"])
        self.year_after = set(cues["relative_year_after"])
        self.year_forward = set(cues["relative_year_forward"])
        strings = nlp.vocab.strings
        # descriptor words as the NORM hashes of their tokens, to compare with doc.to_array(NORM) slices
        self.descriptors = {tuple(strings.add(t.norm_) for t in nlp.tokenizer(k)): v
                            for k, v in cues["descriptors"].items() if not k.startswith("_")}
        self.the_hash = strings.add("the")
        # unnamed councils of a kind ('one London borough'): NORM tuples, longest first, with the authority type
        self.indefinite_councils = sorted(
            ((tuple(t.norm_ for t in nlp.tokenizer(k)), v) for k, v in cues["indefinite_councils"].items()
             if not k.startswith("_")), key=lambda kv: -len(kv[0]))
        self.indefinite_determiners = frozenset(cues["indefinite_determiners"])
        self.clause_punct_hashes = np.array([strings.add(p) for p in sorted(CLAUSE_PUNCT)], dtype=np.uint64)
        self.hyphen_hash = strings.add("-")
        self._keys: dict[int, list[str]] = {}  # match id -> [kind, label]

    # ------------------------------------------------------------------ driver
    def __call__(self, doc: Doc) -> Doc:
        out = get_list(doc, "ratings")
        out.clear()
        grades, judgements, cues, list_only = self._match(doc)
        # Most grade words in a long text are ordinary adjectives ("good practice"): drop them before any
        # sentence or clause work is done.
        named = {s for s, _, label in judgements if label in self.graded_names}
        live = [g for g in grades if g.end in named or not self._plain_adjective(doc, g)]
        if not live:
            return doc
        ctx = _DocContext(doc, judgements, cues, self)
        ctx.list_only = {j[0]: j for j in list_only}
        ctx.grade_ends = {g.end - 1: g for g in grades}
        ctx.grade_starts = {g.start: g for g in grades}
        ctx.annual_n = sum(g.grade in ANNUAL_GRADES and doc[g.start].norm_ != "excellent" for g in grades)
        ctx.annual = ctx.annual_n > 0
        rows: dict[tuple, dict] = {}
        by_sent: dict[int, list[Grade]] = {}
        sents: dict[int, Span] = {}
        for g in live:
            sent = ctx.sentence_of(g.start)
            sents[sent.start] = sent
            by_sent.setdefault(sent.start, []).append(g)
        for si, sgrades in by_sent.items():
            sent = sents[si]
            for g in sgrades:
                g.kind = self._accept(doc, g, sent, sgrades, ctx)
                if not g.kind:
                    g.kind = self._coordinated_grade(doc, g, sent, sgrades, ctx)
        ctx.set_lead(by_sent, sents)
        for si, sgrades in by_sent.items():
            sent = sents[si]
            accepted = [g for g in sgrades if g.kind and not self._restated(doc, g, sgrades, ctx)]
            claimed: set[int] = set()
            prev_labels: list[str] = []
            for i, g in enumerate(accepted):
                prev_end = accepted[i - 1].end if i else sent.start
                next_start = accepted[i + 1].start if i + 1 < len(accepted) else sent.end
                labels, span = self._judgements_for(doc, g, sent, prev_end, next_start, claimed, ctx, prev_labels)
                prev_labels = labels
                timings = self._timing(doc, g, sent, accepted, ctx)
                # every grade of the sentence's timings: see continued_previous
                earlier = ctx.last_timing[1] if ctx.last_timing[0] == sent.start else []
                ctx.last_timing = (sent.start, earlier + timings)
                authorities = ctx.authorities_for(g, sent)
                ctx.carried = (ctx.para_index(sent.start_char), authorities)
                if span is None:
                    span = (sent.start_char, sent.end_char)
                # (an earlier inspection's own year places it on or off the annual ratings' scale; a current
                # grade's year is often only the document's)
                grade = ctx.resolve_grade(g.grade, next((y for t, y in timings if t == "previous" and y), None))
                labels = _uniq([part for label in labels for part in label.split("+")])
                for code, auth_name in authorities:
                    for label in labels:
                        for timing, year in timings:
                            key = (code, label, grade, timing)
                            if key in rows:
                                if rows[key]["inspection_year"] is None and year is not None:
                                    rows[key]["inspection_year"] = year
                                continue
                            rows[key] = {
                                "authority_code": code, "authority_name": auth_name, "judgement": label,
                                "grade": grade, "timing": timing, "inspection_year": year,
                                "evidence": ctx.text[span[0]:span[1]], "start": span[0], "end": span[1],
                            }
        out.extend(rows.values())
        return doc

    def _restated(self, doc: Doc, g: Grade, sgrades: list[Grade], ctx: _DocContext) -> bool:
        """'graded outstanding, the first outstanding judgement in its history': the same grade named again
        with a rating noun and nothing new between (after an accepted grade, or after one that was rejected)."""
        def nothing_new(lo: int) -> bool:  # no judgement name and no council between the two grades
            return not any(ctx.judgement_at(i) is not None for i in range(lo, g.start)) and not ctx.has_mention(
                lo, g.start)

        prev = [o for o in sgrades if o.kind and o.end <= g.start]
        # "rated inadequate in 2016, one of only a handful of councils to receive the lowest grade": a grade named by
        # its rank that names the one before it again
        if prev and g.start - prev[-1].end <= 20 and ctx.resolve_grade(prev[-1].grade) == ctx.resolve_grade(
                g.grade) and any(ctx.norms[i] in self.words["rank_words"] for i in range(g.start, g.end)) and (
                nothing_new(prev[-1].end)):
            # (not a new inspection's: "..., and again received the lowest grade this year")
            cs, ce = ctx.clause_of(g.start, ctx.sentence_of(g.start))
            if ctx.year_in(cs, ce) is None and not ctx.has_cue("current", cs, ce) and not any(
                    ctx.norms[i] in ("again", "now") for i in range(cs, ce)):
                return True
        n = g.end + (1 if g.quoted else 0)
        if n >= len(doc) or doc[n].norm_ not in self.words["rating_nouns"]:
            return False
        # "a children's home ... was rated outstanding in its latest inspection, the third consecutive outstanding
        # grade for the provider": the same grade named again after one that was no council's
        last = next((o for o in reversed(sgrades) if o.end <= g.start), None)
        if last is not None and not last.kind and last.grade == g.grade and g.start - last.end <= 10 and (
                nothing_new(last.end)):
            return True
        return g.kind == "bare" and bool(prev) and prev[-1].grade == g.grade and g.start - prev[-1].end <= 6 and (
            nothing_new(prev[-1].end))

    def _match(self, doc: Doc):
        strings = doc.vocab.strings
        gspans, jspans, cues = [], [], {k: [] for k in PHRASE_CUES}
        found = list(self.phrases(doc)) + (list(self.matcher(doc)) if len(self.matcher) else [])
        keys = self._keys
        for match_id, start, end in found:
            key = keys.get(match_id)
            if key is None:
                key = keys[match_id] = strings[match_id].split(":", 1)
            kind, label = key
            if kind == "G":
                gspans.append((start, end, label))
            elif kind == "J":
                jspans.append((start, end, label))
            else:
                cues[label].append((start, end))
        grades = []
        n = len(doc)
        for start, end, label in _longest(gspans):
            if end - start > 1 and doc[start].norm_ in ("from", "rated", "judged", "graded"):
                start += 1  # "up from adequately", "rated poorly": the first word only licenses the short form
            quoted = start > 0 and end < n and doc[start - 1].text in QUOTES and doc[end].text in QUOTES
            grades.append(Grade(start, end, label, quoted))
        judgements = _longest(jspans)
        # names only read in a list after a grade ("good for both safeguarding and looked-after children")
        list_only = [j for j in judgements if j[2] in self.list_only]
        judgements = [j for j in judgements if j[2] not in self.list_only]
        for k in cues:
            cues[k].sort()
        return grades, judgements, cues, list_only

    # ------------------------------------------------------------------ 1. is it a judgement?
    def _plain_adjective(self, doc: Doc, g: Grade) -> bool:
        """An unquoted grade word followed, in the same sentence, by an ordinary lower-case word: "good
        practice", "inadequate housing" (the same test _accept starts with, done before finding sentences)."""
        if g.quoted or g.end >= len(doc) or g.grade in ANNUAL_GRADES or g.grade in ("highest", "lowest"):
            return False
        nxt = doc[g.end]
        if self._received_service(doc, g) or self._standard_held(doc, g):
            return False
        return (not nxt.is_sent_start and nxt.is_alpha and nxt.is_lower and nxt.norm_ not in self.words["bare_next_ok"]
                and nxt.norm_ not in self.words["rating_nouns"])

    def _standard_held(self, doc: Doc, g: Grade) -> bool:
        """'kept the good standard found at its last inspection', 'lost its outstanding standing': a grade named
        as a standard a council holds (a keep / lose verb and 'the' / 'its' before; not 'a good standard of
        care')."""
        w = self.words
        n = g.end
        if g.quoted or n >= len(doc) or doc[n].norm_ not in w["standard_nouns"] or g.start < 2:
            return False
        if n + 1 < len(doc) and doc[n + 1].norm_ == "of":
            return False
        return doc[g.start - 1].norm_ in ("the", "its", "their", "our") and (
            doc[g.start - 2].norm_ in w["keep_verbs"])

    def _received_service(self, doc: Doc, g: Grade) -> bool:
        """'children in care receive a good service'."""
        w = self.words
        return (not g.quoted and g.start >= 2 and g.end < len(doc) and doc[g.end].norm_ in w["service_nouns"]
                and doc[g.start - 1].norm_ in ("a", "an") and doc[g.start - 2].norm_ in w["receive_verbs"])

    def _accept(self, doc: Doc, g: Grade, sent: Span, sgrades: list[Grade], ctx: _DocContext) -> str:
        w = self.words
        p = g.start - 1 - (1 if g.quoted else 0)  # token before (outside the quote marks)
        n = g.end + (1 if g.quoted else 0)  # token after
        prev_tok = doc[p] if p >= sent.start else None
        next_tok = doc[n] if n < sent.end and not doc[n].is_space else None
        if self._received_service(doc, g):
            # a judgement area said to receive a good service, in a text reporting the inspection (a report's
            # own body describes practice; its judgement table gives the grades)
            cs = ctx.clause_of(g.start, sent)[0]
            if any(doc[i].norm_ in w["negation"] for i in range(cs, g.start)):
                return ""
            return "bare" if doc._.kind != "ofsted_report" and ctx.has_cue(
                "rating_context", sent.start, sent.end) and any(True for _ in ctx.judgements_in(cs, g.start)) else ""
        graded_name = not g.quoted and next_tok is not None and self._graded_name_at(n, ctx)
        if (not g.quoted and next_tok is not None and next_tok.is_alpha and next_tok.is_lower and not graded_name
                and not self._standard_held(doc, g)
                and g.grade not in ANNUAL_GRADES and g.grade not in ("highest", "lowest")
                and next_tok.norm_ not in w["bare_next_ok"] and next_tok.norm_ not in w["rating_nouns"]):
            return ""  # "good practice", "inadequate housing": the cheap, common case first
        # "good or outstanding", "good or better": a range, not a judgement
        if next_tok is not None and next_tok.norm_ == "or":
            return ""
        if prev_tok is not None and prev_tok.like_num and not g.quoted:
            return ""  # "25 have been judged inadequate and only 28 good": a count of councils
        if prev_tok is not None and prev_tok.norm_ == "or" and (
                ctx.grade_ending_at(p - 1) is not None or ctx.grade_ending_at(p - 2) is not None):
            return ""
        before = self._words_before(doc, g.start, sent, 4)
        clause_start, _ = ctx.clause_of(g.start, sent)
        if doc[clause_start].like_num and clause_start + 1 < g.start and doc[clause_start + 1].norm_ in AUXILIARIES:
            return ""  # "Of the 79 councils inspected, 21 have been judged inadequate": a count as the subject
        neg_lo = max(clause_start, g.start - 7)
        if any(doc[i].norm_ in w["negation"] for i in range(neg_lo, g.start)) and not ctx.has_cue(
                "no_longer", neg_lo, g.start):
            return ""  # "was not rated good", "did not rate the services inadequate"
        if any(ctx.norms[i] in w["negation"] and ctx.norms[i + 1] in w["grading_verbs"]
               for i in range(max(clause_start, g.start - 14), g.start - 1)):
            return ""  # "Ofsted did not judge any of our services to be inadequate"
        if self._negative_subject(doc, g, clause_start) and not ctx.has_cue("no_longer", clause_start, g.start):
            return ""  # "No area of the service was judged to require improvement"
        if self._gerund_subject(doc, g, p, n, clause_start, sent):
            return ""  # "keeping the top grade is harder than winning it": talk about grades in general
        if ctx.cue_ends_at("not_grade_before", g.start - (1 if g.quoted else 0)):
            return ""  # "rated good rather than outstanding": the grade it did not get
        if self._scale_listing(doc, g, sent, ctx):
            return ""  # "grades councils as outstanding, good, requires improvement or inadequate"
        norms = ctx.norms
        lo = max(clause_start, g.start - 6)
        wide = max(clause_start, g.start - 14)
        if any(norms[i] == "to" and norms[i + 1] in ("be", "become") or norms[i] in MODALS and "be" in norms[
                i + 1:min(i + 4, g.start)] for i in range(wide, g.start - 1)):
            # "The board's ambition is for Torbay to be judged at least requires improvement", "Derby will once
            # again be a place where children's services are good"
            lo = wide
        if any(self._aspiration_at(doc, i, sent) and ctx.judgement_at(i) is None for i in range(lo, g.start)) and (
                not self._is_from(doc, g, sent)):
            return ""  # "to become outstanding"; but "moving up from inadequate" is a past grade
        if any(norms[i] == "we" and norms[i + 1] in w["self_judging_verbs"] or norms[i] == "ourselves"
               for i in range(max(sent.start, clause_start - 1), g.start)):
            return ""  # "We judge ourselves to be good in help and protection": a self-assessment
        if self._generic(doc, g, clause_start, ctx):
            return ""  # "When Ofsted hands down its lowest grade, ...", "If a council is rated inadequate, ..."
        if self._other_subject(doc, g, clause_start, ctx):
            return ""  # "a children's home run by the council was rated outstanding", "schools rated inadequate"
        if self._other_grader(doc, g, sent, ctx):
            return ""  # "the Care Quality Commission rated the hospital trust as requires improvement"
        cy = ctx.year_in(clause_start, ctx.clause_of(g.start, sent)[1], own_clause=True)
        if cy is not None and ctx.doc_year is not None and cy > ctx.doc_year:
            return ""  # "to be rated good by 2025": a target, not an outcome
        if g.grade in ("highest", "lowest"):
            return "strong"
        if ctx.cue_ends_at("no_longer", g.start - (1 if g.quoted else 0)):
            return "strong" if ctx.has_cue("rating_context", sent.start, sent.end) else ""
        if self._is_table_row(doc, g, sent, ctx):
            return "table"
        if prev_tok is not None and prev_tok.norm_ in w["bracket_previous"] and p - 1 >= sent.start and (
                doc[p - 1].text == "(") and ctx.grade_ending_at(p - 2) is not None:
            return "strong"  # a round-up line: "LANCASHIRE: Outstanding (previously good)"
        if self._listed_after_name(doc, g, sent, ctx):
            return "strong"
        sent_ctx = ctx.has_cue("rating_context", sent.start, sent.end)
        if g.grade in ANNUAL_GRADES and g.grade != "excellent" or (g.grade == "excellent"
                                                                  and doc[g.start].norm_ != "excellent"):
            # "Salford performs well" in a text listing several councils' annual ratings
            listed = ctx.annual_n >= 2 and prev_tok is not None and ctx.mention_ending_at(prev_tok.i) is not None
            # "moved up to performing well", "slipped from performing well": a move between annual grades
            moved = self._is_from(doc, g, sent) or self._strong_before(doc, g, sent, ctx) == "move"
            return "strong" if sent_ctx or g.quoted or listed or moved else ""
        if graded_name:
            # "rated good overall, with outstanding capacity to improve"
            return "bare" if ctx.has_cue("rating_context", sent.start, sent.end) else ""
        # what follows the grade
        end_ok = next_tok is None or (next_tok.is_punct and next_tok.text not in ("-",)) or next_tok.like_num
        if next_tok is not None and next_tok.text == "-" and not doc[n - 1].whitespace_:
            if n + 1 < sent.end and doc[n + 1].norm_ in ("rated", "graded", "judged"):
                return "strong"  # "inadequate-rated council"
            return ""  # "good-quality placements"
        if next_tok is not None and next_tok.text == "-":
            end_ok = True  # a spaced dash ends the clause
        elif not end_ok and self._scope_ends(doc, n, sent, ctx):
            end_ok = True  # "rated the county inadequate across the board.", "were outstanding on the island,"
        noun_next = next_tok is not None and (next_tok.norm_ in w["rating_nouns"] or self._standard_held(doc, g))
        if g.quoted:
            follows_ok = (end_ok or noun_next or next_tok.norm_ in w["quoted_next_ok"]
                          or ctx.judgement_at(n) is not None or next_tok.is_title)
            if not follows_ok:
                return ""
            para = ctx.paragraph_tokens(sent)
            if sent_ctx or noun_next or para <= 15 or next_tok is not None and next_tok.norm_ in (
                    "council", "authority", "borough", "services", "department"):
                return "quoted"
            return ""
        if g.grade == "excellent" and self._strong_before(doc, g, sent, ctx) != "strong":
            return ""
        follows_ok = end_ok or noun_next or next_tok.norm_ in w["bare_next_ok"] or (
            ctx.judgement_at(n) is not None and doc[n].norm_ == "overall")
        if not follows_ok:
            return ""
        if noun_next and (sent_ctx or next_tok.norm_ in ("rating", "ratings", "grade", "grades")):
            return "bare"
        verb = next((t for t in before if t.norm_ not in DETERMINERS), None)
        if noun_next and verb is not None and verb.norm_ in w["category_verbs"]:
            return "strong"  # "Entered the inadequate category in 2024"
        if prev_tok is not None and prev_tok.norm_ == "now" and any(o.kind for o in sgrades if o.end <= g.start):
            return "strong"  # "Sefton - inadequate in 2022; now requires improvement to be good"
        sb = self._strong_before(doc, g, sent, ctx)
        if sb:
            # a move between grades is rating talk in any text about inspections
            return "strong" if sent_ctx or sb == "move" and ctx.doc_context else ""
        # "Help and protection and leadership both require improvement": 'both' / 'each' sit between subject and verb
        subj = next((t for t in before if t.norm_ not in w["skip_before"] and t.norm_ not in w["distributive_words"]),
                    None)
        if subj is not None and subj.text == ",":
            # "Norfolk County Council, which was inadequate in 2013, now requires improvement"
            head = self._relative_head(doc, subj.i, sent, ctx)
            subj = doc[head] if head is not None else subj
        if g.grade == "requires_improvement" and subj is not None and doc[g.start].norm_ in (
                "require", "requires", "required", "requiring"):
            area_subject = ctx.judgement_at(subj.i) is not None
            # the sentence needs a rating word, unless it is a report's one-line verdict ("Children's services in
            # Warwickshire require improvement to be good") or judgement areas are its subject in a text about
            # inspections ("Help and protection and leadership both require improvement.")
            context = sent_ctx or doc._.kind == "ofsted_report" and ctx.is_paragraph(sent) or (
                area_subject and ctx.doc_context)
            if context and (area_subject or ctx.has_mention(subj.i, subj.i + 1)
                            or ctx.mention_ending_at(subj.i) is not None or subj.norm_ in w["ri_subjects"]
                            or any(True for _ in ctx.judgements_in(ctx.clause_of(g.start, sent)[0], g.start))):
                return "bare"  # "the experiences of children in care required improvement"
        names_next = self._names_follow(doc, n, sent, ctx) is not None
        if sent_ctx and (end_ok or names_next) and self._object_verb_before(doc, g, sent, ctx):
            return "strong"  # "rated that council good"
        if sent_ctx and next_tok is not None and next_tok.norm_ in w["after_object_grade"] and self._object_verb_before(
                doc, g, sent, ctx, w["grading_verbs"]):
            return "strong"  # "rated Bristol good in March", "judged the council outstanding for the first time"
        first = next((t for t in before if t.norm_ not in w["skip_before"] or t.norm_ in w["copulas"]), None)
        if first is not None and first.norm_ in w["copulas"] and (
                end_ok or next_tok.norm_ in ("in", "for") or next_tok.norm_ in ("at", "when", "until")
                and (ctx.has_cue("previous", n, n + 4) or ctx.has_cue("rating_context", n, n + 4))
                or self._new_clause_after(doc, n, sent)
                or next_tok.norm_ == "overall" and ctx.judgement_at(n) is not None):
            # "The Local Safeguarding Children Board is good."  / "Children's services in X are good"
            subj_lo = max(sent.start, first.i - 12)
            j_subject = any(ctx.judgement_at(i) is not None for i in range(subj_lo, first.i))
            has_subject = j_subject or any(doc[i].norm_ in w["copula_subjects"] for i in range(subj_lo, first.i)) \
                or ctx.has_mention(subj_lo, first.i)
            if not has_subject and first.i - 1 >= sent.start and doc[first.i - 1].text == ",":
                # "Norfolk County Council, which was inadequate when it was last inspected in 2013, is now good"
                head = self._relative_head(doc, first.i - 1, sent, ctx)
                if head is not None:
                    j_subject = ctx.judgement_at(head) is not None
                    has_subject = j_subject or ctx.mention_ending_at(head) is not None
            # a move between grades in the sentence is rating talk: "are now good overall, up from requires
            # improvement in 2021"
            moved = any(o is not g and self._is_from(doc, o, sent) for o in sgrades)
            if has_subject and (sent_ctx or ctx.is_paragraph(sent) or moved):
                return "bare"
            # "Leadership ... was also inadequate, as was the LSCB." after a rating sentence in the paragraph
            if j_subject and ctx.paragraph_context_before(sent):
                return "bare"
        return ""

    def _relative_head(self, doc: Doc, comma: int, sent: Span, ctx: _DocContext) -> int | None:
        """The token before ', which / who / whose ...,' when the comma at `comma` closes that relative clause
        (the clause's subject, across it): else None."""
        if comma - 1 < sent.start:
            return None
        a = ctx.relative_clause_start(comma - 1, sent, RELATIVE_PRONOUNS)
        if a is not None and a - 2 >= sent.start and doc[a - 1].text == ",":
            return a - 2
        return None

    def _aspiration_at(self, doc: Doc, i: int, sent: Span) -> bool:
        """Token i states an aim ('to become', 'hopes'); 'get' only after 'to' or a modal."""
        w = self.words
        norm = doc[i].norm_
        if norm not in w["aspiration"]:
            return False
        return norm not in w["infinitive_aspirations"] or i > sent.start and (
            doc[i - 1].norm_ in w["infinitive_markers"])

    def _negative_subject(self, doc: Doc, g: Grade, clause_start: int) -> bool:
        """The clause's subject is 'no ...' / 'none of ...' / 'neither ...': nothing got the grade."""
        w = self.words
        i = clause_start
        while i < g.start and (doc[i].norm_ in w["clause_conjunctions"] or doc[i].is_punct):
            i += 1
        return i < g.start and g.start - i <= 15 and doc[i].norm_ in w["negative_subjects"]

    def _gerund_subject(self, doc: Doc, g: Grade, p: int, n: int, clause_start: int, sent: Span) -> bool:
        """'keeping the top grade was harder than winning it', 'getting an outstanding rating takes years': a
        gerund phrase with no owner ('the', 'an', not 'its' / 'our') as the subject of a verb, opening its clause
        or a reported clause."""
        w = self.words
        if p < sent.start or doc[p].norm_ not in w["gerund_determiners"]:
            return False
        i = p - 1
        if i < sent.start or doc[i].norm_ not in w["subject_gerunds"]:
            return False
        k = n
        while k < sent.end and k - n <= 2 and doc[k].norm_ in self.words["rating_nouns"]:
            k += 1
        if k >= sent.end or doc[k].norm_ not in w["gerund_subject_verbs"]:
            return False
        before = doc[i - 1] if i > sent.start else None
        return before is None or i == clause_start or before.norm_ in w["reporting_verbs"] or before.norm_ in (
            "that", "said", "says", "think", "thinks", "believe", "believes")

    def _generic(self, doc: Doc, g: Grade, clause_start: int, ctx: _DocContext) -> bool:
        """Not an outcome: how inspections work in general (the clause opens with 'when' / 'if' and a
        present-tense verb; 'an inadequate judgement is rarely a surprise') or a hypothetical ('were the council
        to be judged inadequate', 'if the trust were to be judged')."""
        w = self.words
        if doc[clause_start].norm_ == "if" and any(
                doc[i].norm_ == "had" and doc[i + 1].norm_ == "been" for i in range(clause_start + 1, g.start - 1)):
            return True  # "If the council had been judged to require improvement rather than inadequate, ..."
        opener = ctx.sentence_of(g.start).start
        if doc[opener].norm_ == "should" or doc[opener].norm_ == "had" and any(
                doc[i].norm_ == "been" for i in range(opener + 2, min(g.start, opener + 6))):
            return True  # "Should Ofsted find that services remain inadequate, ...", "Had the council been judged ..."
        for i in range(clause_start, g.start - 2):
            if doc[i].norm_ != "were":
                continue
            if doc[i + 1].norm_ == "to" and doc[i + 2].norm_ == "be":
                return True  # "If the trust were to be judged inadequate"
            if (i == clause_start or doc[i - 1].is_punct) and doc[i + 1].norm_ in w["inverted_subjects"] and any(
                    doc[k].norm_ == "to" and doc[k + 1].norm_ == "be" for k in range(i + 2, min(g.start - 1, i + 7))):
                return True  # "were the council to be judged inadequate again"
        n = g.end
        if g.start > 0 and doc[g.start - 1].norm_ in ("a", "an") and n + 1 < len(doc) and doc[n].norm_ in w[
                "rating_nouns"] and doc[n + 1].norm_ in w["generic_verbs"]:
            return True  # "an inadequate judgement is rarely a surprise": grades in general
        return doc[clause_start].norm_ in w["generic_openers"] and g.start - clause_start <= 15 and any(
            doc[i].norm_ in w["generic_present"] for i in range(clause_start + 1, g.start))

    def _scope_ends(self, doc: Doc, n: int, sent: Span, ctx: _DocContext) -> bool:
        """What follows the grade is only its scope or place, then the clause ends: 'across the board', 'in
        every area' (grade_scope in cues.json), 'on the island', 'in Camden'."""
        end = ctx.cue_end_at("grade_scope", n)
        if end is None and doc[n].norm_ in self.words["scope_prepositions"] and n + 1 < sent.end:
            k = n + 2 if doc[n + 1].norm_ == "the" else n + 1
            end = ctx.mention_starting_at(k) if k < sent.end else None
        if end is None:
            return False
        return end >= sent.end or doc[end].is_punct and doc[end].text not in ("-", "'", "’") or (
            doc[end].norm_ in self.words["clause_after"])

    def _graded_name_at(self, n: int, ctx: _DocContext) -> bool:
        j = ctx.judgement_starting(n)
        return j is not None and j[2] in self.graded_names

    def _subject_of_next(self, doc: Doc, end: int, next_start: int) -> bool:
        """Only verbs of grading lie between a judgement name and the next grade: the name is its subject."""
        w = self.words
        gap = [i for i in range(end, next_start) if doc[i].text not in QUOTES]  # 'rated "outstanding"'
        return len(gap) <= 5 and all(doc[i].norm_ in w["copulas"] or doc[i].norm_ in w["be_verbs"]
                                     or doc[i].norm_ in w["strong_before"] or doc[i].norm_ in w["predicate_fillers"]
                                     for i in gap)

    def _names_follow(self, doc: Doc, n: int, sent: Span, ctx: _DocContext) -> int | None:
        """'good for the impact of leaders', 'outstanding in all four areas inspected: ...': the index of the
        judgement name that a preposition (and words naming the areas) after the grade leads to, else None."""
        if n >= sent.end or doc[n].norm_ not in self.lead_ins:
            return None
        i = n + 1
        while i < sent.end and i - n <= 8 and ctx.judgement_at(i) is None and doc[i].norm_ in self.words["area_words"]:
            i += 1
        return i if i < sent.end and ctx.listed_name_starting(i) is not None else None

    def _inspection_of(self, doc: Doc, i: int, hi: int, ctx: _DocContext) -> int | None:
        """'judged adequate in an inspection of its looked after children services': the name the inspection
        was of, right after the grade."""
        if doc[i].norm_ != "in" or i + 3 >= hi:
            return None
        k = i + 1
        if doc[k].norm_ in DETERMINERS:
            k += 1
        if doc[k].norm_ not in self.words["inspection_nouns"] or doc[k + 1].norm_ not in ("of", "into"):
            return None
        k += 2
        while k < hi and doc[k].norm_ in ("its", "their", "the", "council", "'s", "’s"):
            k += 1
        return k if k < hi and ctx.judgement_starting(k) is not None else None

    def _listed_after_name(self, doc: Doc, g: Grade, sent: Span, ctx: _DocContext) -> bool:
        """A round-up line 'Croydon – good overall, ...' / 'Merton: outstanding': a council named at the start of
        the sentence, a dash or colon, then the grade, in a text about inspections."""
        p = g.start - 1 - (1 if g.quoted else 0)
        if p - 1 < sent.start or doc[p].norm_ not in self.words["list_dashes"] or not ctx.doc_context:
            return False
        m = ctx.mention_ending_at(p - 1)
        return m is not None and m <= sent.start + 1

    def _new_clause_after(self, doc: Doc, n: int, sent: Span) -> bool:
        """'leadership was now good and that help had improved', 'was good but inspectors said': a new
        clause follows the grade (not 'good and improving')."""
        if doc[n].norm_ in self.words["clause_after"]:
            return True
        return doc[n].norm_ == "and" and n + 1 < sent.end and doc[n + 1].norm_ in self.words["clause_after_and"]

    def _scale_listing(self, doc: Doc, g: Grade, sent: Span, ctx: _DocContext) -> bool:
        """The grade is one step of the grading scale being described: a run of three or more grades joined
        only by commas / 'or' / 'and' / 'to', or a grade shortly after 'scale' / 'ranging from' with no council
        named between."""
        run = 1
        for step in (-1, 1):
            cur = g
            while True:
                k = cur.start - 1 if step < 0 else cur.end
                while sent.start <= k < sent.end and doc[k].text in QUOTES:
                    k += step
                if not (sent.start <= k < sent.end and doc[k].norm_ in (",", "or", "and", "to", "/")):
                    break
                k += step
                while sent.start <= k < sent.end and doc[k].text in QUOTES:
                    k += step
                nxt = ctx.grade_ending_at(k) if step < 0 else ctx.grade_starts.get(k)
                if nxt is None:
                    break
                run += 1
                cur = nxt
        if run >= 3:
            return True
        starts = ctx.cue_starts["scale_words"]
        k = bisect.bisect_left(starts, max(sent.start, g.start - 8))
        if k < len(starts) and any(doc[i].norm_ in self.words["scale_position_words"]
                                   for i in range(max(sent.start, starts[k] - 3), starts[k])):
            return False  # "at the other end of the scale, ...": a figure of speech, not the scale described
        return k < len(starts) and starts[k] < g.start and not ctx.has_mention(starts[k], g.start)

    def _other_subject(self, doc: Doc, g: Grade, clause_start: int, ctx: _DocContext) -> bool:
        """A school, nursery, children's home or agency is the subject of the grade's clause, with no
        judgement name or council service named between it and the grade."""
        own_start = clause_start
        if doc[clause_start].norm_ in self.words["subjectless_openers"]:
            # the clause opens with its verb or a relative pronoun: the subject is before an inserted phrase ("One
            # of its children's homes, in Keighley, was rated outstanding", "St Mary's Academy, which was rated")
            clause_start = ctx.sentence_of(clause_start).start
        for s, e in ctx.cues["other_subjects"][bisect.bisect_left(ctx.cue_starts["other_subjects"], clause_start):]:
            if s >= g.start:
                break
            if ctx.judgement_at(s) is not None:
                continue  # "the council's fostering agency" is its own service
            j = ctx.judgement_at(s - 1)
            if j is not None and j[0] > 0 and doc[j[0] - 1].norm_ in POSSESSIVES:
                continue  # "its adoption agency was judged good"
            if s < own_start and ctx.has_mention(clause_start, s):
                continue  # "Bradford, which runs three schools, was rated good": the council is the subject
            if e <= g.start and not any(ctx.judgement_at(i) is not None or doc[i].norm_ in self.words[
                    "copula_subjects"] and doc[i].norm_ not in ("council", "authority") for i in range(e, g.start)):
                return True
        return False

    def _other_grader(self, doc: Doc, g: Grade, sent: Span, ctx: _DocContext) -> bool:
        """Another inspectorate (CQC, HMICFRS, Estyn ...) named before the grade in its sentence, with no Ofsted
        between: the grade is that body's, for a hospital, police force or school."""
        starts = ctx.cue_starts["other_graders"]
        n = g.end + (1 if g.quoted else 0)
        if n + 1 < sent.end and doc[n].norm_ == "by" and (ctx.cue_starts_at("other_graders", n + 1) or (
                doc[n + 1].norm_ == "the" and ctx.cue_starts_at("other_graders", n + 2))):
            return True  # "was graded requires improvement by HM Inspectorate of Constabulary"
        k = bisect.bisect_left(starts, n)
        if k < len(starts) and starts[k] < ctx.clause_of(g.start, sent)[1] and not any(
                doc[i].norm_ in self.words["ofsted_words"] for i in range(n, starts[k])):
            return True  # "graded adequate for protecting vulnerable people in its latest inspection by HMICFRS"
        k = bisect.bisect_left(starts, sent.start)
        if not (k < len(starts) and starts[k] < g.start):
            return False
        last = max(e for s, e in ctx.cues["other_graders"][k:bisect.bisect_left(starts, g.start)])
        return not any(doc[i].norm_ in self.words["ofsted_words"] for i in range(last, g.start))

    def _coordinated_grade(self, doc: Doc, g: Grade, sent: Span, sgrades: list[Grade], ctx: _DocContext) -> str:
        """'judged to require improvement in 2018 and good in 2021': the second grade shares the first's context."""
        before = self._words_before(doc, g.start, sent, 1)
        n = g.end + (1 if g.quoted else 0)
        if before and before[0].norm_ == "and" and n + 1 < sent.end and doc[n].norm_ in self.lead_ins and (
                ctx.judgement_starting(n + 1) or doc[n + 1].norm_ in ("the", "its") and ctx.judgement_at(n + 2)):
            # "judged outstanding overall, up from good in 2019, and outstanding for the impact of leaders"
            first = next((o for o in sgrades if o is not g and o.kind == "strong"), None)
            if first is not None and first.start < g.start:
                return first.kind
        if before and before[0].norm_ == "as" and ctx.judgement_at(before[0].i - 1) is not None:
            # "rated A as outstanding, and B, C and D as good": a second object list with its own "as"
            for other in sgrades:
                if other is g:
                    break
                if other.kind == "strong" and other.start - 1 >= sent.start and doc[other.start - 1].norm_ == "as" \
                        and ctx.judgement_at(other.start - 2) is not None:
                    return other.kind
            return ""
        if before and before[0].norm_ not in ("and", ",", "then"):
            # gapped list: "Bromley was rated good, Bexley outstanding and Croydon requires improvement"
            m = ctx.mention_ending_at(before[0].i)
            if m is None or m <= sent.start or doc[m - 1].norm_ not in ("and", ","):
                return ""
            before = [doc[m - 1]]
        if not before:
            return ""
        for other in sgrades:
            if other is g:
                break
            if other.kind and 0 <= before[0].i - other.end <= 5:
                return other.kind
            # "good for children in care and care leavers and good for ...": only names and fillers between
            gap = range(other.end, before[0].i)
            if other.kind and len(gap) <= 14 and all(ctx.judgement_at(i) is not None or doc[i].norm_ in GAP_FILLER
                                                     for i in gap):
                return other.kind
        return ""

    def _words_before(self, doc: Doc, i: int, sent: Span, k: int) -> list:
        """Up to k word tokens before token i within the sentence, nearest first, quote marks skipped."""
        out = []
        j = i - 1
        while j >= sent.start and len(out) < k:
            if doc[j].text not in QUOTES:
                out.append(doc[j])
            j -= 1
        return out

    def _strong_before(self, doc: Doc, g: Grade, sent: Span, ctx: _DocContext) -> str:
        """A rating verb before the grade: "rated good", "judged to be overall good" ("strong"), or a move
        between grades: "from inadequate to good", "upgraded to good", "stays at good" ("move")."""
        w = self.words
        j = g.start - 1
        saw_be = False
        steps = 0
        while j >= sent.start and steps < 6:
            tok = doc[j]
            if tok.text in QUOTES:
                j -= 1
                continue
            other = ctx.grade_ending_at(j)
            if other is not None:
                # "from inadequate to good": the grade before the "to" tells
                return "move" if self._is_from(doc, other, sent) else ""
            if tok.norm_ in w["strong_before"]:
                return "strong"
            if tok.norm_ in w["object_pronouns"] and j - 1 >= sent.start and doc[j - 1].norm_ in w["strong_before"]:
                return "strong"  # "inspectors rated them inadequate"
            if tok.norm_ == "of" and j - 1 >= sent.start and doc[j - 1].norm_ in w["rating_nouns"]:
                return "strong"  # "a rating of good"
            if tok.norm_ == "from":
                return "move" if self._is_from(doc, g, sent) else ""
            if tok.norm_ == "to" and any(doc[k].norm_ in w["movement_to"] for k in range(max(sent.start, j - 4), j)):
                return "move"
            if tok.norm_ == "to" and any(
                    (o := ctx.grade_ending_at(k)) is not None and self._is_from(doc, o, sent)
                    for k in range(max(sent.start, j - 4), j)):
                return "move"  # "moved up from performing poorly in 2009 to performing adequately"
            if tok.norm_ == "at" and j > sent.start and doc[j - 1].norm_ in w["stay_verbs"]:
                return "move"  # "stays at good"
            if tok.norm_ in w["skip_before"]:
                saw_be = saw_be or tok.norm_ in w["be_verbs"] or tok.norm_ == "as"
                j -= 1
                steps += 1
                continue
            break
        if saw_be:
            # "found the council's leadership ... to be good", "was considered to be good"
            lo = max(sent.start, g.start - 25)
            return "strong" if any(doc[i].norm_ in w["strong_before"] for i in range(lo, g.start)) else ""
        return ""

    def _object_verb_before(self, doc: Doc, g: Grade, sent: Span, ctx: _DocContext, verb_words=None) -> bool:
        cs, _ = ctx.clause_of(g.start, sent)
        while cs - 2 >= sent.start and doc[cs - 1].text == "," and ctx.judgement_at(cs - 2) is not None:
            # "rated help and protection, children in care and care leavers good": the object is a list of names
            cs = ctx.clause_of(ctx.judgement_at(cs - 2)[0], sent)[0]
        lo = max(cs, g.start - 14)
        verb_words = verb_words or self.words["object_verbs"]
        verbs = [i for i in range(lo, g.start) if doc[i].norm_ in verb_words]
        # "rated that council good"; "rated the help and protection given to children good"; "judged the council's
        # children's services inadequate" (possessive endings are not words of the object)
        if not verbs:
            return False
        words = sum(1 for i in range(verbs[-1], g.start) if ctx.norms[i] not in ("'s", "’s"))
        return words <= 6 or any(True for _ in ctx.judgements_in(verbs[-1], g.start))

    def _is_from(self, doc: Doc, g: Grade, sent: Span) -> bool:
        """Grade preceded by "from" in a move: "jumps from inadequate", "up from requires improvement"."""
        j = g.start - 1 - (1 if g.quoted else 0)
        while j >= sent.start and doc[j].norm_ in DETERMINERS:
            j -= 1
        if j < sent.start or doc[j].norm_ != "from":
            return False
        if j - 1 >= sent.start and doc[j - 1].norm_ in self.words["movement_from"]:
            return True
        if j - 1 >= sent.start and doc[j - 1].text == "," and any(
                doc[k].norm_ in self.words["movement_from"] or doc[k].norm_ in self.words["movement_to"]
                for k in range(max(sent.start, j - 9), j - 1)):
            return True  # "moved up to good, from requires improvement in 2019"
        k = g.end + (1 if g.quoted else 0)
        return k < sent.end and doc[k].norm_ == "to"

    def _is_table_row(self, doc: Doc, g: Grade, sent: Span, ctx: _DocContext) -> bool:
        """'Overall effectiveness  Good', '2.1 Adoption performance Outstanding', joined rows too, and the
        later cells of a row with one grade column per inspection ('... care leavers  n/a*  Good')."""
        first = doc[g.start]
        row = ctx.text[sent.start_char:sent.end_char].rstrip()
        if not row.endswith(".") and len(sent) <= 60 and ctx.column_of(g, sent) is not None and (
                "|" in row or ctx.mention_starting_at(sent.start) is not None or ctx.judgement_at(sent.start)):
            return True  # a row under a header of inspections or judgements: 'Barnsley  Good  Outstanding'
        j = g.start - 1
        cell = EMPTY_CELL.search(ctx.text[sent.start_char:first.idx])
        k = j
        if cell is not None:
            while k >= sent.start and doc[k].idx >= sent.start_char + cell.start():
                k -= 1
        other = ctx.grade_ending_at(k) if k >= sent.start else None
        if other is not None and other is not g:
            return self._is_table_row(doc, other, sent, ctx)  # the next cell of a row: "Good  Outstanding"
        if cell is not None and not cell.group().lstrip().startswith(("-", "–", "—")):
            j = k  # "care leavers  n/a*  Good"; but "Adoption performance – good": the dash separates
        gap = 0
        sep = False
        while j >= sent.start and gap <= 9:
            if ctx.judgement_at(j) is not None:
                break
            tok = doc[j]
            if tok.text in (":", "–", "-", "—", "|") or tok.text in QUOTES:
                sep = sep or tok.text in (":", "–", "-", "—", "|")
            elif not tok.is_alpha or not tok.is_lower or tok.norm_ in self.words["strong_before"] \
                    or tok.norm_ in self.words["copulas"]:
                return False
            j -= 1
            gap += 1
        else:
            return False
        if j < sent.start or ctx.judgement_at(j) is None:
            return False
        if not (first.text[0].isupper() or sep):
            return False
        k = g.end + (1 if g.quoted else 0)
        if k >= sent.end or doc[k].is_space:
            return True
        nxt = doc[k]
        return nxt.is_punct or nxt.like_num or nxt.text[0].isupper()

    # ------------------------------------------------------------------ 2. which judgements?
    def _judgements_for(self, doc, g: Grade, sent, prev_end, next_start, claimed, ctx, prev_labels=()):
        if g.kind == "table":
            column = ctx.column_of(g, sent)
            if column is not None and "judgement" in column:
                # "2021 | ILACS | Inadequate | Requires improvement": the header names each column's judgement
                return [column["judgement"]], (doc[g.start].idx, doc[g.end - 1].idx + len(doc[g.end - 1]))
            j = ctx.judgement_before(g.start, sent.start)
            if j is not None:
                claimed.add(j[0])
                label = j[2]
                if label == "overall_effectiveness":
                    # "Services for looked after children / Overall effectiveness  Good": an old-framework table
                    # under a heading that names the area grades that area
                    label = ctx.section_area(sent) or label
                return [label], (doc[j[0]].idx, doc[g.end - 1].idx + len(doc[g.end - 1]))
        # names after the grade: "'outstanding' adoption services", "top marks for its adoption services"
        labels = []
        i = g.end + (1 if g.quoted else 0)
        while i < next_start and doc[i].norm_ in self.words["rating_nouns"] and doc[i].norm_ != "overall":
            i += 1
        colon_list = False
        if i + 1 < next_start and doc[i].text == "," and doc[i + 1].norm_ in self.words["inclusive_lead_ins"]:
            i += 1  # "judged outstanding, including adoption and ..."
        # names given as examples ("including adoption") come on top of what the grade is for
        inclusive = i < next_start and doc[i].norm_ in self.words["inclusive_lead_ins"]
        led = self._names_follow(doc, i, sent, ctx) if i < next_start else None
        inspected = self._inspection_of(doc, i, next_start, ctx) if led is None and i < next_start else None
        if led is not None or inspected is not None:
            colon_list = any(doc[k].text == ":" for k in range(i, led or inspected))
            i = led or inspected
        led_in = led is not None  # a lead-in word ("for", "in") before the name: "a judgement for the impact of ..."
        if led is None and inspected is None and i < next_start and doc[i].norm_ in self.lead_ins:
            i += 1
            led_in = True
        while i < next_start and doc[i].norm_ in ("its", "their", "the", "all", "her", "his", "our"):
            i += 1
        k = i  # "good for the experiences and progress of children who need help and protection"
        if i < next_start and doc[i].norm_ in self.words["area_name_openers"]:
            while k < next_start and k - i < 5 and doc[k].norm_ in self.words["area_name_prefixes"]:
                k += 1
        if k > i and ctx.listed_name_starting(k) is not None:
            i = k
        j = ctx.listed_name_starting(i)
        if j is not None and j[1] <= next_start and (g.quoted or g.kind in ("strong", "table")
                                                      or j[2] in self.graded_names
                                                      or doc[i].norm_ in ("overall",)
                                                      or doc[i - 1].norm_ in self.lead_ins or led_in
                                                      or inspected is not None):
            while j is not None and j[1] <= next_start:
                labels.append(j[2])
                claimed.add(j[0])
                k = j[1]
                gap = 0
                while k < next_start and gap <= 8 and ctx.judgement_at(k) is None and (
                        doc[k].norm_ in GAP_FILLER or colon_list and doc[k].text == ";"):
                    k += 1
                    gap += 1
                if not colon_list and ctx.judgement_starting(k) is None:
                    # "for overall effectiveness and in each of the judgement areas: ...": a colon after words
                    # about the areas opens a list of them
                    # ("... and in each of the areas for help and protection, children in care and ...": 'for'
                    # after the words about the areas opens the list as a colon does)
                    colon, area_seen = k, False
                    while colon < next_start and colon - k <= 10 and doc[colon].text != ":" and not (
                            area_seen and doc[colon].norm_ in self.words["area_list_leads"]
                            and ctx.judgement_starting(colon + 1) is not None) and (
                            doc[colon].norm_ in GAP_FILLER or doc[colon].norm_ in self.words["area_words"]
                            or doc[colon].norm_ in self.words["scope_prepositions"]
                            or area_seen and doc[colon].is_alpha):  # "in every area they looked at: ..."
                        area_seen = area_seen or doc[colon].norm_ in self.words["area_words"]
                        colon += 1
                    if colon < next_start and colon > k and (doc[colon].text == ":" or area_seen and (
                            doc[colon].norm_ in self.words["area_list_leads"])):
                        colon_list = True
                        k = colon + 1
                        while k < next_start and ctx.judgement_at(k) is None and doc[k].norm_ in GAP_FILLER:
                            k += 1
                if colon_list and ctx.judgement_starting(k) is None:
                    # "in every area: the impact of leaders on practice with families; the experiences of ...":
                    # items of a colon list run to the next ';'
                    semi = next((x for x in range(k, min(next_start, k + 15)) if doc[x].text == ";"), None)
                    if semi is not None:
                        k = semi + 1
                        while k < next_start and k - semi <= 8 and ctx.judgement_at(k) is None and (
                                doc[k].norm_ in GAP_FILLER):
                            k += 1
                j = ctx.listed_name_starting(k) if k < next_start else None
                if j is not None and next_start < sent.end and self._subject_of_next(doc, j[1], next_start):
                    j = None  # "good overall, and adoption was judged outstanding": adoption has its own grade
        if any(x in self.list_only for x in labels):
            alone = all(x in self.list_only for x in labels)
            labels = _uniq([self.list_only[x][1 if alone else 0] if x in self.list_only else x for x in labels])
        # "rated good, as was the council's adoption service": the grade carries over
        extra = ctx.as_was_judgements(g.end, next_start, claimed)
        # "overall" right after a grade is not a list of its own: keep looking before for the others
        if labels and labels != ["overall_effectiveness"] and not inclusive:
            return _uniq(labels + extra), None
        before = []
        lo = ctx.strong_break_before(g.start, prev_end, sent)
        if labels == ["overall_effectiveness"]:
            # "..., in 2012, X had been judged adequate overall": names in an opening clause ("at its last
            # inspection of looked-after children's services,") are what was inspected, not what was graded
            lo = max(lo, ctx.clause_of(g.start, sent)[0])
            while lo - 2 >= sent.start and doc[lo - 1].text == "," and ctx.judgement_at(lo - 2) is not None and (
                    ctx.judgement_at(lo)):
                lo = ctx.judgement_at(lo - 2)[0]  # "... for children in need of help, children looked after ..."
        found = list(ctx.judgements_in(lo, g.start))
        # "the overall effectiveness of services for looked-after children": that service's judgement
        found = [f for n, f in enumerate(found) if not (
            f[2] == "overall_effectiveness" and n + 1 < len(found) and found[n + 1][0] - f[1] <= 5
            and found[n + 1][2] != "overall_effectiveness"
            and any(doc[t].norm_ == "of" for t in range(f[0], found[n + 1][0])))]
        for k in range(len(found) - 1, 0, -1):
            if any(doc[t].like_num for t in range(found[k - 1][1], found[k][0])):
                found = found[k:]
                break
        for js, _je, label in found:
            if js not in claimed:
                before.append(label)
                claimed.add(js)
        if inclusive:
            return _uniq((before or ["overall_effectiveness"]) + labels + extra), None
        pron = next((i for i in range(g.start - 1, max(lo, g.start - 8) - 1, -1)
                     if doc[i].norm_ in self.words["anaphor_subjects"]), None)
        if not labels and not before and pron is not None and self._subject_of_next(
                doc, pron + 1, g.start - (1 if g.quoted else 0)):
            # "children in care were judged good in A, while in B they required improvement": the pronoun is
            # the areas the sentence's grade before was for
            before = [x for x in prev_labels if x != "overall_effectiveness"]
        if not labels and not before and prev_labels and 0 < g.start - prev_end <= 4 and self._is_from(doc, g, sent):
            # "care leavers was judged good, up from requires improvement": the grade moved from is for the same areas
            before = list(prev_labels)
        if not labels and not before and prev_labels and 0 < g.start - prev_end <= 2 and doc[prev_end].norm_ == "to":
            # "the judgement for help and protection fell from good to requires improvement": the same areas
            before = list(prev_labels)
        labels = _uniq(labels + before)
        if not labels and not extra:
            # "The final SIF adoption grades for our five councils were:" then "• Leeds – outstanding (2015)"
            area = ctx.list_area(sent)
            if area:
                labels = [area]
        return _uniq((labels or ["overall_effectiveness"]) + extra), None

    # ------------------------------------------------------------------ 3. current or previous?
    def _both(self, doc, g: Grade, cs: int, ce: int, ctx) -> bool:
        """A 'maintained' / 'remains' cue for this grade: not one that belongs to another verb of the clause
        ("the help children received remained strong and judged it good"), or one opening the clause right
        after it ("requires improvement, unchanged from 2019")."""
        strong = self.words["strong_before"]
        nxt = ce + 2 if ce + 2 < len(doc) and doc[ce + 1].norm_ == "the" else ce + 1  # ", the same grade as ..."
        if nxt < len(doc) and doc[ce].text in (",", "-", "–", "—") and ctx.cue_starts_at("both", nxt) and (
                ctx.grade_starts.get(nxt + 1) is None) and not self._state_verb(doc, nxt, nxt + 1):
            return True
        for s, e in ctx.cues["both"][bisect.bisect_left(ctx.cue_starts["both"], cs):]:
            if s >= ce:
                break
            if doc[e - 1].norm_ == "again" and e < len(doc) and ctx.earlier_year(
                    ctx.year_in(e, min(ce, e + 4)), e, min(ce, e + 4)):
                continue  # "inadequate in 2018 and again in 2021": a repeat in the past, not the grade kept now
            if doc[e - 1].norm_ == "again":
                ss = ctx.sentence_of(g.start).start
                if ctx.has_cue("previous", ss, cs) or ctx.earlier_year(ctx.year_in(ss, cs), ss, cs):
                    continue  # "At the previous inspection, in 2021, services were again judged inadequate"
            if e > g.start:
                # "rated outstanding since 2018 and retained that grade"; not a verb of a quoted or subordinate
                # clause further on ("judged inadequate, inspectors warning that 'too many children remain ...'")
                # nor one for a state that is not a grade ("judged inadequate in 2018, remain under a commissioner")
                if s < g.end or s - g.end <= 12 and not any(
                        doc[i].text in QUOTES or doc[i].norm_ in self.words["subordinators"] for i in range(g.end, s)) \
                        and not self._state_verb(doc, s, e):
                    return True
                continue
            if doc[s].norm_ == "still" and all(doc[i].norm_ in self.words["still_fillers"] for i in range(e, g.start)) \
                    and (e < g.start or g.grade == "requires_improvement"):
                continue  # "still require improvement", "still only good": the work still needed, not a grade kept
            if doc[s].norm_ == "still" and s > 0 and doc[s - 1].norm_ in ("was", "were"):
                sent = ctx.sentence_of(g.start)
                if ctx.earlier_year(ctx.year_in(sent.start, sent.end), sent.start, sent.end):
                    continue  # "When I joined in 2023, the service was still under an inadequate judgement"
            gap = [doc[i].norm_ for i in range(e, g.start)]
            if "and" in gap and any(w in strong for w in gap[gap.index("and") + 1:]):
                continue
            return True
        return False

    def _state_verb(self, doc, s: int, e: int) -> bool:
        """'remain under the control of a commissioner', 'remains in intervention': a stay verb that keeps a
        state, not a grade."""
        return e < len(doc) and doc[e - 1].norm_ in self.words["stay_verbs"] and (
            doc[e].norm_ in self.words["state_prepositions"])

    def _previous_just_before(self, doc, g: Grade, sent, ctx) -> bool:
        """'after years of good', 'lifts its inadequate rating', 'out of the inadequate category'."""
        i = g.start - (1 if g.quoted else 0)
        if ctx.cue_ends_at("previous_just_before", i):
            return True
        while i > sent.start and doc[i - 1].norm_ in DETERMINERS:
            i -= 1
            if ctx.cue_ends_at("previous_just_before", i):
                return True
        return False

    def _perfect_after_inspection(self, doc, g: Grade, cs: int, ce: int) -> int | None:
        """'have been judged outstanding following a full inspection late last year': a present-perfect grade
        from the inspection that follows it, whose 'last year' dates that inspection, not an earlier grade. The
        token where that phrase starts, else None."""
        w = self.words
        if not any(doc[i].norm_ in ("has", "have") and doc[i + 1].norm_ == "been" for i in range(cs, g.start - 1)):
            return None
        for i in range(g.end, min(ce, g.end + 6)):
            if doc[i].norm_ in w["inspection_lead_ins"]:
                noun = next((k for k in range(i + 1, min(ce, i + 5)) if doc[k].norm_ in w["inspection_nouns"]), None)
                if noun is not None and not any(
                        doc[k].norm_ in w["earlier_words"] for k in range(i + 1, noun)):
                    return i
                return None
        return None

    def _now_before(self, doc, g: Grade, sent, cs: int, ctx) -> bool:
        """'now' (or 'newly', 'today') in the few words before the grade, with no past cue between; or 'this
        year' / 'now' right after it ('from performing poorly in 2009 to performing adequately this year')."""
        after = g.end + (1 if g.quoted else 0)
        if ctx.has_cue("current_just_after", after, after + 1):
            return True
        lo = max(cs, g.start - 5)
        starts = ctx.cue_starts["current_just_before"]
        k = bisect.bisect_left(starts, lo)
        if not (k < len(starts) and starts[k] < g.start):
            return False
        s = max(x for x in starts[k:bisect.bisect_left(starts, g.start)])
        return not ctx.has_cue("previous", s, g.start) and ctx.year_in(s, g.start) is None

    def _reported(self, doc, sent, cs: int, ce: int, ctx) -> bool:
        """'The director reported that the service had been judged good': a pluperfect backshifted by a
        reporting verb, not an earlier inspection."""
        starts = ctx.cue_starts["pluperfect"]
        k = bisect.bisect_left(starts, cs)
        end = starts[k] if k < len(starts) and starts[k] < ce else ce
        return any(doc[i].norm_ in self.words["reporting_verbs"] for i in range(sent.start, end))

    def _timing(self, doc, g: Grade, sent, accepted, ctx) -> list[tuple[str, int | None]]:
        if g.kind == "table":
            column = ctx.column_of(g, sent)
            if column is not None and "year" in column:
                # "Judgement  2019  2024" above the rows: the latest column is the current inspection
                year = column["year"]
                return [("previous" if year < max(column["years"]) else "current", year)]
            if column is not None and "timing" in column:
                # 'Inadequate (2018)': the cell's own year
                own = ctx.year_in(g.end, min(g.end + 3, sent.end)) if doc[g.end:g.end + 1].text == "(" else None
                return [(column["timing"], own or (ctx.doc_year if column["timing"] == "current" else None))]
            if column is not None:
                # a row of a table with a column per judgement: the row's year dates it
                year = ctx.year_in(sent.start, sent.end)
                if year is not None:
                    return [("previous" if ctx.earlier_year(year, sent.start, sent.end) else "current", year)]
        cs, ce = ctx.clause_of(g.start, sent)
        doc_year = ctx.doc_year
        # "judged inadequate in 2019 and requires improvement in 2021": a year right after the grade (before the
        # next grade) is its own; else the first year of the clause ("In 2019 it was judged good")
        nxt = min((a.start for a in accepted if a.start >= g.end), default=ce)
        year = ctx.year_in(g.end, min(ce, nxt), own_clause=True) if g.end < min(ce, nxt) else None
        if year is None and ce < len(doc) and ce == g.end and doc[ce].text == "(":
            year = ctx.year_in(ce, min(len(doc), ce + 4))  # "• Leeds – outstanding (2015)"
        if year is None:
            year = ctx.year_in(cs, ce, own_clause=True)
        has_rel, rel = ctx.relative_year(cs, ce, g.start)
        ce_prev = self._perfect_after_inspection(doc, g, cs, ce) or ce
        if ce_prev < ce:
            has_rel, rel = ctx.relative_year(cs, ce_prev, g.start)
        if self._both(doc, g, cs, ce, ctx):
            prev_year = year if year is not None and (doc_year is None or year < doc_year) else rel
            timings = [("current", doc_year), ("previous", prev_year)]
        elif self._now_before(doc, g, sent, cs, ctx):
            timings = [("current", doc_year)]  # "moved out of the category it got in 2021 and is now rated good"
        elif self._is_from(doc, g, sent) or self._previous_just_before(doc, g, sent, ctx):
            timings = [("previous", year if year != doc_year else None)]
        elif (ctx.has_cue("previous", cs, ce_prev) or has_rel
              or (ctx.has_cue("pluperfect", cs, ce) and doc._.kind != "council_minutes"
                  and not self._reported(doc, sent, cs, ce, ctx))
              or ctx.earlier_year(year, cs, ce)):
            timings = [("previous", year if year is not None else rel)]
        else:
            timings = [("current", year if year is not None else doc_year)]
            # a grade-free opening clause: "At the last inspection, in April 2022, ... was judged good"; not across
            # "although" / "but" ("... - the same grade it was given in 2015 - although X was judged good")
            after_conjunction = ctx.cue_starts_at("clause_words", cs) or cs > sent.start and ctx.cue_starts_at(
                "clause_words", cs - 1)
            if not ctx.has_cue("current", cs, ce) and not after_conjunction:
                starts = {a.start for a in accepted}
                pos = sent.start
                pyear, found = None, False
                app = ctx.appositive(g.start, sent)
                while pos < cs:
                    a, b = ctx.clause_of(pos, sent)
                    if app is not None and app[0] - 1 <= a < app[1]:
                        pos = max(b, pos + 1)  # "Leadership, the area criticised most three years ago, was ..."
                        continue
                    # a relative clause describes the subject ("The new unitary authority, which took over in April
                    # 2023, was found ..."): its dates are not the grade's
                    first = a + 1 if a + 1 < b and doc[a].is_punct else a
                    relative_time = doc[cs].norm_ == "when" or doc[cs].norm_ in ("at", "in", "during") and (
                        doc[cs + 1].norm_ == "which")
                    if b >= cs - 1 and relative_time and (ctx.has_cue("previous", a, b) or ctx.earlier_year(
                            ctx.year_in(a, b), a, b)):
                        # "... at its last full inspection in July 2022, when inspectors rated X good", "the ILACS
                        # inspection in April 2023, at which Torbay's services were judged inadequate"
                        found = True
                        pyear = pyear or ctx.year_in(a, b)
                    elif not any(a <= s < b for s in starts) and doc[first].norm_ not in RELATIVE_PRONOUNS:
                        # "where services have been run since 2014 by ..." dates something else; but "since 2018,
                        # when they were rated ..." dates the grade
                        cy = ctx.year_in(a, b, own_clause=doc[cs].norm_ != "when")
                        if ctx.has_cue("previous", a, b) or ctx.earlier_year(cy, a, b):
                            found = True
                        pyear = pyear or ctx.year_in(a, b) or ctx.relative_year(a, b)[1]
                    pos = max(b, pos + 1)
                if not found and year is None and sent.start > 0 and ctx.has_cue("inspection_anaphora", sent.start, cs):
                    # "At its previous full inspection, in 2021, ... At that inspection, X was judged good."
                    prev = ctx.sentence_of(sent.start - 1)
                    pyear = ctx.year_in(prev.start, prev.end)
                    found = ctx.has_cue("previous", prev.start, prev.end) or ctx.earlier_year(pyear, prev.start,
                                                                                              prev.end)
                if not found and year is None:
                    # "The last inspection of ... was in November 2012. The local authority was judged to be good.",
                    # or a "Previous Ofsted inspections" section of a report
                    found, pyear = ctx.previous_context(sent)
                if not found and year is None and not has_rel:
                    # "In the inspection of July 2022, Ofsted judged our services inadequate. The impact of leaders
                    # ... were each judged inadequate.": the paragraph goes on about the dated earlier inspection
                    found, pyear = ctx.continued_previous(sent)
                if found:
                    timings = [("previous", year or pyear)]
        if ctx.visit_document:
            timings = [("previous", y if t == "previous" else None) for t, y in timings if t == "previous"] or [
                ("previous", year)]
        return timings


def _longest(spans: list[tuple]) -> list[tuple]:
    """Non-overlapping (start, end, label) spans, longest first (as spacy.util.filter_spans), in text order."""
    taken: set[int] = set()
    out = []
    for sp in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if not any(i in taken for i in range(sp[0], sp[1])):
            out.append(sp)
            taken.update(range(sp[0], sp[1]))
    return sorted(out)


def _timed(cols: list[dict], required: bool) -> list[dict] | None:
    """Judgement header columns with their 'earlier' flags turned into timings when both kinds are there
    ('Previous overall effectiveness | Overall effectiveness'); without both, the columns as they are, or None
    when a timing was required."""
    both = len({c["earlier"] for c in cols}) == 2
    for c in cols:
        earlier = c.pop("earlier")
        if both:
            c["timing"] = "previous" if earlier else "current"
    return cols if both or not required else None


def _uniq(items: list) -> list:
    seen = []
    for x in items:
        if x not in seen:
            seen.append(x)
    return seen


class _DocContext:
    """Per-document lookups: judgement spans, cues, clauses, years, authority mentions."""

    def __init__(self, doc: Doc, judgements, cues, ext: RatingsExtractor):
        self.doc = doc
        self.ext = ext
        self.judgements = judgements
        self.j_starts = [j[0] for j in judgements]
        self.j_at: dict[int, tuple] = {}
        for j in judgements:
            for i in range(j[0], j[1]):
                self.j_at[i] = j
        self.cues = cues
        self.cue_starts = {k: [c[0] for c in v] for k, v in cues.items()}
        self.grade_ends: dict[int, Grade] = {}
        self.grade_starts: dict[int, Grade] = {}
        self.text = doc_text(doc)
        # Whole-document attribute arrays: scanning them with numpy is far cheaper than Token objects.
        arrays = token_arrays(doc)
        self.norm_arr, self.orth_arr, self.ws_arr = arrays.norm, arrays.orth, arrays.spacy.astype(bool)
        self._norms: list[str] | None = None
        self.sent_starts = sentence_starts(doc)
        self._break_mask = None
        self.paras = doc_paragraphs(doc)
        self.para_starts = [b[0] for b in self.paras]
        # (paragraph index, councils) of the last grade placed: see authorities_for
        self.carried: tuple[int, list[tuple[str, str]]] = (-1, [])
        # (sentence start, timings of all its grades) of the last sentence with grades: see continued_previous
        self.last_timing: tuple[int, list[tuple[str, int | None]]] = (-1, [])
        self._para_spans: dict[int, Span | None] = {}
        self._clauses: dict[int, list[int]] = {}
        self._header_columns: dict[int, list[dict] | None] = {}
        # years from the dates component
        dm = sorted(doc._.date_mentions or [], key=lambda d: d["start"])
        self.date_starts = [d["start"] for d in dm]
        self.dates = dm
        # no publication date: the latest fully dated day in the text stands in ("published on 23 July 2015")
        days = [d["value"] for d in dm if isinstance(d.get("value"), str) and len(d["value"]) == 10]
        # ... or, with no full date at all, the latest month named ("visits in March and April 2021")
        days = days or [d["value"] for d in dm if isinstance(d.get("value"), str) and len(d["value"]) == 7]
        self.doc_year = _year(doc._.published) or (max(_year(v) or 0 for v in days) or None if days else None)
        pub = doc._.published
        self.doc_month = int(pub[5:7]) if isinstance(pub, str) and len(pub) >= 7 and pub[5:7].isdigit() else None
        # authorities
        ms = sorted(doc._.authority_mentions or [], key=lambda m: m["start"])
        self.mentions = ms
        self.m_starts = [m["start"] for m in ms]
        self._holders: dict[int, bool] = {}
        self._mention_spans: dict[int, Span | None] = {}
        auths = doc._.authorities or []
        primary = [a for a in auths if a.get("is_primary")]
        if primary:
            self.primary = [(primary[0]["authority_code"], primary[0]["authority_name"])]
        elif len(auths) == 1:
            self.primary = [(auths[0]["authority_code"], auths[0]["authority_name"])]
        else:
            self.primary = []
        self.lead: list[tuple[str, str]] = []
        self.list_only: dict[int, tuple] = {}
        self.annual = False
        self.annual_n = 0
        self.doc_context = bool(cues["rating_context"])
        self._sents: dict[int, Span] = {}
        self.visit_document = self._is_visit_document()

    @property
    def norms(self) -> list[str]:
        """Every token's NORM string, built once: word tests over a window read this list instead of making a
        Token object per position."""
        if self._norms is None:
            strings = self.doc.vocab.strings
            self._norms = [strings[h] for h in self.norm_arr.tolist()]
        return self._norms

    def sentence_of(self, i: int) -> Span:
        """The sentence holding token i, from the sentence starts (cheaper than doc.sents when only the few
        sentences with a grade are needed)."""
        starts = self.sent_starts
        k = bisect.bisect_right(starts, i) - 1
        a = starts[k] if k >= 0 else 0
        if a in self._sents:
            return self._sents[a]
        b = starts[k + 1] if k + 1 < len(starts) else len(self.doc)
        self._sents[a] = span = self.doc[a:b]
        return span

    def sentence_at_char(self, char: int) -> Span:
        tok = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return self.sentence_of(tok.start if tok is not None else 0)

    def _is_visit_document(self) -> bool:
        if self.doc._.kind not in (None, "ofsted_letter"):
            return False
        first = self.cues["visit_document"]
        return any(s < 600 for s, _ in first)

    def resolve_grade(self, grade: str, year: int | None = None) -> str:
        """'highest' / 'lowest' on the scale of the text's framework: the annual ratings' when the text uses them,
        unless the grade's own year is after they ended (2010)."""
        annual = self.annual and (year is None or year <= self.ext.annual_last_year)
        if grade == "highest":
            return "excellent" if annual else "outstanding"
        if grade == "lowest":
            return "performs_poorly" if annual else "inadequate"
        return grade

    # token-level lookups
    def judgement_at(self, i: int):
        return self.j_at.get(i)

    def judgement_starting(self, i: int):
        j = self.j_at.get(i)
        return j if j is not None and j[0] == i else None

    def listed_name_starting(self, i: int):
        """A judgement name, or a name only read in a list after a grade, starting at token i."""
        return self.judgement_starting(i) or self.list_only.get(i)

    def judgement_before(self, i: int, lo: int):
        k = bisect.bisect_left(self.j_starts, i) - 1
        if k >= 0 and self.judgements[k][0] >= lo:
            return self.judgements[k]
        return None

    def judgements_in(self, lo: int, hi: int):
        k = bisect.bisect_left(self.j_starts, lo)
        while k < len(self.judgements) and self.judgements[k][0] < hi:
            if self.judgements[k][1] <= hi:
                yield self.judgements[k]
            k += 1

    def as_was_judgements(self, lo: int, hi: int, claimed: set) -> list[str]:
        """Judgement names right after ', as was' / ', as had' between a grade and the next one."""
        out = []
        for s, e in self.cues["as_was"]:
            if lo <= s < hi and s - lo <= 12:
                k = e
                while k < hi and k - e <= 5 and k not in self.j_at:
                    k += 1
                j = self.judgement_starting(k) if k < hi else None
                while j is not None and j[1] <= hi:
                    out.append(j[2])
                    claimed.add(j[0])
                    k = j[1]
                    while k < hi and self.doc[k].norm_ in GAP_FILLER and k not in self.j_at:
                        k += 1
                    j = self.judgement_starting(k) if k < hi else None
                break
        return out

    def grade_ending_at(self, i: int):
        return self.grade_ends.get(i)

    def has_cue(self, name: str, lo: int, hi: int) -> bool:
        starts = self.cue_starts[name]
        k = bisect.bisect_left(starts, lo)
        return k < len(starts) and starts[k] < hi

    def cue_starts_at(self, name: str, i: int) -> bool:
        starts = self.cue_starts[name]
        k = bisect.bisect_left(starts, i)
        return k < len(starts) and starts[k] == i

    def cue_end_at(self, name: str, i: int) -> int | None:
        """End of the longest cue phrase starting at token i (or None)."""
        starts = self.cue_starts[name]
        k = bisect.bisect_left(starts, i)
        ends = [e for _, e in self.cues[name][k:bisect.bisect_right(starts, i)]]
        return max(ends) if ends else None

    def mention_span(self, k: int) -> Span | None:
        """The tokens of authority mention k (mentions are character offsets), found once per mention."""
        if k not in self._mention_spans:
            m = self.mentions[k]
            self._mention_spans[k] = self.doc.char_span(m["start"], m["end"], alignment_mode="expand")
        return self._mention_spans[k]

    def mention_starting_at(self, i: int) -> int | None:
        """The token after the authority mention that starts at token i (or None)."""
        start = self.doc[i].idx
        k = bisect.bisect_left(self.m_starts, start)
        if k >= len(self.m_starts) or self.m_starts[k] != start:
            return None
        span = self.mention_span(k)
        return span.end if span is not None else None

    def cue_ends_at(self, name: str, i: int) -> bool:
        """A cue phrase that ends right before token i."""
        starts = self.cue_starts[name]
        k = bisect.bisect_left(starts, i - 5)
        return any(e == i for _, e in self.cues[name][k:bisect.bisect_left(starts, i)])

    def mention_ending_at(self, i: int) -> int | None:
        """Start token of the authority mention whose last token is i (or None)."""
        end = self.doc[i].idx + len(self.doc[i])
        k = bisect.bisect_right(self.m_starts, end) - 1
        while k >= 0 and self.mentions[k]["end"] >= end - 3:
            if self.mentions[k]["end"] == end:
                span = self.mention_span(k)
                return span.start if span is not None else None
            k -= 1
        return None

    def has_mention(self, lo_tok: int, hi_tok: int) -> bool:
        lo, hi = self.doc[lo_tok].idx, self.doc[hi_tok].idx if hi_tok < len(self.doc) else len(self.text)
        k = bisect.bisect_left(self.m_starts, lo)
        return k < len(self.m_starts) and self.m_starts[k] < hi

    def is_paragraph(self, sent: Span) -> bool:
        """The sentence is a whole paragraph (a headline, heading or one-line statement)."""
        k = self.para_index(sent.start_char)
        a, b = self.paras[k] if k >= 0 else (0, len(self.text))
        return sent.start_char <= a and sent.end_char >= b - 1

    def paragraph_context_before(self, sent: Span) -> bool:
        k = self.para_index(sent.start_char)
        a = self.paras[k][0] if k >= 0 else 0
        tok = self.doc.char_span(a, a + 1, alignment_mode="expand")
        return tok is not None and self.has_cue("rating_context", tok.start, sent.start)

    def is_heading(self, sent: Span) -> bool:
        """A short paragraph without closing punctuation: a sub-heading that starts a new section."""
        text = self.text[sent.start_char:sent.end_char].strip()
        return self.is_paragraph(sent) and len(sent) <= 15 and not text.endswith((".", "!", "?"))

    def previous_context(self, sent: Span) -> tuple[bool, int | None]:
        """(True, year) when, in a report, the sentence before in the paragraph dates an earlier inspection ('The last
        inspection ... was in November 2012.'), or the section heading above names previous inspections."""
        k = self.para_index(sent.start_char)
        para_start = self.paras[k][0] if k >= 0 else 0
        if self.doc._.kind in STEADY_KINDS and sent.start > 0 and self.doc[sent.start - 1].idx >= para_start:
            # (only in a report's plain statements: news moves between past and present from sentence to sentence)
            prev = self.sentence_of(sent.start - 1)
            y = self.year_in(prev.start, prev.end)
            # outside reports, only a sentence about the earlier inspection from its start ("Our last judgement,
            # in 2022, was ..."; not "judged good overall, up from requires improvement at the previous
            # inspection in 2021", where the earlier inspection comes after the new grade)
            starts = self.cue_starts["previous"]
            cue = next((c for c in starts[bisect.bisect_left(starts, prev.start):] if c < prev.end), None)
            first_grade = min((e for e in self.grade_ends if prev.start <= e < prev.end), default=None)
            plain = self.doc._.kind == "ofsted_report" or first_grade is None or (cue is not None and cue < first_grade)
            if plain and self.has_cue("previous", prev.start, prev.end) and self.earlier_year(y, prev.start, prev.end):
                return True, y
        for back in range(k - 1, max(-1, k - 6), -1):
            a, b = self.paras[back]
            text = self.text[a:b].strip()
            if len(text.split()) > 8 or text.endswith((".", "!", "?")):
                continue  # prose: keep looking for the heading of this section
            span = self.paragraph_span(back)
            return (span is not None and self.has_cue("previous_sections", span.start, span.end)), None
        return False, None

    def para_index(self, char: int) -> int:
        """Index of the paragraph holding character offset `char` (-1 before the first)."""
        return bisect.bisect_right(self.para_starts, char) - 1

    def continued_previous(self, sent: Span) -> tuple[bool, int | None]:
        """(True, year) when the sentence before, in the same paragraph, opened with the time of an earlier
        inspection and gave all its grades as that inspection's, and this sentence says nothing of its own about
        time ('now', 'this time', a year)."""
        start, timings = self.last_timing
        if start < 0 or start >= sent.start or not timings or any(t != "previous" for t, _ in timings):
            return False, None
        year = timings[0][1]
        before = self.sentence_of(sent.start - 1) if sent.start > 0 else None
        if year is None or before is None or before.start != start or self.has_cue("current", sent.start, sent.end) \
                or self.year_in(sent.start, sent.end) is not None:
            return False, None
        # only after a sentence framed by its time ('In the inspection of July 2022, ...'), not after a grade
        # given as history in passing ('The council was first rated good in 2019, and inspectors ... said')
        a, b = self.clause_of(before.start, before)
        if a + 1 < b and self.doc[a].like_num:
            a += 1  # a numbered paragraph: '2.1 In the inspection of July 2022, ...'
        if self.norms[a] not in self.ext.words["framing_openers"] or self.year_in(a, b) != year or any(
                a <= e < b for e in self.grade_ends):
            return False, None
        k = self.para_index(sent.start_char)
        return (k >= 0 and self.doc[start].idx >= self.paras[k][0]), year

    def column_of(self, g: Grade, sent: Span) -> dict | None:
        """What the header row above a table row says about the grade's column: {"year": 2019} or {"timing":
        "previous"} ('Council  Previous grade  New grade') or {"judgement": "leadership"} ('Year | Overall
        effectiveness | Leadership'), plus "years" (all column years) for year headers. None when the row is
        not under such a header. Columns count from the right, so an empty first cell ('n/a') does not shift
        them."""
        cols = self.header_columns(self.para_index(sent.start_char))
        if not cols:
            return None
        after = sum(1 for s in self.grade_starts if g.end <= s < sent.end)
        col = len(cols) - 1 - after
        return cols[col] if col >= 0 else None

    def header_columns(self, k: int) -> list[dict] | None:
        """The value columns of the nearest header row above paragraph k (see column_of), looking back over the
        table's rows but not past prose."""
        if k in self._header_columns:
            return self._header_columns[k]
        found = None
        for back in range(k - 1, max(-1, k - 14), -1):
            a, b = self.paras[back]
            text = self.text[a:b].strip()
            words = [w for w in text.split() if w[:1].isalnum()]
            if len(words) > 30 or text.endswith((".", ":")):
                break  # prose: no table header above
            span = self.paragraph_span(back)
            if span is None or any(span.start <= e < span.end for e in self.grade_ends):
                continue  # another row of the table
            found = self._header_cells(text, span)
            if found:
                break
        self._header_columns[k] = found
        return found

    def _header_cells(self, text: str, span: Span) -> list[dict] | None:
        m = HEADER_YEARS.fullmatch(" ".join(text.replace("|", " ").split()))  # 'Judgement | 2021 | 2025' too
        if m:
            years = [int(y) for y in re.findall(r"\d{4}", m.group(1))]
            return [{"year": y, "years": years} for y in years]
        w = self.ext.words
        earlier = w["earlier_words"]
        norms = self.norms
        if "|" in text:
            # 'Year | Framework | Overall effectiveness | Help and protection | ...': a column per judgement
            cols, start = [], span.start_char
            for cell in text.split("|"):
                lo = self.text.find(cell.strip(), start) if cell.strip() else -1
                start = lo + len(cell.strip()) if lo >= 0 else start
                ts = self.doc.char_span(lo, lo + len(cell.strip()), alignment_mode="expand") if lo >= 0 else None
                labels = [j[2] for j in self.judgements_in(ts.start, ts.end)] if ts is not None else []
                if labels:
                    cols.append({"judgement": "+".join(_uniq(labels)),
                                 "earlier": any(norms[i] in earlier for i in range(ts.start, ts.end))})
            if len(cols) >= 2:
                return _timed(cols, required=False)
        cols = [{"timing": "previous"} if t.norm_ in earlier else {"timing": "current"}
                for t in span if t.norm_ in earlier or t.norm_ in w["later_words"]]
        if len(cols) >= 2 and len({c["timing"] for c in cols}) == 2:
            return cols  # 'Council  Previous grade  New grade'
        # 'Local authority Previous overall effectiveness (year) Overall effectiveness' (cells run together): a
        # judgement with an earlier-word beside it names the previous inspection's column
        names = list(self.judgements_in(span.start, span.end))
        if len(names) >= 2:
            cols = []
            for n, (s, e, label) in enumerate(names):
                lo = max(span.start, s - 2, names[n - 1][1] if n else span.start)
                hi = min(e + 2, names[n + 1][0] if n + 1 < len(names) else span.end)
                near = [norms[i] for i in range(lo, s)] + [norms[i] for i in range(e, hi)]
                cols.append({"judgement": label, "earlier": any(t in earlier for t in near)})
            return _timed(cols, required=True)
        return None

    def list_area(self, sent: Span) -> str | None:
        """For a bulleted item, the one judgement area the paragraph introducing the list names in its last
        sentence ('The final SIF adoption grades for our five councils were:'), else None."""
        k = self.para_index(sent.start_char)
        if k < 0 or not self.text[self.paras[k][0]:self.paras[k][1]].startswith(BULLETS):
            return None
        for back in range(k - 1, max(-1, k - 30), -1):
            a, b = self.paras[back]
            text = self.text[a:b].rstrip()
            if text.startswith(BULLETS):
                continue
            if not text.endswith(":"):
                return None
            last = self.sentence_at_char(b - 1)
            areas = {j[2].split("+")[0] for j in self.judgements_in(last.start, last.end)} - {
                "overall_effectiveness", "other"}
            return areas.pop() if len(areas) == 1 else None
        return None

    def section_area(self, sent: Span) -> str | None:
        """The judgement area named by the heading above a run of table rows ("Services for looked after
        children"), or None when the heading names none (or prose comes first)."""
        k = self.para_index(sent.start_char)
        for back in range(k - 1, max(-1, k - 9), -1):
            a, b = self.paras[back]
            span = self.paragraph_span(back)
            if span is None:
                return None
            if any(span.start <= e < span.end for e in self.grade_ends):
                continue  # another row of the table
            text = self.text[a:b].strip()
            if len(span) > 10 or text.endswith((".", "!", "?", ":")):
                return None  # prose, or a heading line that introduces something else
            labels = [j[2] for j in self.judgements_in(span.start, span.end)]
            areas = [x for x in labels if x not in ("overall_effectiveness", "other")]
            return areas[0].split("+")[0] if len(areas) == 1 else None
        return None

    def paragraph_span(self, k: int) -> Span | None:
        """The tokens of paragraph k (-1: the whole text), found once per paragraph."""
        if k not in self._para_spans:
            a, b = self.paras[k] if k >= 0 else (0, len(self.text))
            self._para_spans[k] = self.doc.char_span(a, b, alignment_mode="expand")
        return self._para_spans[k]

    def paragraph_tokens(self, sent: Span) -> int:
        """Token count of the paragraph holding the sentence (short paragraphs are headings/headlines)."""
        span = self.paragraph_span(self.para_index(sent.start_char))
        return len(span) if span is not None else 0

    # clauses
    def _breaks(self, sent: Span) -> list[int]:
        if sent.start not in self._clauses:
            if self._break_mask is None:
                # once per document: clause punctuation, and a spaced hyphen ("good - and improving")
                orth, ws = self.orth_arr, self.ws_arr
                hit = np.zeros(len(orth), dtype=bool)
                for h in self.ext.clause_punct_hashes:  # a few vector compares beat np.isin's set-up per doc
                    hit |= orth == h
                hit[1:] |= (orth[1:] == self.ext.hyphen_hash) & ws[1:] & ws[:-1]
                self._break_mask = hit
            a = sent.start
            br = [i for i in (np.flatnonzero(self._break_mask[a:sent.end]) + a).tolist() if i not in self.j_at]
            starts = self.cue_starts["clause_words"]
            for k in range(bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)):
                br.append(starts[k])
            self._clauses[sent.start] = sorted(br)
        return self._clauses[sent.start]

    def clause_of(self, i: int, sent: Span) -> tuple[int, int]:
        br = self._breaks(sent)
        k = bisect.bisect_right(br, i)
        lo = br[k - 1] + 1 if k > 0 else sent.start
        if k > 0 and br[k - 1] == i:
            lo = i
        hi = br[k] if k < len(br) else sent.end
        return lo, hi

    def relative_clause_start(self, i: int, sent: Span, openers: frozenset[str], lo_char: int = 0) -> int | None:
        """Start of the relative clause ('which ...', 'where ...') that token i is in, stepping back over the commas
        inside it but not before character lo_char; None when token i is in no such clause."""
        doc = self.doc
        a = self.clause_of(i, sent)[0]
        while a - 2 >= sent.start and doc[a - 1].text == "," and doc[a].norm_ not in openers and (
                doc[a - 2].idx >= lo_char):
            a = self.clause_of(a - 2, sent)[0]
        return a if doc[a].norm_ in openers else None

    def appositive(self, i: int, sent: Span) -> tuple[int, int] | None:
        """Tokens [a, b) of a comma-enclosed description between a short subject naming a council or a judgement
        and the predicate holding token i ('Bedford Borough Council, in its second year as a unitary following the
        abolition of Bedfordshire County Council in April 2009, was rated ...'): its councils and dates describe
        the subject, not the grade. None when there is none, or when it places the inspection ('Leeds, at its
        last inspection in 2019, was rated good')."""
        doc, w = self.doc, self.ext.words
        cs = self.clause_of(i, sent)[0]
        c = cs - 1
        closer = doc[c].text  # a comma, or a dash: 'Hampshire – whose managers ... in 2013 – was judged'
        if c <= sent.start or closer not in APPOSITIVE_MARKS or doc[cs].norm_ not in w["predicate_openers"] or (
                doc[cs + 1].norm_ == "of"):  # "..., both of which are rated inadequate": a relative clause
            return None
        lo = sent.start
        for c0 in (t for t in range(sent.start, c) if doc[t].text in APPOSITIVE_MARKS):
            if doc[c0].text != closer:
                lo = c0 + 1  # a comma before a dash-enclosed description ends an earlier clause
                continue
            if c0 - lo <= 10 and doc[lo].norm_ not in RELATIVE_OPENERS and (
                    self.has_mention(lo, c0) or any(True for _ in self.judgements_in(lo, c0))):
                if any(doc[t].norm_ in w["predicate_openers"] or t in self.grade_ends for t in range(lo, c0)):
                    return None  # the subject part has its own verb or grade: not a bare subject
                if any(doc[t].norm_ in w["inspection_nouns"] or doc[t].norm_ == "inspected" for t in range(c0, c)):
                    return None
                return c0 + 1, c
            lo = c0 + 1
        return None

    def strong_break_before(self, i: int, prev_end: int, sent: Span) -> int:
        """Start of the stretch whose judgement names may take the grade at i: after the previous grade
        and after the last ';' / 'but' / 'while' / ', and' before it."""
        doc = self.doc
        lo = prev_end
        for b in self._breaks(sent):
            if lo <= b < i:
                tok = doc[b]
                if tok.text in (";", ":") or tok.text not in CLAUSE_PUNCT and tok.text != "-":
                    lo = b + 1
                elif tok.text == "," and b + 2 < i and doc[b + 1].norm_ in ("and", "but", "while", "so") and (
                        doc[b + 2].norm_ not in ("for", "of", "in", "to", "on") and b + 2 not in self.j_at
                        and not self._list_goes_on(b + 2, i)):
                    lo = b + 1
        return lo

    def _list_goes_on(self, k: int, hi: int) -> bool:
        """Filler words ("the experiences and progress of") lead from k to a judgement name before hi."""
        doc = self.doc
        k0 = k
        while k < hi and k - k0 < 6 and doc[k].norm_ in GAP_FILLER and k not in self.j_at:
            k += 1
        return k < hi and k in self.j_at

    # years
    def earlier_year(self, year: int | None, lo_tok: int, hi_tok: int) -> bool:
        """The year is before the document's, and not just a month-dated inspection in the months before
        publication ("an inspection in December", published in February: the current one)."""
        if year is None or self.doc_year is None or year >= self.doc_year:
            return False
        value = self.date_value_in(lo_tok, hi_tok)
        if self.doc_month and value and len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
            months = self.doc_year * 12 + self.doc_month - (int(value[:4]) * 12 + int(value[5:7]))
            return months > 11 or months < 0
        return True

    def date_value_in(self, lo_tok: int, hi_tok: int) -> str | None:
        doc = self.doc
        lo = doc[lo_tok].idx
        hi = doc[hi_tok].idx if hi_tok < len(doc) else len(self.text)
        k = bisect.bisect_left(self.date_starts, lo)
        if k < len(self.dates) and self.dates[k]["start"] < hi:
            return self.dates[k].get("value")
        return None

    def year_in(self, lo_tok: int, hi_tok: int, own_clause: bool = False) -> int | None:
        doc = self.doc
        lo = doc[lo_tok].idx
        hi = doc[hi_tok].idx if hi_tok < len(doc) else len(self.text)
        k = bisect.bisect_left(self.date_starts, lo)
        while k < len(self.dates) and self.dates[k]["start"] < hi:
            y = _year(self.dates[k].get("value"))
            # "since it was set up in April 2018" dates another event, not the rating
            before = self.text[max(lo, self.dates[k]["start"] - 30):self.dates[k]["start"]].lower()
            if y is not None and (not own_clause or "since" not in before):
                return y
            k += 1
        return None

    def relative_year(self, lo: int, hi: int, grade_at: int | None = None) -> tuple[bool, int | None]:
        """'two years ago', 'last year': (found, the year relative to the document's year when known). 'Three
        years after' dates what follows it from an earlier event: it makes a grade after it previous ('three
        years after being rated inadequate'), not the grade it follows ('rated good three years after ...')."""
        doc = self.doc
        for i in range(lo, hi):
            t = doc[i].norm_
            if t in ("year", "years") and i + 1 < hi and doc[i + 1].norm_ in self.ext.year_after and i > lo and not (
                    grade_at is not None and i > grade_at and doc[i + 1].norm_ in self.ext.year_forward):
                n = self.ext.year_words.get(doc[i - 1].norm_)
                if n is not None:
                    return True, (self.doc_year - n if self.doc_year else None)
            if t == "last" and i + 1 < hi and doc[i + 1].norm_ == "year":
                return True, (self.doc_year - 1 if self.doc_year else None)
        return False, None

    # authorities
    def _group(self, k: int) -> list[int]:
        """Indices of the mentions coordinated with mention k ("Nottingham and Plymouth councils")."""
        text = self.text
        ms = self.mentions
        lo = hi = k
        while lo > 0 and _coordinated(text[ms[lo - 1]["end"]:ms[lo]["start"]]):
            lo -= 1
        while hi + 1 < len(ms) and _coordinated(text[ms[hi]["end"]:ms[hi + 1]["start"]]):
            hi += 1
        return list(range(lo, hi + 1))

    def _compared(self, k: int) -> bool:
        """'like Camden', 'unlike Hull': a comparison, not the subject."""
        tok = self.mention_span(k)
        if tok is None:
            return False
        i = tok.start
        return any(e == i for _, e in self.cues["compare_before"][
            max(0, bisect.bisect_left(self.cue_starts["compare_before"], i - 4)):
            bisect.bisect_left(self.cue_starts["compare_before"], i)])

    def _pairs(self, idx: list[int]) -> list[tuple[str, str]]:
        out = []
        for k in idx:
            m = self.mentions[k]
            pair = (m["code"], m["name"])
            if pair not in out:
                out.append(pair)
        return out

    def _mentions_between(self, lo: int, hi: int) -> list[int]:
        """Mentions starting in [lo, hi) (characters) that may hold a grade: not 'like Camden', not 'the Essex
        authority' (a county naming where the text's council is)."""
        a = bisect.bisect_left(self.m_starts, lo)
        b = bisect.bisect_left(self.m_starts, hi)
        return [k for k in range(a, b) if self._holder(k)]

    def _holder(self, k: int) -> bool:
        """Mention k may hold a grade (see _mentions_between); worked out once per mention."""
        got = self._holders.get(k)
        if got is None:
            got = self._holders[k] = not self._compared(k) and not self._descriptor_place(k)
        return got

    def authorities_for(self, g: Grade, sent: Span) -> list[tuple[str, str]]:
        doc = self.doc
        gc = doc[g.start].idx
        ss, se = sent.start_char, sent.end_char
        cs, ce = self.clause_of(g.start, sent)
        # "..., while ten are performing excellently": a count as the subject of the grade's own clause
        if any(doc[i].like_num and doc[i + 1].norm_ in self.ext.words["copulas"] for i in range(cs, g.start - 1)) \
                and not self._mentions_between(doc[cs].idx, gc):
            return self._included_after(g.end, sent)
        if self.ext._is_from(doc, g, sent):
            # "down from the good rating Cumbria County Council's services received in 2022": the grade moved
            # from was another council's
            hi = min(ce, g.end + 4)
            own = self._mentions_between(doc[g.end].idx, doc[hi].idx if hi < len(doc) else len(self.text))
            if own:
                return self._pairs(self._group(own[0]))
        before = self._mentions_between(ss, gc)
        if g.kind == "table" and before and self.mentions[before[0]]["start"] == ss:
            return self._pairs(self._group(before[0]))  # a table row is the council in its first cell
        app = self.appositive(g.start, sent) if before else None
        if app is not None:
            # "Bedford Borough Council, ... following the abolition of Bedfordshire County Council ..., was rated"
            lim = doc[app[0]].idx
            outside = [k for k in before if self.mentions[k]["start"] < lim]
            # a count inside the description ("..., the two councils created in 2009, were ...") is the subject's
            before, app = (outside, app) if outside else (before, None)
        if before and app is None and self._counted_subject(before[-1], g):
            return self._included_after(g.end, sent)  # "X rated outstanding as two councils shed 'inadequate' label"
        subject = self._outside_relative(before, g, sent) if before else None
        if subject is not None:
            return self._pairs(self._group(subject))
        pk = self.para_index(ss)
        if self._distributes(sent.start, g.start) or self.has_cue("distribute_after", g.end, ce):
            group = self._previous_sentence_group(sent, pk)
            if group:
                return group
        cend = doc[ce].idx if ce < len(doc) else len(self.text)
        after = self._mentions_between(gc, min(cend, se))
        if after and self._time_clause_before(g.end, after[0]):
            after = []  # "rated good in the first inspection since the Hampshire partnership ended"
        if after:
            return self._pairs(self._group(after[0]))
        # "the following councils are rated inadequate: A, B and C": the list the colon opens
        listed = self._colon_list(g.end, sent)
        if listed:
            return listed
        # "11 councils were found to perform poorly": a count of councils, not one of them
        if any(doc[i].norm_ in self.ext.words["plural_subjects"] for i in range(cs, g.start)):
            return self._included_after(g.end, sent)
        # "On the island, ...", "the former county council's services": the latest council fitting the words
        described = self._described(sent.start, g.start)
        if described:
            return described
        # "with one London borough securing a good rating and a shire county falling into the lowest category"
        unnamed = self._indefinite_council(cs, g.start, sent)
        if unnamed:
            return unnamed
        # "Our last ILACS judgement was ...", "we were judged good": a council writing about itself
        if (self.lead or self.primary) and any(self.norms[i] in FIRST_PERSON for i in range(sent.start, g.start)):
            return list(self.lead or self.primary)
        # "Entered the inadequate category in 2024" above a bulleted list of councils: each of them
        if self.is_heading(sent):
            listed = self._bullet_councils(pk)
            if listed:
                return listed
        # an Ofsted report or letter is about one council: "the council" there is that council, not a partner
        # named a paragraph up ("a trust cluster covering Stoke-on-Trent and Staffordshire")
        if doc._.kind in SINGLE_COUNCIL_KINDS and (self.lead or self.primary):
            return list(self.lead or self.primary)
        # beyond the sentence, "the council" / "the south coast authority" is the most recent one
        if pk >= 0:
            in_para = [k for k in self._mentions_between(self.paras[pk][0], ss)
                       if not self._subordinate(k) and not self._in_organisation(k)]
            if not in_para and self.carried[0] == pk and self.carried[1]:
                # "Ofsted judged our services inadequate. The impact of leaders ... were each judged inadequate":
                # the council an earlier grade of the paragraph went to without being named there
                return list(self.carried[1])
            if in_para:
                last = in_para[-1]
                ls = self.sentence_at_char(self.mentions[last]["start"])
                if self.mentions[in_para[0]]["code"] != self.mentions[last]["code"] and self.has_cue(
                        "pluperfect", ls.start, ls.end):
                    # "Cumberland Council ... has been judged RI. Cumbria had been rated good in 2022. Leadership
                    # was rated RI": a council in a background sentence, then back to the paragraph's subject
                    return self._pairs([in_para[0]])
                return self._pairs([last])
            for back in (() if self.is_heading(sent) else (1, 2)):
                if pk - back < 0:
                    break
                a, b = self.paras[pk - back]
                prev = [k for k in self._mentions_between(a, b) if not self._place_only(k) and not self._subordinate(k)
                        and not self._in_organisation(k)]
                if prev:
                    if back == 2 and self.lead and self._pairs([prev[-1]]) != self.lead and not self._opens_sentence(
                            prev[-1]):
                        # a paragraph with no council between: the council the report is about, not a
                        # partner named in passing two paragraphs up (a council opening its sentence there is
                        # the topic the article has moved on to: "Kent, which ..., was praised ...")
                        return list(self.lead)
                    return self._pairs([prev[-1]])
        return list(self.lead or self.primary)

    def _bullet_councils(self, pk: int) -> list[tuple[str, str]]:
        """The councils that open the bulleted items right after paragraph pk ('• Thurrock - down from ...'), when
        there are at least two of them."""
        out: list[int] = []
        for a, b in self.paras[pk + 1:pk + 30]:
            text = self.text[a:b]
            if not text.startswith(BULLETS):
                break
            k = bisect.bisect_left(self.m_starts, a)
            if k < len(self.mentions) and self.mentions[k]["start"] - a <= 3:
                out.append(k)
        return self._pairs(out) if len(out) >= 2 else []

    def _descriptor_place(self, k: int) -> bool:
        """Mention k only says where a council is: 'the Essex authority', 'the south Essex unitary', 'the former
        county of Cumbria' (the, maybe a direction word, the name, then a lower-case council noun)."""
        doc = self.doc
        span = self.mention_span(k)
        if span is None or span.end >= len(doc):
            return False
        w = self.ext.words
        i = span.start - 1
        if i >= 1 and doc[i].norm_ == "of" and doc[i - 1].norm_ in w["place_of_nouns"]:
            return True  # "the former county of Cumbria"
        if i >= 0 and doc[i].norm_ in w["direction_words"]:
            i -= 1
        nxt = doc[span.end]
        return i >= 0 and doc[i].norm_ == "the" and nxt.is_lower and nxt.norm_ in w["council_nouns"]

    def _counted_subject(self, k: int, g: Grade) -> bool:
        """A count of councils ('two councils', 'three authorities') between mention k and the grade: the grade
        is theirs, not the named council's ('one of two councils' is not such a count)."""
        doc = self.doc
        tok = self.mention_span(k)
        if tok is None:
            return False
        w = self.ext.words
        for i in range(tok.end, g.start - 1):
            if (doc[i].like_num or doc[i].norm_ in self.ext.year_words) and doc[i + 1].norm_ in w["council_plurals"]:
                j = i - 2 if doc[i - 1].norm_ == "the" else i - 1
                if doc[j].norm_ not in w["partitive_before_count"]:  # "among the ten councils rated excellent"
                    return True
        return False

    def _included_after(self, lo: int, sent: Span) -> list[tuple[str, str]]:
        """'12 councils were rated outstanding, including A, B and C': the councils given as examples of a
        counted set share its grade."""
        doc = self.doc
        hi = min(sent.end, lo + 8)
        lead = next((i for i in range(lo, hi) if doc[i].norm_ in self.ext.words["example_lead_ins"]
                     and doc[i - 1].text == ","), None)
        if lead is None or lead + 1 >= sent.end:
            return []
        first = self._mentions_between(doc[lead + 1].idx, doc[min(lead + 3, sent.end - 1)].idx)
        if first and self.text[self.mentions[first[0]]["end"]:self.mentions[first[0]]["end"] + 2] in ("'s", "’s"):
            return []  # "including Kent's neighbour Surrey": the council named is not the example
        return self._pairs(self._group(first[0])) if first else []

    def _colon_list(self, lo: int, sent: Span) -> list[tuple[str, str]]:
        """The councils listed right after a colon that follows token lo in the sentence."""
        doc = self.doc
        colon = next((i for i in range(lo, min(sent.end, lo + 25)) if doc[i].text == ":"), None)
        if colon is None or colon + 1 >= sent.end:
            return []
        hi = doc[min(colon + 3, sent.end - 1)].idx
        first = self._mentions_between(doc[colon + 1].idx, hi)
        return self._pairs(self._group(first[0])) if first else []

    def set_lead(self, by_sent: dict, sents: dict) -> None:
        """The council the text reports on: named before the first accepted grade of the first body sentence
        (not the headline) that names one, e.g. "X Council's children's services have been rated good"."""
        self.lead = []
        for si in sorted(by_sent):
            sent = sents[si]
            if self.is_paragraph(sent) and self.paragraph_tokens(sent) <= 25 and sent.start_char < 400 and not (
                    self.text[sent.start_char:sent.end_char].rstrip().endswith(".")):
                continue  # the headline or a sub-heading (a short first paragraph ending in a full stop is body text)
            for g in by_sent[si]:
                if g.kind:
                    before = self._mentions_between(sent.start_char, self.doc[g.start].idx)
                    if before:
                        self.lead = self._pairs([before[-1]])
                        return
            if any(g.kind for g in by_sent[si]):
                return

    def _opens_sentence(self, k: int) -> bool:
        """Mention k (or its coordination) is the first thing in its sentence, maybe after 'In': the topic."""
        tok = self.mention_span(self._group(k)[0])
        if tok is None:
            return False
        i = tok.start
        if i > 0 and self.doc[i - 1].norm_ in ("in", "for", "at") and self.doc[i - 1].is_sent_start:
            i -= 1
        return self.doc[i].is_sent_start

    def _time_clause_before(self, lo_tok: int, k: int) -> bool:
        """A word between the grade and mention k that puts the mention in another event, comparison or clause
        ("rated inadequate again as Camden was also criticised")."""
        tok = self.mention_span(k)
        hi = tok.start if tok is not None else lo_tok
        return any(self.doc[i].norm_ in self.ext.words["after_grade_breaks"] for i in range(lo_tok, hi))

    def _subordinate(self, k: int) -> bool:
        """Mention k opens a time or reason clause ('... when Cumbria County Council was abolished'), or sits in a
        relative clause describing another council ('The Isle of Wight Council, whose services have been run with
        Hampshire County Council since 2013, ...'): a past event or a description in passing, not the council
        that a later 'it' or 'the council' means."""
        tok = self.mention_span(k)
        if tok is None:
            return False
        sent = self.sentence_of(tok.start)
        cs = self.clause_of(tok.start, sent)[0]
        if sent.start < cs < tok.start and self.doc[cs - 1].text == "," and self.norms[cs] in RELATIVE_OPENERS and (
                any(m["end"] == self.doc[cs - 1].idx for m in self.mentions)):
            return True  # (only a clause describing another council: 'Inspectors, who were in Kent, ...' is not)
        i = tok.start - 1
        if i >= 0 and self.doc[i].norm_ == "the":
            i -= 1
        if i >= 0 and self.doc[i].norm_ in self.ext.words["event_subordinators"]:
            return True
        # "down from the good rating Cumbria County Council's services received": a grade moved from
        g = next((self.grade_ending_at(j) for j in range(i, max(-1, i - 3), -1) if self.grade_ending_at(j)), None)
        return g is not None and self.ext._is_from(self.doc, g, self.sentence_of(g.start))

    def _in_organisation(self, k: int) -> bool:
        """Mention k (with its coordination) starts the name of another body: 'the Leicester, Leicestershire and
        Rutland Safeguarding Children Partnership', 'Kent Police' - not the council a later 'the council' means."""
        end = self.mentions[self._group(k)[-1]]["end"]
        words = self.text[end:end + 60].split()[:4]
        for w in words:
            low = w.strip(".,;:'’").lower()
            if low in self.ext.words["organisation_tails"]:
                return True
            if not w[:1].isupper():
                return False
        return False

    def _place_only(self, k: int) -> bool:
        """A council named only as a place in the middle of a sentence ('most live on the mainland in
        Cornwall'): not what 'the council' in a later paragraph means. A sentence-opening 'In Shropshire,'
        or 'Cornwall Council' / "Cornwall's services" still counts. A coordination is one place ('colleagues in
        Suffolk and Essex, whose ...')."""
        grp = self._group(k)
        m = {"start": self.mentions[grp[0]]["start"], "end": self.mentions[grp[-1]]["end"]}
        span = self.doc.char_span(m["start"], m["end"], alignment_mode="expand")
        if span is None or span.start < 2 or self.doc[span.start].is_sent_start or self.doc[
                span.start - 1].is_sent_start:
            return False
        prev_tok = self.doc[span.start - 1]
        nxt = self.doc[span.end] if span.end < len(self.doc) else None
        if prev_tok.norm_ not in self.ext.words["place_prepositions"]:
            return False
        return nxt is None or nxt.norm_ not in self.ext.words["council_words"]

    def _distributes(self, lo: int, hi: int) -> bool:
        """'Both councils were rated good'; not 'children in care and care leavers were both rated good', where
        'both' follows judgement names."""
        starts = self.cue_starts["distribute"]
        for k in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
            s = starts[k]
            if not any(self.j_at.get(i) is not None for i in range(max(lo, s - 3), s)):
                return True
        return False

    def _outside_relative(self, before: list[int], g: Grade, sent: Span) -> int | None:
        """The last mention before the grade, unless it sits in a closed relative clause between subject and
        verb ('the Isle of Wight, whose services are run with Hampshire, kept its good rating'); None when the only
        mention does and the subject is a description ('The new unitary authority, which took over services in
        the former county of Cumbria, was found to require improvement')."""
        k = before[-1]
        tok = self.mention_span(k)
        if tok is None:
            return k
        # the relative clause may run on past commas: "Richmond, where services have been run since 2014 by
        # Achieving for Children, a social enterprise it set up with neighbouring Kingston, ..."
        prev_end = self.mentions[before[-2]]["end"] if len(before) >= 2 else sent.start_char
        a = self.relative_clause_start(tok.start, sent, RELATIVE_OPENERS, prev_end)
        b = self.clause_of(tok.start, sent)[1]
        if a is not None and b < g.start and self.doc[b].text == ",":
            earlier = [x for x in before if self.mentions[x]["end"] <= self.doc[a].idx]
            if earlier:
                return earlier[-1]
            if a - 1 > sent.start and self.doc[a - 1].text == "," and self.doc[a - 2].norm_ in self.ext.words[
                    "council_nouns"]:
                return None
        return k

    def _described(self, lo: int, hi: int) -> list[tuple[str, str]]:
        """A descriptor ('the island', 'the county council') before the grade picks the latest earlier mention
        whose name or wording fits it (descriptors in cues.json)."""
        doc = self.doc
        for i in (np.flatnonzero(self.norm_arr[lo:hi] == self.ext.the_hash) + lo).tolist():
            for hashes, fit in self.ext.descriptors.items():
                if i + len(hashes) <= hi and tuple(self.norm_arr[i:i + len(hashes)].tolist()) == hashes:
                    k = bisect.bisect_left(self.m_starts, doc[i].idx) - 1
                    while k >= 0:
                        m = self.mentions[k]
                        name = m["name"].lower()
                        after = self.text[m["end"]:m["end"] + len(fit) + 1].lower().strip()
                        if name.startswith(fit) or name.endswith(fit) or after == fit or self.text[
                                m["start"]:m["end"]].lower().endswith(fit):
                            return self._pairs([k])
                        k -= 1
        return []

    def _indefinite_council(self, lo: int, hi: int, sent: Span) -> list[tuple[str, str]]:
        """The nearest unnamed council of a kind before the grade ('one London borough', 'a shire county'), as the
        council of that kind the text names: the only one, else the next one named after the sentence (a news
        opening names it further down), else the latest before."""
        norms, ext = self.norms, self.ext
        for i in range(hi - 2, lo - 1, -1):
            if norms[i] not in ext.indefinite_determiners:
                continue
            for j in (i + 1, i + 2):  # one word may come between: 'a northern county council'
                kind = next((v for words, v in ext.indefinite_councils if j + len(words) <= hi
                             and tuple(norms[j:j + len(words)]) == words), None)
                if kind is None:
                    continue
                fits = [k for k, m in enumerate(self.mentions) if m.get("type") == kind and self._holder(k)]
                if len({self.mentions[k]["code"] for k in fits}) == 1:
                    return self._pairs([fits[0]])
                later = [k for k in fits if self.mentions[k]["start"] >= sent.end_char]
                earlier = [k for k in fits if self.mentions[k]["start"] < sent.start_char]
                return self._pairs([later[0]]) if later else self._pairs([earlier[-1]]) if earlier else []
        return []

    def _previous_sentence_group(self, sent: Span, pk: int) -> list[tuple[str, str]]:
        """For 'Both local authorities ...': the largest coordination in the nearest earlier sentence."""
        lo = self.paras[pk - 1][0] if pk >= 1 else 0
        cands = self._mentions_between(lo, sent.start_char)
        if not cands:
            return []
        s = self.sentence_at_char(self.mentions[cands[-1]]["start"])
        in_sent = [k for k in cands if s.start_char <= self.mentions[k]["start"] < s.end_char]
        groups = []
        for k in in_sent:
            grp = self._group(k)
            if grp not in groups:
                groups.append(grp)
        best = max(groups, key=len)
        if len(best) < 2 and len(in_sent) < 2:
            # the nearest sentence names one council only ("A Westminster spokesperson said"): the councils
            # meant by "both" were named together a little earlier
            far = self._mentions_between(self.paras[max(0, pk - 4)][0] if pk >= 1 else 0, s.start_char)
            for k in reversed(far):
                grp = self._group(k)
                if len(grp) > 1:
                    return self._pairs(grp)
        return self._pairs(best if len(best) > 1 else in_sent)


def _coordinated(gap: str) -> bool:
    words = gap.replace(",", " , ").split()
    return bool(words) and all(w.lower() in COORD_WORDS for w in words) and (
        "and" in (x.lower() for x in words) or "," in words or "&" in words)


def _year(value) -> int | None:
    if not value or not isinstance(value, str) or len(value) < 4 or not value[:4].isdigit():
        return None
    return int(value[:4])
