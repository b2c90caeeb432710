"""Who said a quote: light-weight rules over the words around it, without a parser.

Each paragraph holding a quote is tokenised once with every top-level quote collapsed to one QUOTE token,
and split into sentences that never break inside a quote. A quote's speaker is sought, in order:
1. right after it ('"...," said Martin Pratt' / '"...," she added' / '..., according to Ofsted');
2. before it in its sentence, as the subject of a reporting verb ('Ofsted praised ... "..."',
   'Niki Clemo, director of ..., said that "..."', 'It added: "..."');
3. at the end of its sentence ('... "..." ..., inspectors found.' / 'is also noted by inspectors');
4. from the sentences before it in the paragraph ('Ofsted noted. "..."');
5. for a paragraph that opens with a quote-only sentence, from the previous paragraph's speaker;
6. from any reporting clause later in the same paragraph.
Pronouns are resolved to the nearest compatible speaker or mention, the subject of a reporting clause just
before (in the paragraph or the one above) first; "he"/"she" never to a place, a law or a person of the other
sex by first name. Surnames get the full name given (also "R Bellamy" from a councillors list); a bare place
speaker becomes the council the text names in full.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from pipeline.components.quotes.lexicon import Lexicon, Verb, fold
from pipeline.components.quotes.marks import QuoteSpan

# A word hyphenated at a line break ("inspec-" / "tion") is one token (the break only survives where
# marks.rejoin_wrapped put two pieces of a paragraph back together); its lower-case form drops the break.
# A plural possessive keeps its apostrophe ("the inspectors' report"), as the phrase files write it.
TOKEN = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+|-\n\s*[^\W_]+)*(?:(?<=[sS])[’'](?![^\W_]))?|[^\w\s]")
_WRAP_BREAK = re.compile(r"-\n\s*")
_END = {".", "!", "?", "…"}
_CLAUSE_MARKS = {",", ";", ":", "(", "-", "–", "—"}
_APOS = re.compile("[’']")
_YEAR = re.compile(r"(?:19|20)\d\d")
_AGE = re.compile(r"\d{1,3}-years?-old")  # "19-year-old Jade"
_REPORT_OPENERS = ("the", "its", "this")
# A line of a minutes' attendance list: "Sir Jane Doe - Independent Chair (JD)" (name first, initials last).
_ATTENDEE_LINE = re.compile(r"^[^\S\n]*([^\n]+?)\(([A-Z]{2,4})\)[^\S\n]*$", re.M)
_ATTENDEE_CUT = re.compile(r"\s+[-–—]\s+|[,(]")
_LAST_WORD = re.compile(r"([\w']+)[^\w']*$")
_CAP_WORD = r"[A-Z][a-z]+(?:[’'\-][A-Za-z]+)*|Mc[A-Z][a-z]+|O[’'][A-Z][a-z]+"
# Space inside a name: a line break of hard-wrapped text, never a blank line (a byline above a paragraph).
_GAP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"
COUNCIL_RE = re.compile(  # "Westmorland and Furness Council", "Blackburn with Darwen Council" keep their "and"
    rf"\b(?:[A-Z][a-z]+(?:[’'\-][A-Za-z]+)*{_GAP}(?:(?:and|with){_GAP}(?=[A-Z]))?){{1,4}}"
    rf"(?:(?:[Bb]orough|[Cc]ounty|[Cc]ity){_GAP})?[Cc]ouncil\b")  # lower case only after a place: councils()
# A council named by its kind only: "the county council", "the City Council's".
_KIND_COUNCIL_RE = re.compile(r"\b[Tt]he\s+([A-Za-z]+)\s+[Cc]ouncil\b")
# A person named by first name only, with an age: "Jade, 19, who grew up in care" / "Tom, aged 15,".
AGED_RE = re.compile(rf"\b({_CAP_WORD}),\s+(?:aged\s+)?\d{{1,2}},")
# A name spelt out before its acronym: "the Local Government Association (LGA)".
_ACRONYM_RE = re.compile(r"((?:[A-Z][\w’'&-]*\s+(?:(?:of|for|and|the|in|on)\s+)*){1,8})\(([A-Z]{2,6})\)")
# a surname alone as a sentence's subject ("Ferreira is cautious."), not one of a pair ("Rees and Brennan met")
SURNAME_SUBJECT_RE = re.compile(rf"(?:^|(?<=[.!?]\s))({_CAP_WORD})(?=\s+[a-z])(?!\s+(?:and|or|nor)\b)", re.M)
PERSON_RE = re.compile(rf"\b(?:{_CAP_WORD})(?:\s+(?:(?:van|de|der|von|da|di|le|la|du)\s+)?(?:{_CAP_WORD}))+")


class Tok:
    """A word or punctuation mark outside quotes, or one QUOTE token standing for a whole quote."""

    __slots__ = ("text", "low", "start", "end", "quote")

    def __init__(self, text: str, low: str, start: int, end: int, quote: int = -1):
        self.text = text
        self.low = low
        self.start = start
        self.end = end
        self.quote = quote

    @property
    def is_cap(self) -> bool:
        t = self.text
        return t[:1].isupper() and not t.isupper() and not self.is_possessive

    @property
    def is_acronym(self) -> bool:
        t = self.text
        return len(t) >= 2 and t.isalpha() and t.isupper()

    @property
    def is_possessive(self) -> bool:
        return self.low.endswith("'s") and len(self.low) > 2


@dataclass
class Speaker:
    name: str | None
    type: str  # person | ofsted | organisation | pronoun | unknown
    number: str = "sg"
    role: str | None = None
    pos: int = 0  # character offset of the mention
    cue: str | None = None
    pronoun: str | None = None


@dataclass
class _Para:
    toks: list[Tok]
    sents: list[tuple[int, int]]  # token index ranges [a, b)
    quote_tok: dict[int, int]  # quote index -> token index


class Attributor:
    def __init__(self, text: str, paragraphs: list[tuple[int, int]], quotes: list[QuoteSpan], lex: Lexicon):
        self.text = text
        self.paras = paragraphs
        self.quotes = quotes
        self.lex = lex
        self._cache: dict[int, _Para] = {}
        self._q_open = [q.open for q in quotes]
        self._para_starts = [b[0] for b in paragraphs]
        self._councils: list[tuple[int, str]] | None = None  # named councils, found on first need
        self.history: list[tuple[int, Speaker]] = []  # resolved speakers by position
        self.results: dict[int, Speaker | None] = {}
        self._names: dict[str, str] = {}
        self._role_names: dict[str, str | None] = {}
        self._mentions: dict[int, list[tuple[int, str, Speaker]]] = {}
        self._headline: int | None = None  # paragraph index of the headline, found on first need
        self._passive_seen = False  # set by _head when a passive reporting verb had no agent
        self._acronyms: dict[str, str] | None = None  # found on first need
        self._initials: dict[str, str] | None = None  # found on first need
        self._attendees: dict[str, str] | None = None  # found on first need

    # ----------------------------------------------------------------- tokens and sentences
    def para(self, pi: int) -> _Para:
        if pi in self._cache:
            return self._cache[pi]
        ps, pe = self.paras[pi]
        toks: list[Tok] = []
        qt: dict[int, int] = {}
        pos = ps
        qi = bisect.bisect_left(self._q_open, ps)
        low = fold(self.text[ps:pe])
        if len(low) != pe - ps:  # a rare character whose lower case is longer: fold token by token
            low = None
        while True:
            q = self.quotes[qi] if qi < len(self.quotes) and self.quotes[qi].open < pe else None
            seg_end = q.open if q else pe
            for m in TOKEN.finditer(self.text, pos, seg_end):
                a, b = m.span()
                word = m.group()
                lw = low[a - ps:b - ps] if low is not None else fold(word)
                toks.append(Tok(word, _WRAP_BREAK.sub("", lw) if "\n" in lw else lw, a, b))
            if q is None:
                break
            qt[qi] = len(toks)
            toks.append(Tok("", "\x00quote", q.open, q.outer_end, qi))
            pos = q.outer_end
            qi += 1
        para = _Para(toks, self._sentences(toks), qt)
        self._cache[pi] = para
        return para

    def _sentences(self, toks: list[Tok]) -> list[tuple[int, int]]:
        sents = []
        a = 0
        for i, t in enumerate(toks[:-1]):
            nxt = toks[i + 1]
            starts_new = nxt.quote >= 0 or nxt.text[:1].isupper() or nxt.text[:1].isdigit()
            if not starts_new:
                continue
            if t.text in _END:
                prev = toks[i - 1] if i > 0 else None
                if t.text == "." and prev is not None and (
                        prev.low in self.lex.abbreviations or (len(prev.text) == 1 and prev.text.isupper())):
                    continue
                sents.append((a, i + 1))
                a = i + 1
            elif t.quote >= 0 and self._quote_ends_sentence(t.quote) and not (
                    nxt.quote < 0 and self._tail_clause(toks, i + 1, len(toks)) is not None):
                sents.append((a, i + 1))
                a = i + 1
        sents.append((a, len(toks)))
        return sents

    def _quote_ends_sentence(self, qi: int) -> bool:
        q = self.quotes[qi]
        inner = self.text[q.start:q.end].rstrip("’'\"” ")
        return inner[-1:] in _END

    # ----------------------------------------------------------------- lexicon helpers
    def verb_at(self, toks: list[Tok], i: int, hi: int) -> tuple[Verb, int] | None:
        if toks[i].low not in self.lex.verb_first or (i > 0 and toks[i - 1].low in self.lex.determiners):
            return None  # "the report", "a comment": a noun, not a verb
        if i > 0 and toks[i].is_cap and (toks[i - 1].is_cap or toks[i - 1].is_acronym):
            return None  # a word inside a name: "the Local Democracy Reporting Service"
        for n in range(min(self.lex.max_verb_len, hi - i), 0, -1):
            key = tuple(t.low for t in toks[i:i + n])
            v = self.lex.verbs.get(key)
            if v is not None:
                return v, n
        return None

    def _phrase(self, key: tuple[str, ...]):
        return self.lex.phrases.get(key) if key[0] in self.lex.phrase_first else None

    def _span_text(self, toks: list[Tok], a: int, b: int) -> str:
        return self.text[toks[a].start:toks[b - 1].end] if b > a else ""

    # ----------------------------------------------------------------- speaker expressions
    def speaker_ending_at(self, toks: list[Tok], k: int, lo: int) -> tuple[Speaker, int] | None:
        """A speaker expression whose last token is toks[k]; returns (speaker, first token index)."""
        if k < lo or toks[k].quote >= 0:
            return None
        lex = self.lex
        t = toks[k]
        for n in range(min(lex.max_phrase_len, k - lo + 1), 0, -1):
            ph = self._phrase(tuple(x.low for x in toks[k - n + 1:k + 1]))
            if ph is not None:
                if n == 1 and k > lo and toks[k - 1].is_cap and ph.kind == "organisation":
                    break  # "Camden council": handled below as a named organisation
                return Speaker(ph.speaker, ph.kind, ph.number, pos=toks[k - n + 1].start), k - n + 1
        if t.low in lex.report_nouns:
            got = self._report_back(toks, k, lo)
            if got is not None:
                return got
        if t.low in lex.pronouns:
            kind = lex.pronouns[t.low]
            return Speaker(None, "pronoun", "pl" if kind == "plural" else "sg", pos=t.start, pronoun=t.low), k
        if t.low in lex.spokes_words:
            # "a Department for Education spokesperson" / "an Essex County Council spokeswoman"
            j = k - 1
            if j >= lo and (toks[j].is_cap or toks[j].is_acronym):
                return self._org_back(toks, j, lo, j)
            if j >= lo and toks[j].low in ("the", "a", "an"):
                # "the spokesperson added" / "Ofsted disagreed. A spokesperson said": the organisation in view
                return Speaker(None, "pronoun", pos=toks[j].start, pronoun="spokesperson"), j
            return None
        if t.low in lex.council_tails and k > lo:
            j = k - 1
            while j >= lo and toks[j].low in lex.council_modifiers:
                j -= 1
            if j >= lo and toks[j].is_cap:
                got = self._org_back(toks, j, lo, k)
                if got is not None and t.text.islower() and got[1] > lo and toks[got[1] - 1].low == "the":
                    # "the Kensington and Chelsea council": a description; the name is the place
                    return replace(got[0], name=self._span_text(toks, got[1], j + 1)), got[1] - 1
                return got
            return None
        if t.is_cap or t.is_acronym:
            return self._cap_run_back(toks, k, lo)
        return self._role_back(toks, k, lo)

    def _report_back(self, toks: list[Tok], k: int, lo: int) -> tuple[Speaker, int] | None:
        """An inspection report named with modifiers, ending at the noun toks[k]: "the Sheffield report",
        "the inspectorate's latest report", "Lewisham's letter". A council's own report is not one."""
        lex = self.lex
        j = k - 1
        while j >= lo and k - j <= 5 and self._report_modifier(toks[j]):
            j -= 1
        if j < lo:
            return None
        t = toks[j]
        if t.low in _REPORT_OPENERS:
            return Speaker("the report", "ofsted", pos=t.start), j
        if t.is_possessive and t.low[:-2] not in lex.council_tails:
            if t.text[:1].isupper():
                return self._owned_report(toks, j, k), j
            ph = self._phrase((toks[j - 1].low, t.low[:-2])) if j > lo else None
            if ph is not None and ph.kind == "ofsted":  # "the watchdog's report"
                return Speaker("the report", "ofsted", pos=toks[j - 1].start), j - 1
        return None

    def _report_modifier(self, t: Tok) -> bool:
        """A word that may stand between "the" and "report" in the name of an inspection report: "latest",
        "Ofsted", "ILACS", a year ("the 2018 inspection report"); not "council" (a council's own report)."""
        if t.low in self.lex.council_tails or t.low in _REPORT_OPENERS:
            return False  # a sentence-initial "The" is no capitalised modifier: "The damning report, ..., said"
        return t.low in self.lex.report_modifiers or t.is_cap or t.is_acronym or bool(_YEAR.fullmatch(t.text))

    def _report_fwd(self, toks: list[Tok], i: int, hi: int) -> tuple[Speaker, int] | None:
        """The same report expressions read forwards from toks[i]; returns (speaker, index after it)."""
        lex = self.lex
        t = toks[i]
        if t.low in _REPORT_OPENERS:
            j = i + 1
            if j + 1 < hi and toks[j].is_possessive and not toks[j].text[:1].isupper():
                ph = self._phrase((t.low, toks[j].low[:-2]))
                if ph is None or ph.kind != "ofsted":
                    return None
                j += 1  # "the inspectorate's report"
        elif t.is_possessive and t.text[:1].isupper() and t.low[:-2] not in lex.council_tails:
            j = i + 1
        else:
            return None
        while j < hi and j - i <= 5 and self._report_modifier(toks[j]):
            j += 1
        if j < hi and toks[j].low in lex.report_nouns and j > i + 1:
            if t.is_possessive:
                return self._owned_report(toks, i, j), j + 1
            return Speaker("the report", "ofsted", pos=t.start), j + 1
        return None

    def _owned_report(self, toks: list[Tok], o: int, k: int) -> Speaker:
        """The report "Owner's ... report" (owner toks[o], noun toks[k]): an inspection report, unless it is the
        owner's own yearly publication ("Ofsted's annual report"), which speaks as the owner."""
        t = toks[o]
        if not any(x.low in self.lex.owner_report_modifiers for x in toks[o + 1:k]):
            return Speaker("the report", "ofsted", pos=t.start)
        ph = self._phrase((t.low[:-2],))
        if ph is not None:
            return Speaker(ph.speaker, ph.kind, ph.number, pos=t.start)
        return Speaker(t.text[:-2], "organisation", pos=t.start)

    def _role_back(self, toks: list[Tok], k: int, lo: int) -> tuple[Speaker, int] | None:
        """A person named only by role or description, ending at k: "the director of children's services",
        "One care leaver", "Kent's head of fostering", "young people". The phrase must open its clause."""
        lex = self.lex
        if not toks[k].text[:1].isalnum():
            return None
        j = k
        while j > lo and k - j < 9 and toks[j - 1].quote < 0 and toks[j - 1].text[:1].isalnum() and (
                not toks[j - 1].is_cap or toks[j - 1].low in lex.role_words or toks[j - 1].low in lex.person_nouns
                or toks[j - 1].low in lex.role_openers):
            j -= 1
            if toks[j].low in lex.role_openers:
                break
        opener = toks[j].low in lex.role_openers or toks[j].is_possessive
        if j > lo and toks[j - 1].is_possessive and toks[j - 1].text[:1].isupper():
            j -= 1  # "Kent's director of ..."
            opener = True
        if not (j == lo or toks[j - 1].text in (",", ";", ":", "(", "–", "—") or toks[j - 1].low in ("and", "but")):
            return None
        # The head noun: the last word before "of/for/at/in", else the last word of the phrase.
        head = k
        for x in range(j, k + 1):
            if toks[x].low in ("of", "for", "at", "in", "with"):
                head = x - 1
                break
        if head < j or not (toks[head].low in lex.role_heads or toks[head].low in lex.person_nouns):
            return None
        if not opener and toks[head].low not in lex.plural_person_nouns:
            return None  # "director of children's services said" without an article is not a clause subject
        if any(toks[x].low in lex.pronouns or toks[x].low in lex.verbs_first_only for x in range(j, k + 1)):
            return None
        return Speaker(self._span_text(toks, j, k + 1), "person", pos=toks[j].start, pronoun="role"), j

    def _run_start(self, toks: list[Tok], k: int, lo: int) -> tuple[int, int]:
        """Start of the capitalised run ending at k, and of its extension over organisation connectors."""
        lex = self.lex
        j = k
        while j - 1 >= lo:
            prev = toks[j - 1]
            if prev.is_cap or prev.is_acronym or (prev.is_possessive and prev.text[:1].isupper()):
                j -= 1  # a capitalised possessive joins organisation names: "National Children's Bureau"
                continue
            p = j - 1
            while p >= lo and toks[p].low in lex.particles:
                p -= 1
            if p < j - 1 and p >= lo and toks[p].is_cap:  # "Pieter van der Berg"
                j = p
                continue
            break
        # Organisation names may join capitalised runs with "for", "of", "and" (Department for Education).
        ext = j
        while ext - 2 >= lo and toks[ext - 1].low in lex.org_connectors and (
                toks[ext - 2].is_cap or (toks[ext - 2].is_possessive and toks[ext - 2].text[:1].isupper())):
            e = ext - 2
            while e - 1 >= lo and (toks[e - 1].is_cap or toks[e - 1].is_acronym):
                e -= 1
            ext = e
        return j, ext

    def _cap_run_back(self, toks: list[Tok], k: int, lo: int) -> tuple[Speaker, int] | None:
        a, ext = self._run_start(toks, k, lo)
        # "a spokesperson for Achieving for Children": whatever a spokesperson speaks for is an organisation
        f = ext - 1
        if f - 1 >= lo and toks[f].low == "the":
            f -= 1
        if f - 1 >= lo and toks[f].low in ("for", "at", "from") and toks[f - 1].low in self.lex.spokes_words:
            name = self._span_text(toks, ext, k + 1)
            a = f - 2 if f - 2 >= lo and toks[f - 2].low in ("a", "an", "the") else f - 1
            return Speaker(name, "organisation", pos=toks[ext].start), a
        got = self._affiliated(toks, a, ext, k, lo)
        if got is not None:
            return got
        return self._name_from_run(toks, a, k, ext)

    def _affiliated(self, toks: list[Tok], a: int, ext: int, k: int, lo: int) -> tuple[Speaker, int] | None:
        """A person named before "of/at/from" and the organisation they work for, the phrase ending at k:
        "Jane Doe of Leeds Beckett University", "Cllr Ruth Okafor at Kinship Care Trust"."""
        lex = self.lex
        c = ext
        while c < a and toks[c].low not in lex.org_connectors:
            c += 1  # a connector inside the extended run: "Jane Doe of Leeds ..."
        if c < a and toks[c].low in lex.affiliation_words:
            p = ext
        elif ext - 2 >= lo and toks[ext - 1].low in lex.affiliation_words and toks[ext - 2].is_cap:
            c = ext - 1  # a connector just before the run: "Ruth Okafor at Kinship Care Trust"
            p, _ = self._run_start(toks, c - 1, lo)
        else:
            return None
        n = p
        while n < c - 1 and (toks[n].low in lex.titles or toks[n].low in lex.name_stop):
            n += 1
        if not self._plain_name_toks(toks, n, c - 1):
            return None
        role = self._span_text(toks, c + 1, k + 1)
        return Speaker(self._span_text(toks, n, c), "person", pos=toks[n].start, role=role), p

    def _org_back(self, toks: list[Tok], k: int, lo: int, last: int) -> tuple[Speaker, int] | None:
        """An organisation named by the capitalised run ending at k (the phrase ends at `last`)."""
        a, ext = self._run_start(toks, k, lo)
        got = self._affiliated(toks, a, ext, last, lo)
        if got is not None:
            return got
        words = {t.low for t in toks[ext:k + 1]}
        first = ext if words & self.lex.org_words or ext < a else a
        while first <= k and toks[first].low in self.lex.function_words:
            first += 1
        if first > k:
            return None
        name = self._span_text(toks, first, last + 1)
        return Speaker(name, "organisation", pos=toks[first].start), first

    def _capital_role(self, toks: list[Tok], first: int, k: int) -> tuple[Speaker, int]:
        """"Director of Children's Services Jane Dooley" (a person with a title) or "the Director of
        Children's Services" alone (a person named by role)."""
        lex = self.lex
        n = k
        while n >= first and toks[n].is_cap and toks[n].low not in lex.org_words and toks[n].low not in lex.name_stop \
                and toks[n].low not in lex.role_words:
            n -= 1
        if k - n >= 2:
            sp = Speaker(self._span_text(toks, n + 1, k + 1), "person", pos=toks[n + 1].start,
                         role=self._span_text(toks, first, n + 1))
            return sp, first
        a = first - 1 if first > 0 and toks[first - 1].low in lex.role_openers else first
        return Speaker(self._span_text(toks, a, k + 1), "person", pos=toks[a].start, pronoun="role"), a

    def _plain_name_toks(self, toks: list[Tok], a: int, b: int) -> bool:
        """toks[a..b] look like a person's name: two to four capitalised words, no possessive, and none of them
        an organisation, role, title or stop word."""
        lex = self.lex
        return 1 <= b - a <= 3 and all(
            toks[x].is_cap and toks[x].low not in lex.org_words and toks[x].low not in lex.role_words
            and toks[x].low not in lex.titles and toks[x].low not in lex.name_stop for x in range(a, b + 1))

    def _name_from_run(self, toks: list[Tok], a: int, k: int, ext: int | None = None) -> tuple[Speaker, int] | None:
        lex = self.lex
        words = [t.low for t in toks[(ext if ext is not None else a):k + 1]]
        r = k
        while r >= a and toks[r].low not in lex.org_words and toks[r].low not in lex.role_words:
            r -= 1
        if r >= a and k - r >= 2 and self._plain_name_toks(toks, r + 1, k):
            # "Director for Adults and Health Services Mary Penfold": a title ending in an organisation or role
            # word, then the person's name
            b = ext if ext is not None else a
            while b < r and toks[b].low in lex.function_words:
                b += 1
            return Speaker(self._span_text(toks, r + 1, k + 1), "person", pos=toks[r + 1].start,
                           role=self._span_text(toks, b, r + 1)), b
        if any(w in lex.org_words for w in words) or (k == a and toks[k].is_acronym):
            first = ext if ext is not None else a
            while first <= k and toks[first].low in lex.function_words:
                first += 1
            if first > k:
                return None
            if toks[first].low in lex.role_heads and toks[first].low not in lex.org_words:
                return self._capital_role(toks, first, k)
            name = self._span_text(toks, first, k + 1)
            if name.lower().startswith("the "):
                name = name[4:]
            return Speaker(name, "organisation", pos=toks[first].start), first
        # A person: drop leading function words, titles and capitalised role words ("Chief Inspector"),
        # and anything up to a possessive ("Essex's Dick Madden").
        first = a
        for i in range(a, k + 1):
            if toks[i].is_possessive:
                first = i + 1
        role_start = None
        while first <= k and (toks[first].low in lex.name_stop or toks[first].low in lex.titles
                              or toks[first].low in lex.role_words):
            if toks[first].low in lex.titles or toks[first].low in lex.role_words:
                role_start = first if role_start is None else role_start
            first += 1
        if first > k:
            r = ext if ext is not None else a
            while r < k and toks[r].low in lex.function_words:
                r += 1
            if (r < k or self._listed_role(toks[k].text)) and any(
                    toks[x].low in lex.role_heads for x in range(r, k + 1)) and all(
                    toks[x].low in lex.role_words for x in range(r, k + 1)):
                return self._capital_role(toks, r, k)  # "The Head of Early Help said", "The Cabinet Member said"
            return None
        if any(toks[i].low in lex.name_stop for i in range(first, k + 1)):
            return None
        sp = Speaker(self._span_text(toks, first, k + 1), "person", pos=toks[first].start)
        # A title or role before the name: "Councillor Joan Whitehead", "chief inspector Christine Gilbert".
        r = role_start if role_start is not None else first
        r0 = r
        while r0 - 1 >= 0 and r0 - 1 > r - 9 and toks[r0 - 1].quote < 0 and (
                toks[r0 - 1].low in lex.role_words or toks[r0 - 1].low in lex.titles or toks[r0 - 1].is_possessive):
            r0 -= 1
        while r0 < first and toks[r0].low in ("the", "of", "and", "for"):
            r0 += 1
        if r0 < first and any(toks[i].low in lex.role_heads or toks[i].low in lex.titles for i in range(r0, first)):
            sp.role = self._span_text(toks, r0, self._title_start(toks, r0, first))
        return sp, min(r0, first) if sp.role else first

    def _title_start(self, toks: list[Tok], r0: int, first: int) -> int:
        """End of a role before a name without the title next to the name: "Committee chair County Coun"."""
        e = first
        while e - 1 > r0 and toks[e - 1].low in self.lex.titles:
            e -= 1
            while e - 1 > r0 and toks[e - 1].low in self.lex.council_modifiers:
                e -= 1
        return e if e < first and any(toks[i].low in self.lex.role_heads for i in range(r0, e)) else first

    def speaker_starting_at(self, toks: list[Tok], i: int, hi: int) -> tuple[Speaker, int] | None:
        """A speaker expression starting at toks[i]; returns (speaker, index after it)."""
        if i >= hi or toks[i].quote >= 0:
            return None
        lex = self.lex
        got = self._report_fwd(toks, i, hi) or self._owner_role_name(toks, i, hi)
        if got is not None:
            return got
        # Title or role words, then a name: "Ofsted's national director Yvette Stanley".
        j = i
        while j < hi and j - i < 9 and toks[j].quote < 0 and not toks[j].is_cap and (
                toks[j].low in lex.role_words or toks[j].low in lex.titles or toks[j].is_possessive
                or toks[j].low in ("a", "an")):
            j += 1
        while j < hi and toks[j].low in lex.titles:
            j += 1
        if j + 1 < hi and j - 1 > i and toks[j].is_cap and toks[j - 1].low in ("of", "at", "for") and any(
                toks[x].low in lex.role_heads for x in range(i, j - 1)):
            # "the leader of Medway Council, Graham Petters": the role's organisation, then the name
            k = j
            while k < hi and (toks[k].is_cap or toks[k].low in ("and", "of")):
                k += 1
            if k + 1 < hi and toks[k].text == "," and toks[k + 1].is_cap:
                j = k
        role_end = j
        if j + 1 < hi and j > i and toks[j].text == "," and toks[j + 1].is_cap and any(
                toks[x].low in lex.role_heads for x in range(i, j)):
            j += 1  # "said the council's new director, Sue Ellis"
        if j < hi and (toks[j].is_cap or toks[j].is_acronym):
            got = self._cap_run_fwd(toks, j, hi)
            if got is not None:
                sp, end = got
                if sp.type == "person" and j > i:
                    a = i
                    while a < j and toks[a].low in ("the", "a", "an", "of", "and", "for"):
                        a += 1
                    if any(toks[x].low in lex.role_heads or toks[x].low in lex.titles for x in range(a, role_end)):
                        sp.role = self._span_text(toks, a, role_end)
                if sp.type == "person" or j == i or all(toks[x].low in ("the", "a", "an") for x in range(i, j)):
                    return sp, end
        for n in range(min(lex.max_phrase_len, hi - i) if toks[i].low in lex.phrase_first else 0, 0, -1):
            key = tuple(x.low for x in toks[i:i + n])
            ph = self._phrase(key)
            if ph is not None:
                return Speaker(ph.speaker, ph.kind, ph.number, pos=toks[i].start), i + n
        t = toks[i]
        if t.low in lex.pronouns:
            kind = lex.pronouns[t.low]
            return Speaker(None, "pronoun", "pl" if kind == "plural" else "sg", pos=t.start, pronoun=t.low), i + 1
        if t.low in ("the", "a", "an") and i + 1 < hi and toks[i + 1].low in lex.spokes_words and (
                i + 2 >= hi or toks[i + 2].low not in ("for", "at", "from")):
            return Speaker(None, "pronoun", pos=t.start, pronoun="spokesperson"), i + 2
        # "a spokesperson for Essex County Council"
        if t.low in ("a", "an", "the") and i + 2 < hi and toks[i + 1].low in lex.spokes_words and toks[i + 2].low in (
                "for", "at", "from"):
            got = self._cap_run_fwd(toks, i + 3, hi) if i + 3 < hi and toks[i + 3].is_cap else None
            if got is None and i + 4 < hi and toks[i + 3].low == "the" and toks[i + 4].is_cap:
                got = self._cap_run_fwd(toks, i + 4, hi)
            if got is not None:
                sp, end = got
                name = sp.name or ""
                if toks[i + 3].low == "the" and name.endswith(" council"):
                    name = name[:-len(" council")]  # "for the Kensington and Chelsea council": the place
                return replace(sp, type="organisation", name=name), end
        return None

    def _owner_role_name(self, toks: list[Tok], i: int, hi: int) -> tuple[Speaker, int] | None:
        """A person named after a role held at an organisation of several words in the possessive: "Northshire
        Family Trust's operations director, Priya Marsh" (the role keeps the organisation)."""
        p = i
        while p < hi and p - i < 6 and (toks[p].is_cap or toks[p].is_acronym or (
                p > i and toks[p].low in self.lex.org_connectors)):
            p += 1
        if p == i or p >= hi or not (toks[p].is_possessive and toks[p].text[:1].isupper()):
            return None
        got = self.speaker_starting_at(toks, p, hi)
        if got is None or got[0].type != "person" or not got[0].role:
            return None
        sp, end = got
        return replace(sp, role=self.text[toks[i].start:toks[p].start] + sp.role), end

    def _cap_run_fwd(self, toks: list[Tok], j: int, hi: int) -> tuple[Speaker, int] | None:
        lex = self.lex
        k = j
        while k + 1 < hi:
            if toks[k + 1].is_cap or toks[k + 1].is_acronym:
                k += 1
                continue
            p = k + 1
            while p < hi and toks[p].low in lex.particles:
                p += 1
            if p > k + 1 and p < hi and toks[p].is_cap:  # "Pieter van der Berg"
                k = p
                continue
            break
        ext = k
        while ext + 2 < hi and toks[ext + 1].low in lex.org_connectors and (
                toks[ext + 2].is_cap or toks[ext + 2].is_possessive and toks[ext + 2].text[:1].isupper()):
            e = ext + 2
            while e + 1 < hi and (toks[e + 1].is_cap or toks[e + 1].is_acronym):
                e += 1
            ext = e
        words = {t.low for t in toks[j:ext + 1]}
        if ext > k and words & lex.org_words and not (
                toks[k + 1].low in lex.affiliation_words and self._plain_name_toks(toks, j, k)):
            k = ext  # "Department for Education"; not "Jane Doe of Leeds Beckett University" (a person)
        # "Camden council", "Essex County Council"
        e = k
        while e + 1 < hi and toks[e + 1].low in lex.council_modifiers:
            e += 1
        if e + 1 < hi and toks[e + 1].low in lex.council_tails:
            return Speaker(self._span_text(toks, j, e + 2), "organisation", pos=toks[j].start), e + 2
        if k + 1 < hi and toks[k + 1].low in lex.spokes_words:
            got = self._name_from_run(toks, j, k)
            if got is not None:
                return replace(got[0], type="organisation"), k + 2
        if toks[k].is_possessive:
            return None
        got = self._name_from_run(toks, j, k)
        if got is None:
            return None
        return got[0], k + 1

    # ----------------------------------------------------------------- attribution patterns
    def _role_after(self, toks: list[Tok], i: int, hi: int) -> str | None:
        """An apposition after a name: ', the council's statutory director of children's services'."""
        if i >= hi or toks[i].text != ",":
            return None
        a = i + 1
        b = a
        while b < hi and toks[b].quote < 0 and toks[b].text not in (".", ";", ":", "(", "–", "—", "!", "?"):
            if toks[b].text == "," and b + 1 < hi and toks[b + 1].low in self.lex.appositive_cut:
                break
            b += 1
        while b > a and toks[b - 1].text == ",":
            b -= 1
        if b - a > 25 or b == a:
            return None
        role = self._span_text(toks, a, b)
        return self._clean_role(role)

    @staticmethod
    def _clean_role(role: str | None) -> str | None:
        if not role:
            return None
        role = role.strip(" ,")
        if role.lower().startswith("the "):
            role = role[4:]
        return role or None

    def _tail_clause(self, toks: list[Tok], j: int, hi: int, where=("both", "tail")) -> Speaker | None:
        """'SPEAKER [also] VERB' / 'VERB SPEAKER[, role]' / 'according to SPEAKER' starting at j."""
        lex = self.lex
        dash = False
        while j < hi and toks[j].text in (",", "–", "—", "-"):
            dash = dash or toks[j].text != ","
            j += 1
        if j >= hi:
            return None
        v = self.verb_at(toks, j, hi)
        if v is not None and v[0].where == "prep":
            got = self._source_after(toks, j + v[1], hi)
            if got is not None:
                sp, _ = got
                return replace(sp, cue=" ".join(t.low for t in toks[j:j + v[1]]))
            return None
        if v is not None and v[0].where in where:
            got = self.speaker_starting_at(toks, j + v[1], hi)
            if got is not None:
                sp, end = got
                sp = replace(sp, cue=" ".join(t.low for t in toks[j:j + v[1]]))
                if sp.type in ("person", "organisation") and not sp.role:
                    sp.role = self._role_after(toks, end, hi)
                return sp
        got = self.speaker_starting_at(toks, j, hi)
        if got is not None:
            sp, end = got
            comma_verb = self._comma_verb(toks, end, hi, where)
            role = self._role_after(toks, end, hi) if sp.type == "person" and not comma_verb else None
            k = end + 1 if comma_verb else end  # "the review's author, Jane Smith, writes"
            if role is not None:  # "Jane Smith, the director, said"
                k += 1
                while k < hi and toks[k].text != ",":
                    k += 1
                k += 1
            while k < hi and toks[k].low in lex.fillers:
                k += 1
            v = self.verb_at(toks, k, hi) if k < hi else None
            if v is not None and v[0].where in where:
                sp = replace(sp, cue=" ".join(t.low for t in toks[k:k + v[1]]))
                if role and not sp.role:
                    sp.role = self._clean_role(role)
                return sp
            # A byline after a dash: '"..." – Jane Dooley, director of children's services.'
            if dash and sp.type in ("person", "organisation") and (k >= hi or toks[k].text in _END or (
                    role is not None and hi - k < 12 and not any(t.quote >= 0 for t in toks[k:hi]))):
                if role and not sp.role:
                    sp.role = self._clean_role(role)
                return sp
            return None
        # a person named only by role: '"...", the chief inspector of Ofsted has warned'
        for k in range(j + 1, min(hi, j + 10)):
            v = self.verb_at(toks, k, hi)
            if v is None or v[0].where not in where:
                continue
            e = k - 1
            while e > j and toks[e].low in lex.fillers:
                e -= 1
            got = self._role_back(toks, e, j)
            if got is not None and got[1] == j and self.name_for_role(got[0].name or ""):
                # only a role the text names elsewhere: "one care leaver told the panel" stays unattributed
                return replace(got[0], cue=" ".join(t.low for t in toks[k:k + v[1]]))
            break
        return None

    def _comma_verb(self, toks: list[Tok], i: int, hi: int, where) -> bool:
        """A comma then a reporting verb at toks[i]: the end of an apposition before the verb, not a role."""
        if i + 1 >= hi or toks[i].text != ",":
            return False
        v = self.verb_at(toks, i + 1, hi)
        return v is not None and v[0].where in where

    def _source_after(self, toks: list[Tok], i: int, hi: int) -> tuple[Speaker, int] | None:
        """The source after "according to": a speaker, or the organisation behind a statement or document
        ("a council statement", "a statement from Kent County Council", "a DfE spokesperson")."""
        lex = self.lex
        if i + 1 < hi and toks[i].is_possessive and toks[i].text[:1].isupper() and toks[i + 1].low in lex.source_nouns:
            # "according to Ofsted's report": the owner of the document is the source
            owner = self._phrase((toks[i].low[:-2],))
            if owner is not None:
                return Speaker(owner.speaker, owner.kind, owner.number, pos=toks[i].start), i + 2
            return Speaker(toks[i].text[:-2], "organisation", pos=toks[i].start), i + 2
        got = self.speaker_starting_at(toks, i, hi)
        if got is not None or i >= hi or toks[i].low not in ("a", "an", "the", "its", "their"):
            return got
        lex = self.lex
        j = i + 1
        while j < hi and j - i < 6 and toks[j].quote < 0 and toks[j].low not in lex.source_nouns:
            j += 1
        if j >= hi or toks[j].low not in lex.source_nouns:
            return None
        if j + 1 < hi and toks[j + 1].low in ("from", "by", "of"):  # "a statement from the council"
            a = j + 2
            if a < hi and toks[a].low == "the":
                a += 1
            e = a
            while e < hi and (toks[e].is_cap or toks[e].is_acronym or (
                    toks[e].is_possessive and toks[e].text[:1].isupper()) or (
                    toks[e].low in lex.org_connectors and e + 1 < hi and toks[e + 1].text[:1].isupper())):
                e += 1
            got = self.speaker_ending_at(toks, e - 1, a) if e > a and not toks[e - 1].is_possessive else None
            if got is None:
                got = self.speaker_starting_at(toks, j + 2, hi)
            if got is not None:
                return got[0], max(e, got[1])
        if j > i + 1:  # "a council statement", "a Department for Education statement"
            got = self.speaker_ending_at(toks, j - 1, i + 1)
            if got is None and toks[j - 1].low in lex.council_tails:
                got = Speaker("the council", "organisation", pos=toks[j - 1].start), j - 1
            if got is not None and got[0].type != "pronoun":
                return got[0], j + 1
        return None

    def _skip_time(self, toks: list[Tok], k: int, s: int) -> int:
        """Index before a short time phrase ending at toks[k] ('in 2021', 'last week', 'in March 2024'), else k."""
        lex = self.lex
        j = k
        while j >= s and k - j < 3 and (toks[j].text[:1].isdigit() or toks[j].low in lex.time_words):
            j -= 1
        if j < k and j >= s and toks[j].low in lex.time_prepositions:
            return j - 1
        return k

    def _skip_back(self, toks: list[Tok], k: int, s: int) -> int:
        """Step left over adverbs, auxiliaries and a bracketed aside ("Cllr Bob Ainsworth (Lab) said")."""
        while k >= s:
            if toks[k].low in self.lex.fillers:
                k -= 1
            elif toks[k].text == "," and k - 2 >= s and toks[k - 1].low in self.lex.fillers and toks[k - 2].text == ",":
                k -= 3  # a parenthetical adverb: "Inspectors did, however, say"
            elif toks[k].text == ")":
                o = k - 1
                while o >= s and toks[o].text != "(" and k - o < 12:
                    o -= 1
                if o < s or toks[o].text != "(":
                    break
                k = o - 1
            else:
                break
        return k

    def _subject_of(self, toks: list[Tok], v: int, s: int, verb: Verb) -> Speaker | None:
        """The speaker that is the subject of the reporting verb at toks[v] (sentence starts at s)."""
        lex = self.lex
        k = self._skip_back(toks, v - 1, s)
        if k >= s:
            got = self._report_on(toks, k, s) or self.speaker_ending_at(toks, k, s)
            if got is None:
                t = self._skip_time(toks, k, s)  # "a further visit in 2021 found"
                got = self.speaker_ending_at(toks, t, s) if t < k else None
                if got is not None and got[0].type not in ("ofsted", "organisation"):
                    got = None
            if got is not None:
                return got[0]
        if k >= s + 2 and toks[k].low in ("which", "who") and toks[k - 1].text == ",":
            got = self.speaker_ending_at(toks, k - 2, s)  # "... by Ofsted, which said"
            if got is not None and got[0].type != "pronoun":
                return got[0]
        if k >= s + 1 and toks[k].low in ("which", "that") and toks[k - 1].quote < 0:
            got = self.speaker_ending_at(toks, k - 1, s)  # "following an inspection which found"
            if got is not None and got[0].type in ("ofsted", "organisation"):
                return got[0]
        if toks[v].low.endswith("ing") and v - 1 >= s and toks[v - 1].text == ",":
            return self._participle_subject(toks, v, s)  # "..., saying:" takes the subject of an earlier verb
        got = self._relative_subject(toks, v, s)
        if got is not None:
            return got
        # Apposition: "Niki Clemo, director of children's social care at ..., said"
        # Apposition: "Niki Clemo, director of children's social care at ..., said". The apposition may itself
        # hold commas ("director for Children, Families and Culture," / ", whose members include A and B,"):
        # a candidate that opens the clause wins over a nearer one inside the apposition.
        lo = max(s, v - lex.settings["max_apposition_tokens"])
        nearest = None
        for c in range(v - 2, lo - 1, -1):
            if toks[c + 1].text != ",":
                continue
            got = self.speaker_ending_at(toks, c, s)
            if got is None:
                continue
            sp, a = got
            if c == v - 2 and not self._after_comma(toks, a, s):
                continue  # only "Role, Name, said" puts the speaker right before ", said"; not "Southwark, judged"
            if sp.type == "person" and self._after_article(toks, a, c, sp.pos):
                continue  # "regional director for the North West,": a place inside a role, not a person
            if sp.type == "pronoun" or sp.pronoun == "role" or (a > s and (toks[a - 1].low in lex.prepositions
                                                   or toks[a - 1].low in lex.determiners)):
                continue  # "director at Luton Borough Council," / "chief executive of the Bureau,"
            opens = all(t.low in lex.function_words for t in toks[s:a])
            if nearest is not None and not opens:
                continue
            # The apposition describes the speaker better than a bare title before the name.
            b = v
            while b > c + 2 and toks[b - 1].text == ",":
                b -= 1
            cut = c + 2
            while cut < b and not (toks[cut].text == "," and cut + 1 < b and toks[cut + 1].low in lex.appositive_cut):
                cut += 1
            if sp.type in ("person", "organisation") and toks[c + 2].low not in lex.appositive_cut:
                sp.role = self._clean_role(self._span_text(toks, c + 2, cut)) or sp.role  # not ", whose ...,"
            if opens or (c == v - 2 and sp.type == "person" and self._plain_name(sp.name)):
                return sp  # the clause's subject, or a plain name after its role ("Role, Jane Dooley, said")
            nearest = sp
        if nearest is not None:
            return nearest
        # Sentence subject with a modifier: "Inspectors visiting the borough in April found that ..."
        got = self.speaker_starting_at(toks, s, v)
        if got is not None:
            sp, end = got
            gap = toks[end:v]
            # A coordinated verb may sit further from its subject ("Inspectors spent two weeks ... and said"), and
            # so may one after a participle phrase ("Inspectors visiting Wakefield for a second time ... found").
            far = toks[v - 1].low == "and" or (end < v and toks[end].low.endswith("ing"))
            limit = lex.settings["max_subject_distance"] * (2 if far else 1)
            if sp.type != "pronoun" and len(gap) <= limit and not any(
                    t.text in (",", ";", ":") or t.quote >= 0 for t in gap) and not self._verb_between(toks, end, v):
                return sp
        return None

    def _participle_subject(self, toks: list[Tok], v: int, s: int) -> Speaker | None:
        """The inspectorate opening the sentence that ", saying" (at toks[v]) hangs on: "The report is blunt about
        the rest, saying" / "Inspectors, who visited in May, rated services good, saying". Anyone else is left to
        an earlier reporting verb."""
        got = self.speaker_starting_at(toks, s, v)
        if got is None or got[0].type != "ofsted" or any(t.quote >= 0 for t in toks[got[1]:v]):
            return None
        return got[0]

    def _report_on(self, toks: list[Tok], k: int, s: int) -> tuple[Speaker, int] | None:
        """A report named with what it is about, the phrase ending at k: "Ofsted's letter on Bolton", "the report
        into the council's services" (the report speaks, not the place)."""
        lex = self.lex
        for x in range(k, max(s, k - 5), -1):
            t = toks[x]
            if t.quote >= 0 or not t.text[:1].isalnum() or (x < k and t.low in lex.verb_first):
                return None
            if t.low in lex.report_subjects and toks[x - 1].low in lex.report_nouns:
                got = self.speaker_ending_at(toks, x - 1, s)
                return got if got is not None and got[0].name == "the report" else None
        return None

    def _verb_between(self, toks: list[Tok], a: int, b: int) -> bool:
        """A reporting verb of its own in toks[a:b] (not "went on to say"): the sentence subject belongs to it,
        not to a later verb ("Committee chair Jane Doe said members would want to see ...")."""
        for x in range(a, b):
            got = self.verb_at(toks, x, b)
            if got is not None and got[0].where in ("both", "head") and not self._passive(toks, x, a):
                return True  # a passive ("since the service was judged inadequate") has no subject of its own here
        return False

    def _relative_subject(self, toks: list[Tok], v: int, s: int) -> Speaker | None:
        """The subject before a relative clause that ends at the verb: "Kent's director of children's services,
        who joined in 2022, said" (a role) / "A monitoring visit to Kent, which was judged inadequate, found"."""
        if v - 2 <= s or toks[v - 1].text != ",":
            return None
        lo = max(s, v - self.lex.settings["max_apposition_tokens"])
        c = next((x for x in range(v - 2, lo, -1) if toks[x].text == "," and toks[x + 1].low in ("who", "which")), None)
        if c is None or any(t.quote >= 0 for t in toks[c:v]):
            return None
        start = c - 1
        while start > s and toks[start - 1].quote < 0 and toks[start - 1].text not in _CLAUSE_MARKS:
            start -= 1
        got = self.speaker_ending_at(toks, c - 1, start)
        if got is not None and got[1] == start and got[0].type != "pronoun":
            return got[0]
        got = self.speaker_starting_at(toks, start, c)
        if got is not None and got[0].type == "ofsted" and (got[1] == c or toks[got[1]].low in self.lex.prepositions):
            return got[0]  # the inspection or visit, not the council it went to
        return None

    @staticmethod
    def _after_comma(toks: list[Tok], a: int, s: int) -> bool:
        """toks[a] follows a comma, or a comma and an age: "A care leaver, 19-year-old Jade, said"."""
        if a > s and _AGE.fullmatch(toks[a - 1].low):
            a -= 1
        return a > s and toks[a - 1].text == ","

    def _after_article(self, toks: list[Tok], a: int, c: int, pos: int) -> bool:
        """The name of a candidate found in toks[a..c] (starting at offset pos) follows "the"."""
        for x in range(a, c + 1):
            if toks[x].start == pos:
                return x > 0 and toks[x - 1].low == "the"
        return False

    def _plain_name(self, name: str | None) -> bool:
        """A person's name of two or more capitalised words with no role, group or organisation word."""
        lex = self.lex
        words = (name or "").split()
        return len(words) >= 2 and all(w[:1].isupper() and fold(w) not in lex.role_words and fold(w) not in
                                       lex.person_nouns and fold(w) not in lex.org_words for w in words)

    def _passive(self, toks: list[Tok], v: int, s: int) -> bool:
        """The reporting verb at toks[v] is a passive participle: "was praised", "has been described"."""
        if toks[v].low.endswith("ing"):
            return False
        p = v - 1
        while p >= s and (toks[p].low in self.lex.fillers or toks[p].low == "not"):
            p -= 1
        return p >= s and toks[p].low in self.lex.passive_auxiliaries

    def _agent(self, toks: list[Tok], i: int, qi: int) -> Speaker | None:
        """The agent of a passive reporting verb before the quote: "by inspectors", "in a report", "in
        Ofsted's letter" (a place after "in" is not one)."""
        lex = self.lex
        for j in range(i, qi):
            t = toks[j]
            if t.quote >= 0:
                return None
            if t.low == "by":
                got = self.speaker_starting_at(toks, j + 1, qi)
                if got is not None:
                    return got[0]
            elif t.low == "in" and any(x.low in lex.source_nouns or x.low in lex.report_nouns
                                       for x in toks[j + 1:min(qi, j + 6)]):
                got = self._source_after(toks, j + 1, qi)
                if got is not None and got[0].type != "pronoun":
                    return got[0]
        return None

    def _head(self, toks: list[Tok], s: int, qi: int) -> Speaker | None:
        """A speaker introduced before the quote in its sentence."""
        for v in range(qi - 1, s - 1, -1):
            got = self.verb_at(toks, v, qi)
            if got is None:
                owner = self._finding_owner(toks, v, s, qi) or self._pledge_maker(toks, v, s, qi)
                if owner is not None:
                    return owner
                continue
            verb, n = got
            cue = " ".join(t.low for t in toks[v:v + n])
            if verb.where == "prep":
                sp = self._source_after(toks, v + n, qi)
                if sp is not None:
                    return replace(sp[0], cue=cue)
                continue
            if verb.where == "tail" and not (v + n < len(toks) and (toks[v + n].text == ":" or v + n == qi)):
                continue  # "continued" reports only right before the quote ("He continued: ...")
            if self._passive(toks, v, s):
                # "Southwark was commended for ...": the subject is what was praised, not the speaker; the
                # speaker is the agent ("by inspectors", "in a report") or is sought elsewhere in the sentence.
                sp = self._agent(toks, v + n, qi)
                if sp is not None:
                    return replace(sp, cue=cue)
                self._passive_seen = True
                continue
            if v + n < qi and toks[v + n].low == "by":  # "described by Ofsted as"
                sp = self.speaker_starting_at(toks, v + n + 1, qi)
                if sp is not None:
                    return replace(sp[0], cue=cue)
            sp = self._subject_of(toks, v, s, verb)
            if sp is not None and sp.pronoun == "it" and verb.lemma in self.lex.impersonal_verbs:
                continue  # "It is clear that ...": nobody speaks
            if sp is not None:
                return replace(sp, cue=cue)
        if qi - 1 > s and toks[qi - 1].text == ":":  # a name alone before a colon: 'Jane Dooley: "..."'
            got = self.speaker_starting_at(toks, s, qi - 1)
            if got is not None and got[0].type != "pronoun" and (
                    got[0].type != "person" or " " in (got[0].name or "")):
                sp, end = got
                role = self._role_after(toks, end, qi - 1)
                if end == qi - 1 or role is not None:
                    if role and not sp.role:
                        sp.role = role
                    return sp
        return None

    def _finding_owner(self, toks: list[Tok], v: int, s: int, qi: int) -> Speaker | None:
        """The inspectorate owning a finding that introduces the quote: "the report's conclusion that leaders had
        '...'", "Ofsted's verdict that ...", "inspectors' finding that ..."."""
        if toks[v].low not in self.lex.finding_nouns or v + 1 >= qi or toks[v + 1].low != "that" or v - 1 < s:
            return None
        e = v - 1
        if toks[e].low.endswith("s'"):  # "inspectors' finding that"
            last = toks[e].low[:-1]
        elif toks[e].is_possessive:
            last = toks[e].low[:-2]
        else:
            return None
        for n in range(min(self.lex.max_phrase_len, e - s + 1), 0, -1):
            ph = self._phrase((*(t.low for t in toks[e - n + 1:e]), last))
            if ph is not None and ph.kind == "ofsted":
                return Speaker(ph.speaker, ph.kind, ph.number, pos=toks[e - n + 1].start,
                               cue=" ".join(t.low for t in toks[v:v + 2]))
        return None

    def _pledge_maker(self, toks: list[Tok], v: int, s: int, qi: int) -> Speaker | None:
        """Whoever made a commitment that introduces the quote: "the commitment your chief executive, Sam Ferrant,
        has made publicly that the council is '...'", "the assurance given by the director that ..."."""
        lex = self.lex
        if toks[v].low not in lex.pledge_verbs:
            return None
        cue = toks[v].low
        if v + 1 < qi and toks[v + 1].low == "by":  # "the promise made by Ofsted that ..."
            got = self.speaker_starting_at(toks, v + 2, qi)
            if got is None:
                return None
            sp, j = got
            first = v - 1
        else:
            sp = self._subject_of(toks, v, s, Verb(cue, "head"))
            j = v + 1
            first = next((x for x in range(s, v) if sp is not None and toks[x].start == sp.pos), None)
            if sp is None or first is None:
                return None
            first -= 1
        while j < qi and toks[j].low in lex.fillers:
            j += 1
        if j >= qi or toks[j].low != "that":
            return None
        if not any(toks[x].low in lex.pledge_nouns for x in range(max(s, first - 6), first + 1)):
            return None  # "the council has made it clear that": no commitment named
        return replace(sp, cue=cue)

    def _sentence_tail(self, toks: list[Tok], i: int, e: int, coordinated: bool = False) -> Speaker | None:
        """A reporting clause later in the sentence: ', inspectors found.' / 'noted by inspectors'; with
        `coordinated`, also one joined by a conjunction (', though inspectors added that ...')."""
        for j in range(i, e):
            t = toks[j]
            if t.text == ",":
                sp = self._tail_clause(toks, j + 1, e)
                if sp is None and coordinated and j + 2 < e and toks[j + 1].low in self.lex.clause_conjunctions:
                    sp = self._tail_clause(toks, j + 2, e)
                if sp is not None:
                    return sp
                continue
            got = self.verb_at(toks, j, e)
            if got is None:
                continue
            verb, n = got
            if verb.where == "prep":
                sp = self._source_after(toks, j + n, e)
                if sp is not None:
                    return replace(sp[0], cue=" ".join(x.low for x in toks[j:j + n]))
            elif j + n < e and toks[j + n].low == "by":
                sp = self.speaker_starting_at(toks, j + n + 1, e)
                if sp is not None:
                    return replace(sp[0], cue=" ".join(x.low for x in toks[j:j + n]))
        return None

    def clause_speaker(self, para: _Para, si: int) -> Speaker | None:
        """Speaker of a sentence: its last quote's speaker, else a reporting clause in it."""
        a, b = para.sents[si]
        toks = para.toks
        for i in range(b - 1, a - 1, -1):
            if toks[i].quote >= 0 and self.results.get(toks[i].quote) is not None:
                return self.results[toks[i].quote]
        sp = self._head(toks, a, b) or self._sentence_tail(toks, a, b) or self._tail_clause(toks, a, b)
        return self.resolve(sp) if sp is not None else None

    # ----------------------------------------------------------------- main entry
    def attribute(self, qi: int) -> tuple[Speaker | None, bool]:
        """(speaker, attributed within its own sentence) for quote qi, called in text order."""
        q = self.quotes[qi]
        para = self.para(q.para)
        toks = para.toks
        ti = para.quote_tok[qi]
        si = next(n for n, (a, b) in enumerate(para.sents) if a <= ti < b)
        s, e = para.sents[si]
        own = True
        sp = None
        # 1. right after the quote
        if ti + 1 < len(toks) and toks[ti + 1].quote < 0 and not self._colon_led(toks, s, ti, qi):
            hi = e if e > ti + 1 else len(toks)
            cand = self._tail_clause(toks, ti + 1, hi)
            if cand is not None and self._quote_ends_sentence(qi):
                k = ti + 1
                # after a full stop inside the marks only a short clause ending the sentence is an attribution
                while k < len(toks) and toks[k].text not in _END and toks[k].text not in (":", ",") and toks[
                        k].quote < 0:
                    k += 1
                if k < len(toks) and (toks[k].text == ":" or toks[k].quote >= 0):
                    cand = None
            sp = cand
        # 2. before it in the sentence; 3. later in the sentence
        self._passive_seen = False
        if sp is None:
            sp = self._head(toks, s, ti)
        if sp is None:
            sp = self._sentence_tail(toks, ti + 1, e, coordinated=self._passive_seen)
        if sp is None:
            own = False
            only_quotes = all(t.quote >= 0 or not t.text[:1].isalnum() for t in toks[s:e])
            for sj in range(si - 1, max(-1, si - 6), -1):  # 4. earlier sentences of the paragraph
                sp = self.clause_speaker(para, sj)
                if sp is not None:
                    break
            if sp is None and si == 0 and only_quotes and len(para.sents) == 1:
                sp = self._named_after(q.para)  # 5a. 'Those were the words of Jane Dooley, ...' below it
            if sp is None and si == 0 and only_quotes and q.para > 0:  # 5. previous paragraph
                prev = self.para(q.para - 1)
                if not self.is_heading(q.para - 1):
                    for sj in range(len(prev.sents) - 1, -1, -1):
                        sp = self.clause_speaker(prev, sj)
                        if sp is not None:
                            break
            if sp is None:  # 6. a reporting clause later in the paragraph
                for sj in range(si + 1, min(len(para.sents), si + 6)):
                    a, b = para.sents[sj]
                    if any(t.quote >= 0 for t in toks[a:b]):
                        continue
                    sp = self.clause_speaker(para, sj)
                    if sp is not None:
                        break
        if sp is not None:
            sp = self.resolve(sp)
        self.results[qi] = sp
        if sp is not None and sp.name:
            self.history.append((q.open, sp))
        return sp, own

    def _colon_led(self, toks: list[Tok], s: int, ti: int, qi: int) -> bool:
        """A whole sentence quoted after a colon that names its speaker: 'Jane Doe read from the letter: "...."
        She said ...' (what follows the full stop is a new sentence, not an attribution)."""
        if ti - 1 <= s or toks[ti - 1].text != ":" or not self._quote_ends_sentence(qi):
            return False
        return self._head(toks, s, ti) is not None

    def _named_after(self, pi: int) -> Speaker | None:
        """The speaker of a quote-only paragraph named by the next paragraph, which opens by pointing back at it:
        'Those were the words of Jane Dooley', 'That was the verdict from the union', 'Such comments came from'."""
        if pi + 1 >= len(self.paras):
            return None
        nxt = self.para(pi + 1)
        toks = nxt.toks
        a, b = nxt.sents[0]
        if a >= b or toks[a].low not in self.lex.backref_openers:
            return None
        if tuple(t.low for t in toks[a:a + 3]) in self.lex.backref_manner:  # "That is how Jane, 19, describes it"
            got = self.speaker_starting_at(toks, a + 3, b)
            return got[0] if got is not None and got[0].type != "pronoun" else None
        for j in range(a + 1, min(b - 1, a + 8)):
            if toks[j].low in self.lex.speech_nouns:
                k = j + 1
                while k < b and k - j <= 2 and toks[k].low in self.lex.backref_links:
                    k += 1  # "came from", "were made by"; not "were echoed by" (someone agreeing)
                if k < b and (toks[k].low in self.lex.affiliation_words or toks[k].low == "by"):
                    got = self.speaker_starting_at(toks, k + 1, b)
                    if got is not None and got[0].type != "pronoun":
                        sp, end = got
                        if sp.type in ("person", "organisation") and not sp.role:
                            sp.role = self._role_after(toks, end, b)
                        return sp
                return None
        return None

    def headline_para(self) -> int:
        """The headline: the first paragraph of the leading run of heading lines with enough words to be one
        (a section label such as "Society | Children's services" above it is not)."""
        if self._headline is None:
            self._headline = 0
            for pi in range(len(self.paras)):
                if not self.is_heading(pi):
                    break
                ps, pe = self.paras[pi]
                words = sum(1 for w in TOKEN.findall(self.text, ps, pe) if w[:1].isalnum())
                if words >= self.lex.settings["headline_min_words"]:
                    self._headline = pi
                    break
        return self._headline

    def is_heading(self, pi: int) -> bool:
        ps, pe = self.paras[pi]
        body = self.text[ps:pe].rstrip(" \t\r\n’'\"”)]")
        return len(body.split()) <= self.lex.settings["heading_max_words"] and body[-1:] not in ".!?…:;,"

    # ----------------------------------------------------------------- resolution
    def resolve(self, sp: Speaker) -> Speaker:
        if sp.type == "pronoun":
            got = self._antecedent(sp)
            if got is None:
                return replace(sp, name=None, type="unknown")
            if got.type == "person" and got.name and len(got.name.split()) == 1:
                got = replace(got, name=self.full_name(got.name, got.pos))  # "Kayleigh Dunn, 32, ..." then "she"
            return replace(got, pos=sp.pos, cue=sp.cue, role=got.role)
        if sp.type == "person" and sp.pronoun == "role" and sp.name:
            named = self.name_for_role(sp.name) or self._named_next(sp.pos)
            return replace(sp, name=named, role=self._clean_role(sp.name), pronoun=None) if named else sp
        if sp.type == "person" and sp.name and len(sp.name.split()) == 1:
            return self._single_name(sp)
        if sp.type == "organisation" and sp.name == "the council":
            named = self.council_name(sp.pos)
            if named:
                return replace(sp, name=named)
        if sp.type == "organisation" and sp.name and sp.name.startswith("the ") and sp.name[4:] in \
                self.lex.named_org_heads:
            named = self.org_name(sp.name[4:], sp.pos)  # "the partnership" -> "Wigan Safeguarding ... Partnership"
            if named:
                return replace(sp, name=named)
        if sp.type == "organisation" and sp.name and sp.name.isupper() and 2 <= len(sp.name) <= 6:
            full = self.acronyms().get(sp.name)  # "LGA" -> "Local Government Association", as the text spelt it out
            if full:
                return replace(sp, name=full)
            person = self.attendees().get(sp.name)  # minutes: "MA said", MA on the list of those present
            if person:
                return replace(sp, name=person, type="person")
        return sp

    def _single_name(self, sp: Speaker) -> Speaker:
        """A one-word person speaker: a place is its council as the text names it in full ("Derbyshire said" ->
        "Derbyshire County Council") or an organisation by itself; a surname is given its fullest form."""
        name = sp.name or ""
        is_place = fold(name) in self.lex.places
        council = self._council_of(name) if is_place else None
        if council:
            return replace(sp, name=council, type="organisation")
        full = self.full_name(name, sp.pos)
        if is_place and full == name:
            return replace(sp, type="organisation")
        return replace(sp, name=full)

    def _council_of(self, place: str) -> str | None:
        """The fullest council name in the text whose place is exactly `place` ("Derby City Council" for "Derby",
        not for "Derbyshire")."""
        lex = self.lex
        best = None
        for _, council in self.councils():
            words = [w for w in council.split() if fold(w) not in lex.council_modifiers and fold(w) not in
                     lex.council_tails]
            if " ".join(words) == place and (best is None or len(council) > len(best)):
                best = council
        return best

    def _named_next(self, pos: int) -> str | None:
        """A person named only by role is the named person who carries on in the next paragraph: "Kent's director
        of children's services said ... / Jane Doe, who joined in 2022, added that ..."."""
        pi = bisect.bisect_right(self._para_starts, pos) - 1
        if pi + 1 >= len(self.paras) or self.is_heading(pi + 1):
            return None
        para = self.para(pi + 1)
        toks = para.toks
        a, b = para.sents[0]
        for v in range(a, b):
            got = self.verb_at(toks, v, b)
            if got is None:
                continue
            if got[0].lemma not in self.lex.followup_verbs:
                return None
            sp = self._subject_of(toks, v, a, got[0])
            if sp is not None and sp.type == "person" and sp.pos == toks[a].start and self._plain_name(sp.name):
                return sp.name
            return None
        return None

    def acronyms(self) -> dict[str, str]:
        """Acronyms the text spells out: "the Local Government Association (LGA)" -> {"LGA": "Local Government
        Association"} (the capitalised words' initials must spell the acronym)."""
        if self._acronyms is None:
            self._acronyms = {}
            for m in _ACRONYM_RE.finditer(self.text):
                words = m.group(1).split()
                acr = m.group(2)
                for start in range(len(words)):
                    cand = words[start:]
                    if not cand[0][:1].isupper():
                        continue
                    initials = "".join(w[0] for w in cand if w[:1].isupper())
                    if initials == acr:
                        self._acronyms.setdefault(acr, " ".join(cand))
                        break
        return self._acronyms

    def attendees(self) -> dict[str, str]:
        """Initials -> name from the attendance list of minutes, one person a line with the initials last: "Sir
        Jane Doe - Independent Chair (JD)" -> {"JD": "Jane Doe"} (the initials must spell the name's end)."""
        if self._attendees is None:
            self._attendees = {}
            for m in _ATTENDEE_LINE.finditer(self.text):
                words = _ATTENDEE_CUT.split(m.group(1), maxsplit=1)[0].split()
                acr = m.group(2)
                if len(words) < len(acr) or not all(w[:1].isupper() for w in words[-len(acr):]):
                    continue
                if "".join(w[0] for w in words[-len(acr):]) == acr:
                    self._attendees.setdefault(acr, " ".join(words[-len(acr):]))
        return self._attendees

    def name_for_role(self, phrase: str) -> str | None:
        """The person the text names with this role elsewhere: "Leon Azure (Director of Children's Social
        Care)", "Jane Dooley, the council's director of children's services," or "director ... Jane Dooley"."""
        if phrase not in self._role_names:
            self._role_names[phrase] = self._find_role_name(phrase)
        return self._role_names[phrase]

    def _find_role_name(self, phrase: str) -> str | None:
        words = phrase.split()
        while words and (fold(words[0]) in self.lex.role_openers or words[0].endswith(("'s", "’s"))):
            words.pop(0)
        if len(words) == 1:
            return self._listed_role(words[0])  # minutes: "the Director", one listed as "Jane Doe (Director ...)"
        if not words:
            return None
        found = self._role_name_match(words)
        cut = next((i for i, w in enumerate(words) if fold(w) in ("of", "for", "at")), len(words))
        if found is None and 2 <= cut < len(words):
            # "the chief inspector of Ofsted" is the "Margaret Tully, Her Majesty's chief inspector" named before
            found = self._role_name_match(words[:cut])
        return found

    def _listed_role(self, word: str) -> str | None:
        """The one person listed with a role that begins with the capitalised `word`, as minutes list those
        present: "Jane Doe (Director of Children's Services)" for "the Director" ("Assistant Director" is not)."""
        if not word[:1].isupper() or fold(word) not in self.lex.role_heads:
            return None  # "the director" alone is too vague to pin on a name
        pat = re.compile(rf"((?:{_CAP_WORD})(?:\s+(?:{_CAP_WORD}))+)\s*\(\s*{re.escape(word)}\b")
        names = {m.group(1) for m in pat.finditer(self.text)}
        return names.pop() if len(names) == 1 else None

    def _role_name_match(self, words: list[str]) -> str | None:
        role = r"\s+".join(_APOS.sub("['’]", re.escape(w)) for w in words)
        name = rf"((?:{_CAP_WORD})(?:{_GAP}(?:{_CAP_WORD}))+)"  # a name never runs over a blank line
        pat = re.compile(rf"{name}\s*(?:\(|,\s*)(?:the\s+)?(?:(?:[\w’']+\s+)?[\w’']+['’]s\s+)?(?i:{role})\b"
                         rf"|(?i:{role})\s*,?\s+{name}")
        for m in pat.finditer(self.text):
            got = m.group(1) or m.group(2)
            ws = got.split()
            while ws and (fold(ws[0]) in self.lex.titles or fold(ws[0]) in self.lex.name_stop):
                ws.pop(0)
            if len(ws) >= 2 and not any(fold(w) in self.lex.org_words or fold(w) in self.lex.role_words for w in ws):
                return " ".join(ws)
        return self._bracketed_name(role)

    def _bracketed_name(self, role: str) -> str | None:
        """The name in brackets after a role, as minutes write it: "The Cabinet Member for Children and Families
        (Councillor Bellamy)"; a surname after a title is completed from the rest of the text."""
        name = rf"((?:(?:{_CAP_WORD})\.?\s+){{0,3}}(?:{_CAP_WORD}))"
        pat = re.compile(rf"(?<![\w-])(?i:{role})\b[^()\n.;:]{{0,80}}?\(\s*{name}\s*\)")
        lex = self.lex
        for m in pat.finditer(self.text):
            ws = m.group(1).replace(".", "").split()
            titled = fold(ws[0]) in lex.titles
            while ws and fold(ws[0]) in lex.titles:
                ws.pop(0)
            if not ws or (len(ws) == 1 and not titled) or any(
                    fold(w) in lex.org_words or fold(w) in lex.role_words or fold(w) in lex.name_stop for w in ws):
                continue
            return self.full_name(ws[0], m.start()) if len(ws) == 1 else " ".join(ws)
        return None

    def council_name(self, pos: int) -> str | None:
        """The council a generic "the council" speaker refers to: the nearest one named before it."""
        councils = self.councils()
        i = bisect.bisect_left(councils, (pos, "")) - 1
        return councils[i][1] if i >= 0 else None

    def org_name(self, head: str, pos: int) -> str | None:
        """The organisation a generic "the partnership" / "the trust" speaker at pos refers to: the nearest one named
        before it, outside quotes, whose name ends in that word ("The Nottingham City Safeguarding Children
        Partnership, which includes ..., has endorsed the plan. ... the partnership said")."""
        word = rf"(?:{_CAP_WORD}|[A-Z]{{2,}})"
        pat = re.compile(rf"\b((?:{word}{_GAP}(?:(?:of|for|and|in|on|&){_GAP})?){{1,8}}){head.capitalize()}\b")
        best = None
        for m in pat.finditer(self.text, 0, pos):
            if self._inside_quote(m.start()):
                continue
            words = m.group(1).split()
            cut = max((i + 1 for i, w in enumerate(words) if fold(w) in self.lex.council_tails), default=0)
            words = words[cut:]  # "Kent County Council and Kent Safeguarding Children Partnership"
            while words and (fold(words[0]) in self.lex.function_words or fold(words[0]) in self.lex.org_connectors):
                words.pop(0)
            if words and fold(words[-1]) not in self.lex.org_connectors:
                best = " ".join([*words, head.capitalize()])
        return best

    def councils(self) -> list[tuple[int, str]]:
        """(offset, name) of every council the text names outside quotes, "the county council" included."""
        if self._councils is None:
            self._councils = []
            for m in COUNCIL_RE.finditer(self.text):
                if self._inside_quote(m.start()):
                    continue
                words = m.group().split()
                while words and fold(words[0]) in self.lex.function_words:
                    words.pop(0)
                if len(words) >= 2 and (words[-1] == "Council" or self._place_council(words)):
                    self._councils.append((m.start(), " ".join(words)))
            # "the county council" names again the county council named before it ("Exshire County Council ...
            # Exton City Council ... the county council's committee"): it counts as a mention of that one.
            named = self._councils
            latest: dict[str, str] = {}  # kind word -> the last council named with it, one pass in text order
            extra = []
            i = 0
            for m in _KIND_COUNCIL_RE.finditer(self.text):
                while i < len(named) and named[i][0] < m.start():
                    for w in fold(named[i][1]).split():
                        if w in self.lex.council_modifiers:
                            latest[w] = named[i][1]
                    i += 1
                kind = m.group(1).lower()
                if kind in latest and not self._inside_quote(m.start()):
                    extra.append((m.start(), latest[kind]))
            self._councils = sorted(named + extra)
        return self._councils

    def _place_council(self, words: list[str]) -> bool:
        """A council named in lower case ("Birmingham city council", "Bromley council") is one only after a
        place the gazetteer knows, not after any capitalised word ("the Labour-run council")."""
        lex = self.lex
        place = [w for w in words if fold(w) not in lex.council_modifiers and fold(w) not in lex.council_tails]
        return bool(place) and fold(" ".join(place)) in lex.places

    def full_name(self, surname: str, pos: int) -> str:
        """Fullest name given for a surname: "Clemo" -> "Niki Clemo"."""
        key = surname
        if key in self._names:
            return self._names[key]
        best = surname
        for _, sp in self.history:
            if sp.type == "person" and sp.name and sp.name.endswith(" " + surname) and len(sp.name) > len(best):
                best = sp.name
        first = fold(surname)
        if best == surname and (first in self.lex.female_names or first in self.lex.male_names):
            # a first name alone ("Dominic") after the full name was given ("Dominic Achebe, 17, ...")
            m = re.search(rf"\b{re.escape(surname)}\s+((?:{_CAP_WORD}))\b", self.text)
            if m and fold(m.group(1)) not in self.lex.name_stop and fold(m.group(1)) not in self.lex.org_words:
                best = f"{surname} {m.group(1)}"
        if best == surname:
            pat = re.compile(rf"\b((?:(?:{_CAP_WORD})\s+){{1,3}}){re.escape(surname)}\b")
            for m in pat.finditer(self.text):
                words = m.group(1).split()
                while words and (fold(words[0]) in self.lex.name_stop or fold(words[0]) in self.lex.titles
                                 or fold(words[0]) in self.lex.role_words):
                    words.pop(0)
                if words and not any(fold(w) in self.lex.org_words or fold(w) in self.lex.name_stop for w in words):
                    cand = " ".join([*words, surname])
                    if len(cand) > len(best):
                        best = cand
                        break
        if best == surname:
            best = self._initial_names().get(surname, surname)  # "Councillors R Bellamy, S Chen and ..."
        self._names[key] = best
        return best

    def _initial_names(self) -> dict[str, str]:
        """Surname -> initial and surname, from names written after a title, singly or in a list, as minutes
        list those present: "Councillor J Akintola (Chair), Councillors R Bellamy, S Chen and M Whitlock"."""
        if self._initials is None:
            self._initials = {}
            titles = "|".join(re.escape(t) for t in sorted(self.lex.titles, key=len, reverse=True))
            title = rf"\b(?i:{titles})s?\.?\s+"
            item = re.compile(rf"((?:[A-Z]\.?\s+){{1,2}}(?:{_CAP_WORD}))\b(?:\s*\([^()\n]{{0,40}}\))?")
            sep = re.compile(rf"\s*(?:,|\band\b)\s*(?:{title})?")
            for m in re.finditer(title, self.text):
                pos = m.end()
                while (it := item.match(self.text, pos)) is not None:
                    name = " ".join(it.group(1).split())
                    self._initials.setdefault(name.split()[-1], name)
                    nxt = sep.match(self.text, it.end())
                    if nxt is None:
                        break
                    pos = nxt.end()
        return self._initials

    def _para_mentions(self, pi: int) -> list[tuple[int, str, Speaker]]:
        """Candidate antecedents in a paragraph, outside quotes: (offset, class, speaker)."""
        if pi in self._mentions:
            return self._mentions[pi]
        lex = self.lex
        out: list[tuple[int, str, Speaker]] = []
        ps, pe = self.paras[pi]
        low = fold(self.text[ps:pe])
        for m in lex.phrase_re.finditer(low):
            pos = ps + m.start()
            if self._inside_quote(pos):
                continue
            ph = lex.phrases.get(tuple(m.group().split()))
            if ph is None:
                continue
            before = _LAST_WORD.search(low, max(0, m.start() - 30), m.start())
            prev = before.group(1) if before else ""
            # An object ("told inspectors that they ...") is not what a later pronoun refers to.
            if prev and ((prev,) in lex.verbs or (prev in lex.prepositions and prev != "by")):
                continue
            cls = "plural" if ph.number == "pl" else "neuter"
            out.append((pos, cls, Speaker(ph.speaker, ph.kind, ph.number, pos=pos)))
        ps, pe = self.paras[pi]
        for m in PERSON_RE.finditer(self.text, ps, pe):
            if self._inside_quote(m.start()):
                continue
            words = m.group().split()
            while words and (fold(words[0]) in lex.name_stop or fold(words[0]) in lex.titles
                             or fold(words[0]) in lex.role_words):
                words.pop(0)
            before = self.text[max(ps, m.start() - 14):m.start()].split()
            if before and fold(before[-1]) in lex.prepositions and not (
                    len(before) >= 2 and (fold(before[-2]), fold(before[-1])) in lex.verbs):
                continue  # an object: "the services provided by Northbury Council" (not "according to Jane Doe")
            if not words:
                named = self._role_mention(m.group(), before)
                if named is not None:
                    out.append((m.start(), "person", Speaker(named, "person", pos=m.start())))
                continue
            if any(_APOS.sub("'", w).endswith("'s") for w in words[:-1]):
                continue  # "Sunderland's Together for Children": a possessive inside is no person's name
            if len(words) >= 2 and any(fold(w) in lex.org_words for w in words):
                # "Hartlepool Borough Council said it ...": an organisation "it" can refer to.
                org = Speaker(" ".join(words), "organisation", pos=m.start())
                out.append((m.start(), "neuter", org))
                continue
            if len(words) < 2 or any(fold(w) in lex.name_stop for w in words) or not self._may_be_person(words):
                continue
            after = self.text[m.end():m.end() + 2]
            if after[:1] in "’'" and after[1:2] == "s":
                continue
            out.append((m.start(), "person", Speaker(" ".join(words), "person", pos=m.start())))
        for m in AGED_RE.finditer(self.text, ps, pe):
            if not self._inside_quote(m.start()) and fold(m.group(1)) not in lex.name_stop:
                out.append((m.start(), "person", Speaker(m.group(1), "person", pos=m.start())))
        out.extend(self._surname_mentions(ps, pe))
        out.sort(key=lambda x: x[0])
        self._mentions[pi] = out
        return out

    def _role_mention(self, phrase: str, before: list[str]) -> str | None:
        """The person a capitalised role after "the" stands for, when the text names who holds it: "the Portfolio
        Holder accepted the findings. He said ..." is "Councillor Cheng Liu, Portfolio Holder for ..." above."""
        words = phrase.split()
        if not before or fold(before[-1]) != "the" or not any(fold(w) in self.lex.role_heads for w in words):
            return None
        return self.name_for_role(phrase)

    def _surname_mentions(self, ps: int, pe: int) -> list[tuple[int, str, Speaker]]:
        """A surname alone opening a sentence, for a person the text names in full: "Ferreira is cautious." (a
        later "she said" refers to Nadia Ferreira)."""
        lex = self.lex
        out = []
        for m in SURNAME_SUBJECT_RE.finditer(self.text, ps, pe):
            word = m.group(1)
            w = fold(word)
            if self._inside_quote(m.start(1)) or w in lex.name_stop or w in lex.pronouns or w in lex.titles \
                    or w in lex.role_words or w in lex.org_words or w in lex.places:
                continue
            full = self.full_name(word, m.start(1))
            if full != word and self._plain_name(full):
                out.append((m.start(1), "person", Speaker(full, "person", pos=m.start(1))))
        return out

    def _may_be_person(self, words: list[str]) -> bool:
        """Not a place ("Central Bedfordshire") nor a law or plan ("the Children and Social Work Act")."""
        return fold(words[-1]) not in self.lex.non_person_tails and fold(" ".join(words)) not in self.lex.places

    def _inside_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._q_open, pos) - 1
        return i >= 0 and self.quotes[i].open <= pos < self.quotes[i].outer_end

    def _antecedent(self, sp: Speaker) -> Speaker | None:
        want = "organisation" if sp.pronoun == "spokesperson" else self.lex.pronouns.get(sp.pronoun or "", "neuter")
        pi = bisect.bisect_right(self._para_starts, sp.pos) - 1
        best: tuple[int, Speaker] | None = None
        for p in range(max(0, pi - self.lex.settings["window_paragraphs"]), pi + 1):
            for pos, cls, cand in self._para_mentions(p):
                if pos >= sp.pos:
                    break
                if self._compatible(want, cls, cand) and self._gender_ok(sp.pronoun, cand):
                    best = (pos, cand)
        # Earlier speakers, latest first, within a bounded stretch of text (never a scan of the whole document).
        horizon = self._para_starts[max(0, pi - 3 * self.lex.settings["window_paragraphs"])]
        for pos, cand in reversed(self.history):
            if pos < horizon:
                break
            if pos < sp.pos and self._compatible(want, None, cand) and self._gender_ok(sp.pronoun, cand):
                if best is None or pos >= best[0]:
                    best = (pos, cand)
                break
        if want == "person":
            # The subject of a reporting verb just before, even one named only by role, beats a plain mention or
            # an older speaker: "Reid ... Graham Fenwick ... / Fenwick said he was disappointed. / '...,' he said"
            got = self._reporting_subject(sp, pi)
            if got is not None and (best is None or best[0] < got[0]):
                return got[1]
        if best is None:
            return None
        return best[1]

    def _reporting_subject(self, sp: Speaker, pi: int) -> tuple[int, Speaker] | None:
        """(end offset of its sentence, person) for the latest quote-less sentence with a reporting clause before
        the pronoun, in its paragraph or the one before (there only a named or role subject, not a pronoun)."""
        for p in (pi, pi - 1):
            if p < 0 or (p < pi and self.is_heading(p)):
                break
            para = self.para(p)
            for si in range(len(para.sents) - 1, -1, -1):
                a, b = para.sents[si]
                if para.toks[b - 1].end > sp.pos or any(t.quote >= 0 for t in para.toks[a:b]):
                    continue
                cand = self._clause_subject(para, si, pronouns=p == pi)
                if cand is not None and cand.type == "person" and cand.name and self._gender_ok(sp.pronoun, cand):
                    return para.toks[b - 1].end, cand
        return None

    def _clause_subject(self, para: _Para, si: int, pronouns: bool) -> Speaker | None:
        """The resolved speaker of a reporting clause in a quote-less sentence; with pronouns=False, None when
        the clause's subject is itself a pronoun."""
        a, b = para.sents[si]
        toks = para.toks
        sp = self._first_subject(toks, a, b) or self._head(toks, a, b) or self._sentence_tail(toks, a, b) \
            or self._tail_clause(toks, a, b)
        if sp is None or (sp.type == "pronoun" and not pronouns):
            return None
        return self.resolve(sp)

    def _first_subject(self, toks: list[Tok], a: int, b: int) -> Speaker | None:
        """The subject of the first reporting verb in toks[a:b], the main clause of a sentence without a quote:
        "Fenwick said he was disappointed but that he recognised ..." (not the "he" of "recognised")."""
        for v in range(a, b):
            got = self.verb_at(toks, v, b)
            if got is None or got[0].where in ("prep", "tail") or self._passive(toks, v, a):
                continue
            sp = self._subject_of(toks, v, a, got[0])
            if sp is not None:
                return sp
        return None

    def _gender_ok(self, pronoun: str | None, cand: Speaker) -> bool:
        """"she" cannot refer to a man whose first name the gendered name lists know, nor "he" to a woman; neither
        refers to a place or a law taken for a person's name."""
        if pronoun not in ("he", "she") or cand.type != "person" or not cand.name:
            return True
        if not self._may_be_person(cand.name.split()):
            return False
        first = fold(cand.name.split()[0])
        return first not in (self.lex.male_names if pronoun == "she" else self.lex.female_names)

    @staticmethod
    def _compatible(want: str, cls: str | None, cand: Speaker) -> bool:
        if want == "person":
            return cand.type == "person"
        if want == "organisation":
            return cand.type == "organisation" or cand.name == "Ofsted"
        if want == "plural":
            return cand.type in ("ofsted", "organisation") and cand.number == "pl"
        return cand.type in ("ofsted", "organisation") and cand.number == "sg"
