"""The dates component ("ofsted_dates"): expressions, ranges, things that are not dates, the document date.

Each table row is a sentence of the kind found in inspection news, letters and reports, with the exact set of
ISO values the component must emit (one per distinct value; empty set = nothing).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cleaning.cleaner import clean
from pipeline.nlp import build_nlp

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(("paragraph_sentencizer", "ofsted_dates"))


def run(nlp, text: str, published: str | None = None):
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def values(doc) -> set[str]:
    return {m["value"] for m in doc._.date_mentions}


EXPRESSIONS = [
    # full dates, every common spelling
    ("The report was published on 5 December 2023.", {"2023-12-05"}),
    ("It was published on the 5th December 2023 after a delay.", {"2023-12-05"}),
    ("Ofsted confirmed the grade on December 5, 2023, in a short statement.", {"2023-12-05"}),
    ("— Camden Council (@CamdenCouncil) June 21, 2022", {"2022-06-21"}),
    ("Tuesday 5 December 2023", {"2023-12-05"}),
    ("Wednesday, 26 July 2023, 11:02", {"2023-07-26"}),
    ("The judgement was issued on 1st of April, 2021.", {"2021-04-01"}),
    ("The council will respond by April 1st, 2024.", {"2024-04-01"}),
    ("Inspectors returned on 5 Dec. 2023 for a final meeting.", {"2023-12-05"}),
    ("Date: 05/12/2023", {"2023-12-05"}),
    ("The visit was logged as 5.12.2023 in the council's tracker.", {"2023-12-05"}),
    ("Minutes agreed on 2023-12-05 were confirmed.", {"2023-12-05"}),
    ("Closing date 31/01/25 for applications.", {"2025-01-31"}),
    ("DATE OF VISIT 7 MARCH 2024", {"2024-03-07"}),
    # month and year
    ("Local News | Dec 2023", {"2023-12"}),
    ("At the last inspection, in April 2022, services were judged outstanding.", {"2022-04"}),
    ("The new structure went live in Sept 2021.", {"2021-09"}),
    ("An action plan is due by the end of January 2024.", {"2024-01"}),
    ("Visits took place in April and May 2023.", {"2023-04", "2023-05"}),
    ("Data from January to March 2024 was reviewed.", {"2024-01", "2024-03"}),
    ("Between April 2022 and March 2023, 1,234 referrals were made.", {"2022-04", "2023-03"}),
    ("Children looked after at 31 March 2023: 412", {"2023-03-31"}),
    # bare years in time contexts
    ("The borough kept the good rating it received when Ofsted last visited in 2012.", {"2012"}),
    ("The council has been rated outstanding since 2014.", {"2014"}),
    ("Essex is home to 2016’s Social Worker of the Year.", {"2016"}),
    ("Essex is home to 2016's Social Worker of the Year.", {"2016"}),
    ("After the 2012 inspection the director rebuilt the team.", {"2012"}),
    ("Camden was last inspected in 2017, under a previous system.", {"2017"}),
    ("The review (2019) set out three priorities.", {"2019"}),
    ("Between 2019 and 2021 the service had four directors.", {"2019", "2021"}),
    ("The trust ran services from 2015-2018 before the council took them back.", {"2015", "2018"}),
    ("Spending rose sharply in the spring of 2023.", {"2023"}),
    ("By mid-2022 caseloads had fallen.", {"2022"}),
    ("The 2019 plans were never carried out.", {"2019"}),
    ("In 2019 new rules came into force.", {"2019"}),
    ("The council has existed since 1974.", {"1974"}),
    ("Practice had improved (Ofsted, 2019).", {"2019"}),
    ("Ofsted’s 2023 annual report named the council.", {"2023"}),
    # financial and academic years: the first year only (module docstring)
    ("Adoptions rose in the 2017/18 financial year.", {"2017"}),
    ("Ofsted inspection outcomes 2023-24: a guide", {"2023"}),
    ("Performance data from the 2009-10 year was used.", {"2009"}),
    ("The budget for 2022/2023 was cut.", {"2022"}),
    ("Referrals fell in 2022–23 compared with the year before.", {"2022"}),
    # ranges and lists: one value per end, with the year that applies
    ("The focused visit took place on 31 October and 1 November 2023.", {"2023-10-31", "2023-11-01"}),
    ("Inspectors were on site from 9 October to 2 November 2017.", {"2017-10-09", "2017-11-02"}),
    ("The monitoring visit was carried out on 12-14 March 2024.", {"2024-03-12", "2024-03-14"}),
    ("The inspection ran between 29 April and 21 May 2014.", {"2014-04-29", "2014-05-21"}),
    ("Inspection dates: 9 to 20 October 2023", {"2023-10-09", "2023-10-20"}),
    ("Inspectors visited between 9 and 20 October 2023.", {"2023-10-09", "2023-10-20"}),
    ("Visits were made on 3, 4 and 5 June 2019.", {"2019-06-03", "2019-06-04", "2019-06-05"}),
    ("Fieldwork ran from 28 December to 3 January 2024.", {"2023-12-28", "2024-01-03"}),
    ("The review took place March 12-14, 2024, at the civic centre.", {"2024-03-12", "2024-03-14"}),
    ("Inspection date: 29 April 2014 – 21 May 2014", {"2014-04-29", "2014-05-21"}),
    ("The consultation ran from 5 December 2023 to 6 January.", {"2023-12-05", "2024-01-06"}),
    # not dates
    ("More than 2,000 children are in the council's care.", set()),
    ("All 153 councils with children's services were inspected.", set()),
    ("Staff spent 80% of their time behind screens.", set()),
    ("The impact of the Covid-19 pandemic on families was noted.", set()),
    ("T 0300 123 1231 Textphone 0161 618 8524", set()),
    ("Ofsted, Piccadilly Gate, Store Street, Manchester M1 2WD", set()),
    ("Care leavers aged 16 and 17 were seen by advisers.", set()),
    ("Advisers may hold up to 30 cases, and some may struggle.", set()),
    ("She raised money for the March of Dimes in her spare time.", set()),
    ("Sarah March said the service had turned a corner.", set()),
    ("Strategy meetings under Section 47 were held quickly.", set()),
    ("A 16-year-old was placed out of area.", set()),
    ("The council paid £2019 for each placement.", set()),
    ("Last year 2020 children were referred to the service.", set()),
    ("Around 1998 social workers responded to the survey.", set()),
    ("Assessments are made under the Children Act 1989.", set()),
    ("Call the county's line on 01629 533190 for help.", set()),
    ("The charity looked after 2019 young people last year.", set()),
    ("The ref: CS-2025-014 applies to this post.", set()),
    ("The 1990s saw the first inspections of this kind.", set()),
    ("The LA code 2019 appears on every return.", set()),
    ("Demand rose 2019 per cent, the chart claims.", set()),
    ("A total of 2021 were seen by the team.", set()),
    ("Duties under the Children Act 2004 section 11 apply.", set()),
    ("Theresa May’s government launched the review.", set()),
    ("Marching bands played as March began.", set()),
    # day or month without a year and no document date: left out, no invented years
    ("Inspectors visiting the London borough in April found strong practice.", set()),
    ("The report will be discussed on 29 April.", set()),
]


@pytest.mark.parametrize(("text", "expected"), EXPRESSIONS, ids=[t[:50] for t, _ in EXPRESSIONS])
def test_expressions(nlp, text, expected):
    doc = run(nlp, text)
    assert values(doc) == expected
    for m in doc._.date_mentions:
        assert doc.text[m["start"]:m["end"]] == m["text"]
        assert m["granularity"] == {4: "year", 7: "month", 10: "day"}[len(m["value"])]


def test_table_is_large_enough():
    assert len(EXPRESSIONS) >= 60


@pytest.mark.parametrize(("text", "published", "expected"), [
    # year-less dates read against the document date
    ("Inspectors visited in April.", "2022-06-21", {"2022-04"}),
    ("The report will be discussed on 29 April.", "2024-03-14", {"2024-04-29"}),
    ("Bus route cut from April", "2024-03-14", {"2024-04"}),
    ("Inspectors visited in November and praised staff.", "2024-01-20", {"2023-11"}),
    ("Inspectors visited in October and November.", "2023-12-05", {"2023-10", "2023-11"}),
    ("Sarah March said the service had improved.", "2023-12-05", set()),
    ("Theresa May’s government launched the review in May.", "2017-09-01", {"2017-05"}),
    ("The inspection took place on 5–16 June.", "2024-07-01", {"2024-06-05", "2024-06-16"}),
    ("Inspectors visited in June.", "2024-01-09", {"2023-06"}),
    ("Inspectors return from 28 November to 2 December.", "2023-11-01", {"2023-11-28", "2023-12-02"}),
    # a month well before the document date, after a word that looks ahead, is next year's
    ("The council will publish its action plan by the end of January.", "2023-12-05", {"2024-01"}),
    ("Inspectors visited in January.", "2023-12-05", {"2023-01"}),
    # a letter's date line above 'Dear ...', below a long address block, is the document date
    # (see test_letter_date_below_a_long_address_block)
    # a word that only looks ahead moves a nearer month too; a word that may look back ('by') does not
    ("It will receive monitoring visits, the first of which is expected in February.", "2017-11-24", {"2018-02"}),
    ("Caseloads had fallen below 20 by February.", "2017-11-24", {"2017-02"}),
])
def test_year_from_document_date(nlp, text, published, expected):
    assert values(run(nlp, text, published)) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a year named by reference comes from the last stated year, not from the document date
    ("The trust was set up in 2016 and took over the service in June of that year.", "2021-05-04",
     {"2016", "2016-06"}),
    ("Leaders changed in 2019; inspectors returned on 12 March the following year.", "2023-02-01",
     {"2019", "2020-03-12"}),
    ("A new director arrived in October 2014, after the board was replaced in May of the previous year.",
     "2022-09-09", {"2014-10", "2013-05"}),
    ("A review took place in 2017 and visits ran from 3 to 5 July that same year.", "2021-01-01",
     {"2017", "2017-07-03", "2017-07-05"}),
    # only a year stated BEFORE the reference counts
    ("Visits ran from 3 to 5 July of that year, after the 2017 review.", "2021-01-01", {"2017"}),
    # with no stated year before it, the reference cannot be resolved: left out, never the document's year
    ("Services moved to a trust in September of that year.", "2020-11-02", set()),
    # contrast: an ordinary year-less month still reads against the document date
    ("The trust was set up in 2016 and took over the service in June.", "2021-09-04", {"2016", "2021-06"}),
])
def test_year_named_by_reference(nlp, text, published, expected):
    assert values(run(nlp, text, published)) == expected


@pytest.mark.parametrize(("text", "published"), [
    ("5 December 2023\n\nTim Aldridge\n\nDear Tim,\n\nThis letter summarises the visit on 31 October 2023.",
     "2023-12-05"),
    ("Hull rated good\n\nReport published: 21 December 2017\n\nIt was inspected in 2016.", "2017-12-21"),
    ("Sutton Council\n\nNews\n\nPublished: 05/12/2023\n\nChildren’s services in Sutton were rated good.",
     "2023-12-05"),
    ("Headline here\n\nBy Imogen Prestwich\n\nPublished: 11:02 Wednesday 26 July 2023\n\nBody text.", "2023-07-26"),
    ("Rated good\n\nStandfirst text by Rosa Whitcombe on December 8, 2023 in Children, Workforce\n\nBody.",
     "2023-12-08"),
    ("York still requires improvement\n\nCYP Now | News | 2 May 2024\n\nBody text about 2022.", "2024-05-02"),
    ("Council news\n\nPosted on 5 December 2023\n\nThe council welcomed the report.", "2023-12-05"),
    ("Bury: inspection\n\nInspection dates: 9 to 20 October 2023\n\nBody.\n\nReport published: 5 December 2023",
     "2023-12-05"),
    # not the document's own date
    ("Hull no longer inadequate\n\nOfsted rated it in a report published on 5th December 2023, after a visit.",
     None),
    ("Social worker job\n\nClosing date: 31/01/2025\n\nApply now.", None),
    ("Bury: inspection\n\nInspection dates: 9 to 20 October 2023\n\nBody text.", None),
    ("Durham keeps good rating\n\nLocal News | Dec 2023\n\nBody text.", None),
    ("Somerset rated\n\nBy Gwen Hollister | Children and Young People Today | 2 February 2024\n\nBody.",
     "2024-02-02"),
    ("Leeds praised\n\nBy Tom Reed, Local Democracy Reporting Service, 14 March 2024\n\nBody.", "2024-03-14"),
    ("Headline\n\nThe report was published by Ofsted on 5 March 2024 after a visit.\n\nBody.", None),
])
def test_published(nlp, text, published):
    assert run(nlp, text)._.published == published


def test_published_from_reader_is_kept(nlp):
    doc = run(nlp, "5 December 2023\n\nDear Tim,", published="2023-12-07")
    assert doc._.published == "2023-12-07"


def test_month_dateline_anchors_year_less_dates(nlp):
    doc = run(nlp, "Durham keeps good rating\n\nLocal News | Dec 2023\n\nInspectors who visited in October said so.")
    assert doc._.published is None
    assert values(doc) == {"2023-12", "2023-10"}


def test_range_rows_have_their_own_text(nlp):
    doc = run(nlp, "The visit on 31 October and 1 November 2023 went well.")
    assert [(m["text"], m["value"]) for m in doc._.date_mentions] == [
        ("31 October", "2023-10-31"), ("1 November 2023", "2023-11-01")]


def test_one_row_per_occurrence_with_offsets(nlp):
    text = "Rated good in 2019.\n\nIn 2019 the council also won an award.\n\nApril 2022 was busy."
    doc = run(nlp, text)
    assert [(m["value"], m["start"]) for m in doc._.date_mentions] == [
        ("2019", text.index("2019")), ("2019", text.index("2019", 20)), ("2022-04", text.index("April"))]


def _gold(name: str) -> list[tuple[str, dict]]:
    path = GOLD / f"{name}.jsonl"
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            gold = json.loads(line)
            for doc_path in (GOLD / name / f"{gold['doc']}.txt", ROOT / "raw" / f"{gold['doc']}.txt"):
                if doc_path.is_file():
                    out.append((doc_path.read_text(encoding="utf-8"), gold))
                    break
    return out


@pytest.mark.parametrize(("raw", "gold"), _gold("seeds"), ids=[g["doc"] for _, g in _gold("seeds")])
def test_seed_documents_exactly(nlp, raw, gold):
    doc = nlp(clean(raw).text)
    found = values(doc)
    required = {d["value"] for d in gold["dates"]}
    optional = {d["value"] for d in gold["dates_optional"] if d.get("value")}
    assert required <= found, f"missed {sorted(required - found)}"
    assert found <= required | optional, f"false positives {sorted(found - required - optional)}"


def test_wider_gold_f1(nlp):
    """Aggregate over the wider gold set (written by others, so a threshold rather than exact equality)."""
    items = _gold("wider")
    if not items:
        pytest.skip("no wider gold set")
    tp = fp = fn = 0
    for raw, gold in items:
        found = values(nlp(clean(raw).text))
        required = {d["value"] for d in gold["dates"]}
        optional = {d["value"] for d in gold["dates_optional"] if d.get("value")}
        tp, fp, fn = tp + len(found & required), fp + len(found - required - optional), fn + len(required - found)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.95


def test_letter_date_below_a_long_address_block(nlp):
    text = ("Sanctuary Buildings\n\nGreat Smith Street\n\nLondon\n\nFrom Eleanor Prothero MP\n\nMinister for Children"
            "\n\nCouncillor Jo Hart\n\nLeader\n\nWestmorland and Furness Council\n\nSouth Lakeland House\n\n"
            "Lowther Street\n\nKendal\n\n15 November 2024\n\nDear Councillor Hart,\n\nMs Ellery will report to me "
            "by 28 February 2025.")
    doc = run(nlp, text, None)
    assert doc._.published == "2024-11-15"
