"""Dates extractor: the spaCy component "ofsted_dates".

Writes doc._.date_mentions (one dict {text, value, granularity, start, end} per date expression; a range or
list gives one row per end) and fills doc._.published (ISO YYYY-MM-DD) when the reader left it empty and the
text states the document's own date (a letter's date line, "Report published: ...", a dateline near the top).

How it works: the patterns of patterns.json are joined into ONE compiled regular expression that runs over
doc.text (no per-token loop); each match is resolved in Python using the named groups. Word lists live beside
this file: months.json, weekdays.txt, negative_contexts.json (when a four-digit number is not a year) and
published.json (labels and datelines for the document date). Edit those files to extend the rules.

Decisions (the gold rules in GOLD-FORMAT.md "dates" are the spec):
- British text: numeric dates are day first ("05/12/2023" is 5 December 2023); ISO "2023-12-05" too.
- Financial / academic years written "2017/18", "2023-24" or "2017/2018" give ONE row: the first year, with
  year granularity (the period starts in that year). A four-digit dash range "2015-2018" gives both ends.
- Ranges and lists ("31 October and 1 November 2023", "12-14 March 2024", "April and May 2023") give one row
  per item; a missing month or year is taken from the end that states it (a range over New Year steps the
  first year back). A row's text is its own end when that end names its month, else the whole expression.
- Bare years count inside 1990-2039 unless the context makes the number something else (a count before a
  noun such as "2020 children", money, phone numbers, statute years "Children Act 1989", "2,000"); years
  from 1900 to 2099 outside that band need a time word before them ("since 1974").
- A day or month without a year ("29 April", "in April") takes its year from the document's date (same
  year, or the year before when the month would lie more than two months after the document date); with no
  document date it is left out: no invented years. A bare month needs a time word before it ("in April",
  "since March"), so "the March of Dimes", "Sarah March said" and the verb "may" are not dates.
- A day or month whose year is named by reference ("in April of that year", "12 March the following year")
  takes the last year stated before it (plus the offset in patterns.json "anaphoric"), never the document's
  year; with no year before it, it is left out.
- Relative expressions ("last year", "on Friday") are not resolved.
"""

from __future__ import annotations

import calendar
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import get_list
from pipeline.textspans import doc_text

_DATA = Path(__file__).parent
_GROUPS = ("d1", "m1", "y1", "yy1", "dmid", "mmid", "d2", "m2", "y2", "yy2")
_SPACE = r"[^\S\n]"  # whitespace inside a paragraph: a date never runs across a paragraph break
_DAY_NUM = re.compile(r"\d+")


def _read_list(name: str) -> list[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _alternation(words) -> str:
    """Regex alternation, longest first so that 'Sept' wins over 'Sep'."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _word_list_regex(words, anchor: str) -> re.Pattern:
    """Case-insensitive whole-word list anchored at the end ('$') or start ('^') of a context string."""
    alt = _alternation(words)
    if anchor == "$":
        return re.compile(rf"(?:^|(?<![\w’'.-]))(?:{alt}){_SPACE}*$", re.IGNORECASE)
    # Used with .match(text, pos): "^" would only match at the real start of the text, so none here.
    return re.compile(rf"{_SPACE}*(?:{alt})(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class _Pattern:
    name: str
    check: str | None
    groups: dict[str, str]  # short group name -> prefixed name in the joined regex


class _Rules:
    """Everything compiled once per process from the data files."""

    def __init__(self) -> None:
        months = json.loads((_DATA / "months.json").read_text(encoding="utf-8"))["months"]
        self.month_number: dict[str, int] = {}
        full, every, abbreviations = [], [], []
        for entry in months:
            for i, name in enumerate(entry["names"] + entry["abbreviations"]):
                for form in (name, name.upper()):
                    self.month_number[form] = entry["number"]
                    every.append(form)
                    (full if i < len(entry["names"]) else abbreviations).append(form)
        weekdays = [f for w in _read_list("weekdays.txt") for f in (w, w.upper())]
        spec = json.loads((_DATA / "patterns.json").read_text(encoding="utf-8"))
        years = spec["year_range"]
        self.core = (years["core_min"], years["core_max"])
        self.outer = (years["outer_min"], years["outer_max"])
        self.future_months = spec["year_less"]["future_months"]
        self.ahead_after = spec["year_less"]["ahead_after_months"]
        self.ahead_words = frozenset(w.lower() for w in spec["year_less"]["ahead_words"])
        self.strong_ahead_after = spec["year_less"]["strong_ahead_after_months"]
        self.strong_ahead_words = frozenset(w.lower() for w in spec["year_less"]["strong_ahead_words"])
        # "in April of that year", "on 3 May the following year": the year is named by reference.
        shift = {_SPACES.sub(" ", k.lower()): int(v) for k, v in spec["year_less"].get("anaphoric", {}).items()}
        self.anaphor_shift = shift
        phrases = "|".join(f"{_SPACE}+".join(map(re.escape, k.split())) for k in sorted(shift, key=len, reverse=True))
        self.anaphor = re.compile(rf",?{_SPACE}+({phrases})\b", re.IGNORECASE) if shift else None
        tokens = {
            "%WD%": rf"(?:{_alternation(weekdays)})\b\.?",
            "%MF%": rf"(?:{_alternation(full)})\b",
            # A full stop belongs to an abbreviation ("Dec. 2023"), never to a full name ending a sentence.
            "%M%": rf"(?:(?:{_alternation(full)})\b|(?:{_alternation(abbreviations)})\b\.?)",
            "%D%": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])",
            "%Y%": r"(?:1[89]\d\d|20\d\d)(?!\d)",
            "%SEP%": rf"(?:{_SPACE}*[-–—]{_SPACE}*|{_SPACE}+(?:to|and|until|till|through|&){_SPACE}+)",
            "%_0%": f"{_SPACE}*",
            "%_%": f"{_SPACE}+",
        }
        branches, self.patterns = [], {}
        for i, p in enumerate(spec["patterns"]):
            regex = p["regex"]
            for token, value in tokens.items():
                regex = regex.replace(token, value)
            prefix = f"p{i}_"
            regex = re.sub(r"\(\?P<(\w+)>", rf"(?P<{prefix}\1>", regex)
            regex = re.sub(r"\(\?P=(\w+)\)", rf"(?P={prefix}\1)", regex)
            names = set(re.findall(rf"\(\?P<{prefix}(\w+)>", regex))
            outer = f"p{i}"
            self.patterns[outer] = _Pattern(p["name"], p.get("check"), {g: prefix + g for g in _GROUPS if g in names})
            branches.append(f"(?P<{outer}>{regex})")
        # Every pattern starts with a digit, a month or a weekday. The lookbehinds keep us out of words, amounts
        # ("£2019") and number groups ("2,019"); the lookahead on the first three letters lets the engine
        # skip every other position cheaply (trying all branches at each capital letter would triple the cost).
        # A one-character class goes first: it rejects most positions before the lookbehinds run (2x faster).
        words = [*every, *weekdays]
        starts = _alternation({w[:3] for w in words})
        first = re.escape("".join(sorted({w[0] for w in words})))
        self.regex = re.compile(
            rf"(?=[0-9{first}])(?<![\w£$€#@/])(?<!\d[,.:–-])(?=\d|{starts})(?:" + "|".join(branches) + ")"
        )
        neg = json.loads((_DATA / "negative_contexts.json").read_text(encoding="utf-8"))
        self.neg_before = _word_list_regex(neg["before"], "$")
        self.neg_after = _word_list_regex(neg["after"], "^")
        self.determiner = _word_list_regex(neg["year_determiners"], "$")
        self.year_cue = _word_list_regex(neg["time_cues_before"], "$")
        self.month_cue = _word_list_regex(neg["month_cues_before"], "$")
        # "in April and May": the second month of a list is as much a date as the first.
        self.month_list = re.compile(rf"(?:{_alternation(full)})\b(?:,|{_SPACE}+(?:and|or|to)){_SPACE}*$")
        self.digit_before = re.compile(r"\d[^\S\n]?$")
        self.digit_after = re.compile(r"[^\S\n]?\d")
        self.possessive_after = re.compile(r"[’']s\b")
        pub = json.loads((_DATA / "published.json").read_text(encoding="utf-8"))
        labels = _alternation(pub["labels"])
        time = r"(?:\d{1,2}[:.]\d{2}(?:[^\S\n]*[ap]\.?m\.?)?[^\S\n,]*,?[^\S\n]*)?"
        # The label must open its paragraph or follow a separator ("CYP Now | Published: ..."), so that
        # "Closing date: ..." or "a report published on ..." in running text do not count.
        self.label = re.compile(rf"(?:^|[|•·–—]){_SPACE}*({labels}){_SPACE}*[:|–-]?{_SPACE}*{time}$", re.IGNORECASE)
        self.label_rank = {w.lower(): i for i, w in enumerate(pub["labels"])}
        self.byline = re.compile(
            # "by Jane Smith on 5 May 2024", "By Jane Smith | CYP Now | 5 May 2024", "By Jane Smith, Local Democracy
            # Reporter, 5 May 2024": the name, up to three short outlet or role segments, then the date.
            # A byline opens its paragraph (or follows a separator): "published by Ofsted on 5 March" is not one.
            # Mid-paragraph, only "by <First> <Last> on <date>" (a standfirst run into its byline).
            rf"(?:(?:^|[|•·–—]){_SPACE}*[Bb]y{_SPACE}+(?:[A-Z][\w.'’-]*{_SPACE}*){{1,4}}"
            rf"(?:[|,–—-]{_SPACE}*(?:[A-Za-z][\w&'’.-]*{_SPACE}*){{1,8}}){{0,3}}(?:[|,–—-]{_SPACE}*)?(?:on{_SPACE}+)?"
            rf"|\b[Bb]y{_SPACE}+(?:[A-Z][\w.'’-]*{_SPACE}+){{2,4}}on{_SPACE}+)$",
            re.MULTILINE)
        self.byline_max = pub["byline_max_paragraph"]
        self.dateline_max = pub["dateline_max_paragraph"]
        self.salutation = re.compile(pub["salutation"], re.I | re.M)
        self.salutation_max_chars = pub["salutation_max_chars"]
        self.dateline_words = pub["dateline_max_other_words"]
        self.dateline_negative = re.compile(rf"\b(?:{_alternation(pub['dateline_negative_words'])})\b", re.I)
        self.word = re.compile(r"[A-Za-z0-9]+")


@lru_cache(maxsize=1)
def rules() -> _Rules:
    return _Rules()


@dataclass
class _End:
    """One date of an expression; year None means 'take it from the document date'."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    group: int  # index of the match it came from (a range's ends share it)


class DateExtractor:
    def __init__(self, name: str = "ofsted_dates"):
        self.name = name
        self.rules = rules()

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ends = self.find(text)
        if doc._.published is None:
            doc._.published = self.published(text, ends)
        anchor = _anchor(doc._.published, text, ends, self.rules)
        mentions = get_list(doc, "date_mentions")
        for e in ends:
            year = e.year
            if year is None:
                if anchor is None or e.month is None:
                    continue
                # A month well after the document date is more likely last year's ("visited in November"
                # in a January article); a near one is this year's ("from April" in March).
                year = anchor[0] - 1 if e.month - anchor[1] > self.rules.future_months else anchor[0]
                back = anchor[1] - e.month
                ahead = self._looks_ahead(text, e.start) if back > self.rules.strong_ahead_after else None
                if ahead == "strong" or ahead and back > self.rules.ahead_after:
                    year = anchor[0] + 1  # "by the end of January" in a December text
            value = _iso(year, e.month, e.day)
            if value is None:
                continue
            granularity = "day" if e.day else "month" if e.month else "year"
            mentions.append({"text": text[e.start:e.end], "value": value, "granularity": granularity,
                             "start": e.start, "end": e.end})
        return doc

    # -- matching ---------------------------------------------------------------------------------------
    def find(self, text: str) -> list[_End]:
        r = self.rules
        out: list[_End] = []
        for n, m in enumerate(r.regex.finditer(text)):
            pat = r.patterns[m.lastgroup]
            got = {g: (m.group(full), m.start(full), m.end(full)) for g, full in pat.groups.items()
                   if m.group(full) is not None}
            s, e = m.span()
            if pat.check == "bare_year":
                if self._is_year(text, s, e, int(got["y1"][0])):
                    out.append(_End(s, e, int(got["y1"][0]), None, None, n))
            elif pat.check == "bare_month":
                lo = max(0, s - 25)
                cued = r.month_cue.search(text, lo, s) or r.month_list.search(text, lo, s)
                if cued and not r.possessive_after.match(text, e):
                    out.append(_End(s, e, None, r.month_number[got["m1"][0]], None, n))
            elif pat.check == "year_pair":
                out.extend(self._year_pair(text, got, s, e, n))
            else:
                out.extend(self._dates(got, s, e, n))
        if r.anaphor is not None:
            out = self._year_by_reference(text, out)
        return out

    def _year_by_reference(self, text: str, ends: list[_End]) -> list[_End]:
        """A year-less date followed by "of that year" / "the following year" takes the year of the last date
        before it that states one (plus the offset); without such a date it is dropped, never given the
        document's year. Only year-less matches are looked at, so this costs nothing on most texts."""
        r = self.rules
        if all(e.year is not None for e in ends):
            return ends
        group_end: dict[int, int] = {}
        for e in ends:
            group_end[e.group] = max(group_end.get(e.group, 0), e.end)
        last_year: int | None = None
        out: list[_End] = []
        for e in ends:
            if e.year is not None:
                last_year = e.year
                out.append(e)
                continue
            m = r.anaphor.match(text, group_end[e.group])
            if m is None:
                out.append(e)
                continue
            if last_year is None:
                continue
            shift = r.anaphor_shift[_SPACES.sub(" ", m.group(1).lower())]
            out.append(_End(e.start, e.end, last_year + shift, e.month, e.day, e.group))
        return out

    def _is_year(self, text: str, s: int, e: int, year: int) -> bool:
        r = self.rules
        lo = max(0, s - 30)
        if year < r.outer[0] or year > r.outer[1]:
            return False
        if not r.core[0] <= year <= r.core[1] and not r.year_cue.search(text, lo, s):
            return False
        if r.possessive_after.match(text, e):  # "2016's Social Worker of the Year"
            return True
        if r.neg_before.search(text, lo, s) or r.digit_before.search(text, lo, s) or r.digit_after.match(text, e):
            return False
        return not r.neg_after.match(text, e) or bool(r.determiner.search(text, lo, s))

    def _year_pair(self, text: str, got: dict, s: int, e: int, n: int) -> list[_End]:
        y1 = int(got["y1"][0])
        if not self.rules.outer[0] <= y1 <= self.rules.outer[1]:
            return []
        if "yy2" in got:
            yy = int(got["yy2"][0])
            if yy == (y1 + 1) % 100:  # "2017/18", "2023-24": a financial or academic year
                return [_End(s, e, y1, None, None, n)]
            if yy > y1 % 100:  # "2015-18"
                return [_End(*got["y1"][1:], y1, None, None, n), _End(s, e, y1 - y1 % 100 + yy, None, None, n)]
            return []
        y2 = int(got["y2"][0])
        if y2 == y1 + 1 and "/" in text[got["y1"][2]:got["y2"][1]]:  # "2017/2018"
            return [_End(s, e, y1, None, None, n)]
        if y1 < y2 <= self.rules.outer[1]:
            return [_End(*got["y1"][1:], y1, None, None, n), _End(*got["y2"][1:], y2, None, None, n)]
        return []

    def _dates(self, got: dict, s: int, e: int, n: int) -> list[_End]:
        r = self.rules
        month = {k: _month_value(got[k][0], r.month_number) for k in ("m1", "m2") if k in got}
        day = {k: int(_DAY_NUM.match(got[k][0]).group()) for k in ("d1", "d2") if k in got}
        year = {k: int(got[k][0]) for k in ("y1", "y2") if k in got}
        if "yy1" in got:  # "05/12/23": this century
            year["y1"] = 2000 + int(got["yy1"][0])
        if "d2" not in got and "m2" not in got:  # a single date
            return [_End(s, e, year.get("y1"), month.get("m1"), day.get("d1"), n)]
        m2 = month.get("m2", month.get("m1"))
        m1 = month.get("m1", m2)
        d1, d2 = day.get("d1"), day.get("d2")
        y1, y2 = year.get("y1"), year.get("y2")
        turn = (m1, d1 or 0) > (m2, d2 or 0)  # the range runs over New Year: "28 December to 3 January 2024"
        if y1 is None and y2 is not None:
            y1 = y2 - turn
        elif y2 is None and y1 is not None:
            y2 = y1 + turn
        # Each end's text is its own words when it names its month ("31 October"), else the whole expression.
        end1 = max(got[k][2] for k in ("d1", "m1", "y1") if k in got) if "m1" in got else e
        out = [_End(s, end1, y1, m1, d1, n)]
        if "dmid" in got:
            out += [_End(s, e, y1, m1, int(d), n) for d in _DAY_NUM.findall(got["dmid"][0])]
        if "mmid" in got:
            out += [_End(s, e, y1, r.month_number[w.rstrip(".")], None, n)
                    for w in re.findall(r"[A-Za-z]+\.?", got["mmid"][0])]
        start2 = min(got[k][1] for k in ("d2", "m2") if k in got) if "m2" in got else s
        out.append(_End(start2, e, y2, m2, d2, n))
        return out

    def _looks_ahead(self, text: str, start: int) -> str | None:
        """'strong' when a word that only looks ahead ('expected', 'will', 'next') is among the few words before a
        year-less month, 'weak' for one that may ('by', 'until'), else None."""
        before = text[max(0, start - 60):start]
        before = before[before.rfind(".") + 1:]  # this sentence only
        words = [w.lower().strip(",;:") for w in before.split()[-5:]]
        if any(w in self.rules.strong_ahead_words for w in words):
            return "strong"
        return "weak" if any(w in self.rules.ahead_words for w in words) else None

    # -- the document's own date -------------------------------------------------------------------------
    def published(self, text: str, ends: list[_End]) -> str | None:
        r = self.rules
        days = [e for e in _singles(ends) if e.day and e.year]
        if not days:
            return None
        best = None
        for e in days:
            para_start = text.rfind("\n", 0, e.start) + 1
            before = text[para_start:e.start]
            found = r.label.search(before)
            if found:
                rank = r.label_rank.get(_SPACES.sub(" ", found.group(1).lower()), 99)
                if best is None or rank < best[0]:
                    best = (rank, e)
        if best:
            return _iso(best[1].year, best[1].month, best[1].day)
        para_of = _paragraph_counter(text)
        # a letter's date line sits above 'Dear ...', below an address block of any length
        dear = r.salutation.search(text, 0, r.salutation_max_chars)
        dateline_max = max(r.dateline_max, text.count("\n\n", 0, dear.start()) if dear else 0)
        for e in days:
            p = para_of(e.start)
            if p >= max(r.byline_max, dateline_max):
                break
            para_start = text.rfind("\n", 0, e.start) + 1
            if p < r.byline_max and r.byline.search(text, para_start, e.start):
                return _iso(e.year, e.month, e.day)
            if p < dateline_max and _is_dateline(text, e, r):
                return _iso(e.year, e.month, e.day)
        return None


_SPACES = re.compile(r"\s+")


def _singles(ends: list[_End]) -> list[_End]:
    """Ends that are not one item of a range or list (those are inspection dates, not datelines)."""
    size = Counter(e.group for e in ends)
    return [e for e in ends if size[e.group] == 1]


def _is_dateline(text: str, e: _End, r: _Rules) -> bool:
    start = text.rfind("\n", 0, e.start) + 1
    stop = text.find("\n", e.end)
    stop = len(text) if stop < 0 else stop
    rest = text[start:e.start] + " " + text[e.end:stop]
    return len(r.word.findall(rest)) <= r.dateline_words and not r.dateline_negative.search(rest)


def _paragraph_counter(text: str):
    """Paragraph index of an offset, counted lazily and only forwards (ends arrive in text order)."""
    state = {"pos": 0, "index": 0}

    def index_of(char: int) -> int:
        state["index"] += text.count("\n\n", state["pos"], char)
        state["pos"] = max(state["pos"], char)
        return state["index"]

    return index_of


def _anchor(published: str | None, text: str, ends: list[_End], r: _Rules) -> tuple[int, int] | None:
    """(year, month) that year-less dates are read against: the document date, else a month dateline."""
    if published:
        try:
            return int(published[:4]), int(published[5:7])
        except ValueError:
            return None
    para_of = _paragraph_counter(text)
    for e in _singles(ends):
        if para_of(e.start) >= r.dateline_max:
            break
        if e.year and e.month and not e.day and _is_dateline(text, e, r):
            return e.year, e.month
    return None


def _month_value(word: str, names: dict[str, int]) -> int:
    return int(word) if word.isdigit() else names[word.rstrip(".")]


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    """ISO string at its own precision, or None for an impossible date (31 April)."""
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


@Language.factory("ofsted_dates")
def make_ofsted_dates(nlp: Language, name: str) -> DateExtractor:
    return DateExtractor(name)
