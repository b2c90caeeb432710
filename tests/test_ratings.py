"""Ratings extractor: table-driven cases on realistic sentences and short paragraphs, the seed gold, and the
cross-check command.

Authorities come from the real ofsted_authorities component when it is registered; until then a tiny
stand-in mention finder (below) sets doc._.authority_mentions / doc._.authorities, so these tests exercise
the ratings rules alone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from pipeline.nlp import build_nlp

ROOT = Path(__file__).resolve().parent.parent
REAL_AUTHORITIES = "ofsted_authorities" in Language.factories

# Stand-in gazetteer for the unit cases (GSS codes of the councils the cases name).
FAKE = {
    "Camden": "E09000007", "Hackney": "E09000012", "Islington": "E09000019", "Essex": "E10000012",
    "Nottingham": "E06000018", "Plymouth": "E06000026", "Shropshire": "E06000051",
    "South Tyneside": "E08000023", "Cambridgeshire": "E10000003", "Derbyshire": "E10000007",
    "Sheffield": "E08000019", "Leeds": "E08000035", "Kent": "E10000016", "Surrey": "E10000030",
    "Doncaster": "E08000017", "Lancashire": "E10000017", "Haringey": "E09000014", "Torbay": "E06000027",
    "Bromley": "E09000006", "Havering": "E09000016", "Wigan": "E08000010", "Sandwell": "E08000028",
    "Devon": "E10000008", "Cornwall": "E06000052", "Lambeth": "E09000022", "Sunderland": "E08000024",
    "Hertfordshire": "E10000015", "Solihull": "E08000029", "Norfolk": "E10000020", "Suffolk": "E10000029",
    "Warrington": "E06000007", "Brent": "E09000005", "Trafford": "E08000009", "Stockport": "E08000007",
    "Isles of Scilly": "E06000053",
}
_FAKE_RX = re.compile(r"\b(" + "|".join(sorted(FAKE, key=len, reverse=True)) + r")\b")


def _fake_authorities(doc):
    mentions = [{"code": FAKE[m.group(1)], "name": m.group(1), "start": m.start(), "end": m.end()}
                for m in _FAKE_RX.finditer(doc.text)]
    doc._.authority_mentions = mentions
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m["name"]] = counts.get(m["name"], 0) + 1
    primary = max(counts, key=lambda n: (counts[n], -next(m["start"] for m in mentions if m["name"] == n)),
                  default=None)
    doc._.authorities = [{"authority_code": FAKE[n], "authority_name": n, "mentions": c,
                          "first_start": next(m["start"] for m in mentions if m["name"] == n),
                          "is_primary": n == primary} for n, c in counts.items()]


@pytest.fixture(scope="module")
def nlp():
    names = ("paragraph_sentencizer", "ofsted_dates", "ofsted_authorities", "ofsted_ratings")
    return build_nlp(components=names)


def run(nlp, text: str, published: str | None = "2023-06-15", kind: str | None = "news"):
    doc = nlp.make_doc(text)
    doc._.kind, doc._.published = kind, published
    for name, pipe in nlp.pipeline:
        if name == "ofsted_ratings" and not REAL_AUTHORITIES:
            _fake_authorities(doc)
        doc = pipe(doc)
    return doc


def keyset(doc) -> set[tuple]:
    return {(r["authority_name"], r["judgement"], r["grade"], r["timing"]) for r in doc._.ratings}


OE, LEAD, HP, CIC, CL, ADOPT, LSCB, FOST = ("overall_effectiveness", "leadership", "help_and_protection",
                                            "children_in_care", "care_leavers", "adoption", "lscb", "fostering")
OUT, GOOD, RI, INAD, ADQ = "outstanding", "good", "requires_improvement", "inadequate", "adequate"
CUR, PREV = "current", "previous"

# (case id, text, expected rows as (authority, judgement, grade, timing))
CASES = [
    # --- grade forms
    ("quoted-single", "Ofsted has rated Camden's children's services 'good' in a report published on Tuesday.",
     {("Camden", OE, GOOD, CUR)}),
    ("quoted-curly-double", "Inspectors judged Hackney council’s services for children to be “outstanding”.",
     {("Hackney", OE, OUT, CUR)}),
    ("bare-rated", "Sheffield was rated outstanding by the inspectorate this week.", {("Sheffield", OE, OUT, CUR)}),
    ("ri-long", "Leeds children's services require improvement to be good, according to Ofsted.",
     {("Leeds", OE, RI, CUR)}),
    ("ri-quoted-short", "Inspectors rated Torbay ‘requires improvement’ following a three-week inspection.",
     {("Torbay", OE, RI, CUR)}),
    ("rated-inadequate", "Sandwell council has been rated inadequate by Ofsted.", {("Sandwell", OE, INAD, CUR)}),
    ("judged-to-be", "The inspection found that Wigan's services were judged to be good overall.",
     {("Wigan", OE, GOOD, CUR)}),
    ("received-rating", "Norfolk received a 'good' rating from the watchdog.", {("Norfolk", OE, GOOD, CUR)}),
    ("top-marks", "Suffolk scored top marks in its latest Ofsted inspection.", {("Suffolk", OE, OUT, CUR)}),
    ("highest-rating", "Ofsted has given Stockport its highest rating for children's services.",
     {("Stockport", OE, OUT, CUR)}),
    ("highest-grade", "Trafford council was awarded the highest grade by inspectors.", {("Trafford", OE, OUT, CUR)}),
    ("rating-of", "Brent was handed a rating of inadequate after inspectors found children left at risk.",
     {("Brent", OE, INAD, CUR)}),
    ("hyphen-rated", "Inspectors returned to the inadequate-rated Sandwell council in March.",
     {("Sandwell", OE, INAD, CUR)}),
    ("judged-good-overall", "Ofsted judged Devon good overall.", {("Devon", OE, GOOD, CUR)}),
    ("adequate-old", "Cornwall was judged 'adequate' by inspectors in 2011.", {("Cornwall", OE, ADQ, PREV)}),
    ("title-case-grade", "Lambeth Rated ‘Good’ By Ofsted", {("Lambeth", OE, GOOD, CUR)}),
    # --- 2009-10 annual ratings
    ("annual-poorly", "Doncaster performs poorly, according to Ofsted's annual rating of council children's services.",
     {("Doncaster", OE, "performs_poorly", CUR)}),
    ("annual-well", "In the annual assessment, Lancashire performs well, the watchdog said.",
     {("Lancashire", OE, "performs_well", CUR)}),
    ("annual-excellently", "Surrey was judged to perform excellently in Ofsted's annual ratings.",
     {("Surrey", OE, "excellent", CUR)}),
    ("annual-adequately-prev", "Haringey, which was rated as performing poorly last year, was judged to perform "
     "adequately in this year's Ofsted ratings.",
     {("Haringey", OE, "performs_poorly", PREV), ("Haringey", OE, "performs_adequately", CUR)}),
    ("annual-lowest", "Ofsted's annual ratings put Doncaster among councils that perform poorly. Haringey was "
     "also given the lowest of the four ratings.",
     {("Doncaster", OE, "performs_poorly", CUR), ("Haringey", OE, "performs_poorly", CUR)}),
    # --- judgement names: SIF
    ("sif-lmg-adoption", "Inspectors found Camden's leadership, management and governance and adoption services "
     "to be ‘outstanding’.", {("Camden", LEAD, OUT, CUR), ("Camden", ADOPT, OUT, CUR)}),
    ("sif-lscb", "Ofsted rated the Kent safeguarding children board 'good'.", {("Kent", LSCB, GOOD, CUR)}),
    ("sif-lscb-which", "Jane Hill, chair of Surrey's local safeguarding children board, which Ofsted also rated "
     "'inadequate', said the board accepted the findings.", {("Surrey", LSCB, INAD, CUR)}),
    ("sif-looked-after", "Services for looked-after children in Devon were rated ‘requires improvement’.",
     {("Devon", CIC, RI, CUR)}),
    ("sif-permanence", "Children looked after and achieving permanence in Torbay were judged to be good.",
     {("Torbay", CIC, GOOD, CUR)}),
    ("sif-adoption-performance", "Hertfordshire's adoption performance was judged outstanding by Ofsted.",
     {("Hertfordshire", ADOPT, OUT, CUR)}),
    ("sif-care-leavers", "The experiences and progress of care leavers in Solihull were judged inadequate.",
     {("Solihull", CL, INAD, CUR)}),
    ("sif-list-as-was", "In Hertfordshire, services for children who need help and protection, children looked "
     "after and care leavers were all judged good, as was leadership, management and governance.",
     {("Hertfordshire", HP, GOOD, CUR), ("Hertfordshire", CIC, GOOD, CUR), ("Hertfordshire", CL, GOOD, CUR),
      ("Hertfordshire", LEAD, GOOD, CUR)}),
    ("sif-as-was-adoption", "Leadership, management and governance in Warrington was rated good, as was the "
     "council's adoption service, while services for children who need help and protection were judged to "
     "require improvement.",
     {("Warrington", LEAD, GOOD, CUR), ("Warrington", ADOPT, GOOD, CUR), ("Warrington", HP, RI, CUR)}),
    # --- judgement names: ILACS
    ("ilacs-impact-leaders", "Ofsted judged the impact of leaders on social work practice in Leeds to be "
     "outstanding.", {("Leeds", LEAD, OUT, CUR)}),
    ("ilacs-hp", "The experiences and progress of children who need help and protection in Brent were judged "
     "to require improvement to be good.", {("Brent", HP, RI, CUR)}),
    ("ilacs-combined", "Inspectors rated the experiences and progress of children in care and care leavers in "
     "Wigan as good.", {("Wigan", CIC, GOOD, CUR), ("Wigan", CL, GOOD, CUR)}),
    ("ilacs-split-2023", "Since January 2023 care leavers have their own judgement: in Sunderland, children in "
     "care were judged good and care leavers were judged outstanding.",
     {("Sunderland", CIC, GOOD, CUR), ("Sunderland", CL, OUT, CUR)}),
    ("ilacs-highest-for-list", "Inspectors have handed Camden its highest rating for overall effectiveness, "
     "support for children in care and care leavers as well as the impact of its leadership on social work "
     "practice.", {("Camden", OE, OUT, CUR), ("Camden", CIC, OUT, CUR), ("Camden", CL, OUT, CUR),
                   ("Camden", LEAD, OUT, CUR)}),
    ("ilacs-two-clauses", "Inspectors judged the impact of leaders in Kent to be good, but the experiences of "
     "children who need help and protection were graded ‘requires improvement to be good’.",
     {("Kent", LEAD, GOOD, CUR), ("Kent", HP, RI, CUR)}),
    ("ilacs-ratings-both-were", "For Norfolk, the ratings for help and protection, and for children in care, "
     "were both requires improvement, while leadership was judged good.",
     {("Norfolk", HP, RI, CUR), ("Norfolk", CIC, RI, CUR), ("Norfolk", LEAD, GOOD, CUR)}),
    ("ilacs-required-improvement", "In Cornwall, inspectors found that help and protection services were good, "
     "but that the experiences of children in care required improvement.",
     {("Cornwall", HP, GOOD, CUR), ("Cornwall", CIC, RI, CUR)}),
    # --- news paraphrases
    ("news-child-protection-support", "Meanwhile, Camden's child protection support's rating remains “good”.",
     {("Camden", HP, GOOD, CUR), ("Camden", HP, GOOD, PREV)}),
    ("news-looked-after-services", "Services for looked-after children in Shropshire were rated 'requires "
     "improvement'.", {("Shropshire", CIC, RI, CUR)}),
    ("news-its-adoption", "South Tyneside scored top marks for its adoption services.",
     {("South Tyneside", ADOPT, OUT, CUR)}),
    ("news-quoted-then-names", "‘Outstanding’ leadership and adoption services at Islington, say inspectors",
     {("Islington", LEAD, OUT, CUR), ("Islington", ADOPT, OUT, CUR)}),
    ("news-good-rating-for", "Camden received a “good” rating for overall performance, as well as for its work "
     "to protect children.", {("Camden", OE, GOOD, CUR), ("Camden", HP, GOOD, CUR)}),
    ("news-with-also-highest", "Essex was judged ‘outstanding’ overall, with child protection services and the "
     "quality of leadership also receiving the highest grade.",
     {("Essex", OE, OUT, CUR), ("Essex", HP, OUT, CUR), ("Essex", LEAD, OUT, CUR)}),
    ("news-outstanding-adoption", "While inspectors hailed Lambeth's ‘outstanding’ adoption services, they "
     "flagged areas that could be improved.", {("Lambeth", ADOPT, OUT, CUR)}),
    ("fostering", "Warrington's fostering service was judged good at its last inspection in 2019.",
     {("Warrington", FOST, GOOD, PREV)}),
    # --- coordination and distribution
    ("both-authorities", "Reports on Shropshire and South Tyneside were published at the same time as Camden's. "
     "Both local authorities also received ‘good’ ratings.",
     {("Shropshire", OE, GOOD, CUR), ("South Tyneside", OE, GOOD, CUR)}),
    ("coordinated-maintained", "In two other reports out this week, Nottingham and Plymouth councils both "
     "maintained ‘requires improvement’ grades.",
     {("Nottingham", OE, RI, CUR), ("Nottingham", OE, RI, PREV), ("Plymouth", OE, RI, CUR),
      ("Plymouth", OE, RI, PREV)}),
    ("headline-pair", "Shropshire and South Tyneside also ‘good’",
     {("Shropshire", OE, GOOD, CUR), ("South Tyneside", OE, GOOD, CUR)}),
    ("like-skipped", "South Tyneside, like Camden, scored top marks for its adoption services.",
     {("South Tyneside", ADOPT, OUT, CUR)}),
    ("two-councils-two-grades", "Hackney was rated good, while neighbouring Islington was judged outstanding.",
     {("Hackney", OE, GOOD, CUR), ("Islington", OE, OUT, CUR)}),
    ("three-list", "Bromley, Havering and Brent were all rated inadequate in reports published by Ofsted.",
     {("Bromley", OE, INAD, CUR), ("Havering", OE, INAD, CUR), ("Brent", OE, INAD, CUR)}),
    # --- current vs previous
    ("last-visited-maintained", "In a report on Camden children's services, inspectors praised leaders.\n\n"
     "Overall the borough maintained the ‘good’ rating it had received when Ofsted last visited in 2012.",
     {("Camden", OE, GOOD, CUR), ("Camden", OE, GOOD, PREV)}),
    ("last-inspected-ago", "The service, rated inadequate when it was last inspected two years ago, was judged "
     "to be overall good in Cambridgeshire's new report.",
     {("Cambridgeshire", OE, INAD, PREV), ("Cambridgeshire", OE, GOOD, CUR)}),
    ("which-scored-when-last", "Essex council, which scored a ‘good’ rating when the regulator last called in "
     "2014, was judged ‘outstanding’ in a report published this week.",
     {("Essex", OE, GOOD, PREV), ("Essex", OE, OUT, CUR)}),
    ("at-last-inspection", "At the last inspection of Camden, in April 2022, the overall effectiveness of services "
     "was judged to be outstanding, and the experiences and progress of children in need of help and protection "
     "were judged to be good.", {("Camden", OE, OUT, PREV), ("Camden", HP, GOOD, PREV)}),
    ("when-last-inspected-year", "When Camden was last inspected in 2017, under a previous rating system, its "
     "children's services received a “good” rating for overall performance.", {("Camden", OE, GOOD, PREV)}),
    ("at-that-time", "When Kent was last inspected in 2017, it was rated good. At that time only its adoption "
     "support was graded as “outstanding”.", {("Kent", OE, GOOD, PREV), ("Kent", ADOPT, OUT, PREV)}),
    ("previous-visit", "In Shropshire, which was judged ‘adequate’ on Ofsted's previous visit, inspectors said "
     "leaders had improved services.", {("Shropshire", OE, ADQ, PREV)}),
    ("jump-from-to", "Cambridgeshire children's services jumps from 'inadequate' to 'good' in its latest Ofsted "
     "inspection", {("Cambridgeshire", OE, INAD, PREV), ("Cambridgeshire", OE, GOOD, CUR)}),
    ("up-from", "Trafford is now rated good, up from requires improvement, after an inspection in May.",
     {("Trafford", OE, GOOD, CUR), ("Trafford", OE, RI, PREV)}),
    ("no-longer-inadequate", "Children's services in Doncaster are no longer inadequate, Ofsted has found.",
     {("Doncaster", OE, INAD, PREV)}),
    ("remains-good", "Surrey remains 'good', according to Ofsted's latest report.",
     {("Surrey", OE, GOOD, CUR), ("Surrey", OE, GOOD, PREV)}),
    ("retained", "Leeds retained its outstanding rating after a two-week inspection.",
     {("Leeds", OE, OUT, CUR), ("Leeds", OE, OUT, PREV)}),
    ("year-before-doc", "Solihull was rated inadequate in 2016 and has since made steady progress.",
     {("Solihull", OE, INAD, PREV)}),
    ("after-years-of", "Devon's children's services rated ‘good’ after years of ‘requires improvement’",
     {("Devon", OE, GOOD, CUR), ("Devon", OE, RI, PREV)}),
    ("coordinated-years", "The council, which was judged to require improvement to be good in 2018 and good in "
     "2021, has now been judged outstanding for overall effectiveness in Lancashire's latest report.",
     {("Lancashire", OE, RI, PREV), ("Lancashire", OE, GOOD, PREV), ("Lancashire", OE, OUT, CUR)}),
    ("since-when-judged", "Norfolk children's services have declined since the last inspection in March 2019, "
     "when they were judged to be good.", {("Norfolk", OE, GOOD, PREV)}),
    ("out-of", "Brent out of ‘inadequate’ after three years", {("Brent", OE, INAD, PREV)}),
    # --- focused and monitoring visits
    ("focused-visit-letter", "Focused visit to Kent children's services\n\nThis letter summarises the findings of "
     "the focused visit to Kent children's services.\n\nAt the last inspection, in May 2022, the overall "
     "effectiveness of services was judged to be good.\n\nInspectors found most children are seen promptly.",
     {("Kent", OE, GOOD, PREV)}),
    ("monitoring-visit-letter", "Monitoring visit to Sandwell children's services\n\nThis letter summarises the "
     "findings of the monitoring visit. The local authority was judged inadequate in 2022.",
     {("Sandwell", OE, INAD, PREV)}),
    # --- judgement tables in Ofsted reports
    ("table-rows", "Wigan: inspection of children's social care services\n\nJudgement Grade\n\nOverall "
     "effectiveness Good\n\nThe impact of leaders on social work practice with children and families "
     "Outstanding\n\nThe experiences and progress of children who need help and protection Requires improvement "
     "to be good\n\nThe experiences and progress of children in care Good\n\nThe experiences and progress of "
     "care leavers Good",
     {("Wigan", OE, GOOD, CUR), ("Wigan", LEAD, OUT, CUR), ("Wigan", HP, RI, CUR), ("Wigan", CIC, GOOD, CUR),
      ("Wigan", CL, GOOD, CUR)}),
    ("table-joined", "Brent: inspection of children's social care services\n\nJudgement Grade Overall "
     "effectiveness Good The impact of leaders on social work practice with children and families Good The "
     "experiences and progress of children who need help and protection Requires improvement to be good The "
     "experiences and progress of children in care and care leavers Good",
     {("Brent", OE, GOOD, CUR), ("Brent", LEAD, GOOD, CUR), ("Brent", HP, RI, CUR), ("Brent", CIC, GOOD, CUR),
      ("Brent", CL, GOOD, CUR)}),
    ("table-sif-numbered", "Devon County Council\n\nChildren's services in Devon are good\n\n1. Children who need "
     "help and protection Good\n\n2. Children looked after and achieving permanence Requires improvement\n\n2.1 "
     "Adoption performance Outstanding\n\nThe Local Safeguarding Children Board is good.",
     {("Devon", OE, GOOD, CUR), ("Devon", HP, GOOD, CUR), ("Devon", CIC, RI, CUR), ("Devon", ADOPT, OUT, CUR),
      ("Devon", LSCB, GOOD, CUR)}),
    ("table-colon-heading", "Solihull: inspection of children's social care services\n\nThe experiences and "
     "progress of children who need help and protection: requires improvement to be good\n\nSocial workers "
     "visit children regularly.", {("Solihull", HP, RI, CUR)}),
    # --- which authority when the sentence does not name one
    ("nearest-in-paragraph", "Ofsted praised Hackney's early help offer. The borough was rated good overall.",
     {("Hackney", OE, GOOD, CUR)}),
    ("previous-paragraph", "In Shropshire, inspectors said leaders had improved services.\n\nThere was still "
     "room for improvement, particularly in services for looked-after children, which were rated "
     "‘requires improvement’.", {("Shropshire", CIC, RI, CUR)}),
    ("primary-headline", "Staff at ‘outstanding’ council say work matches why they came into social work\n\n"
     "Essex social workers told inspectors about manageable caseloads. Essex leaders were praised.",
     {("Essex", OE, OUT, CUR)}),
    ("south-coast-authority", "Ofsted published reports on Sheffield and Plymouth this week.\n\nAt the south "
     "coast authority, services for looked-after children were judged good.", {("Plymouth", CIC, GOOD, CUR)}),
    ("heading-uses-primary", "Ofsted rates Cornwall good\n\nCornwall leaders welcomed the report. Devon, next "
     "door, is inspected next year.\n\n‘Good’ – ‘a proud day’",
     {("Cornwall", OE, GOOD, CUR)}),
    ("after-in-clause", "A 'good' rating for Torbay marks a turnaround for the council.", {("Torbay", OE, GOOD, CUR)}),
    # --- grades that are not judgements
    ("neg-good-practice", "Inspectors in Leeds saw good practice in early help and a good range of services.",
     set()),
    ("neg-outstanding-work", "The chair said the challenge was to build on Camden's outstanding work.", set()),
    ("neg-good-support", "Good political and corporate support in Kent is helping to improve children's lives.",
     set()),
    ("neg-inadequate-housing", "Ofsted found that families in Brent were living in inadequate housing.", set()),
    ("neg-fresh-eyes", "Council leaders in Camden welcomed the 'fresh eyes' the new director brings, Ofsted said.",
     set()),
    ("neg-quoted-statement", "“Their work is outstanding and exceptional in its range,” Camden's director said.",
     set()),
    ("neg-aspiration", "Leaders in Wigan want to become outstanding by the next inspection.", set()),
    ("neg-range", "Three in five councils are now rated good or outstanding by Ofsted, including Surrey.", set()),
    ("neg-not-rated", "Ofsted did not rate Devon's services inadequate, despite concerns.", set()),
    ("neg-good-quality", "Children in care in Norfolk benefited from good-quality placements, inspectors said.",
     set()),
    ("neg-good-outcomes", "Ofsted said plans in Leeds were not strong enough to achieve good outcomes for all "
     "children.", set()),
    ("neg-no-context", "Staff in Surrey said it had been a good year for the team.", set()),
    # --- phrasings added from the dev_ratings set (written to generalise, not from gold strings)
    ("move-slipped-from-to", "Kent's children's services have slipped from good to requires improvement after an "
     "Ofsted inspection.", {("Kent", OE, RI, CUR), ("Kent", OE, GOOD, PREV)}),
    ("move-went-from-to", "Ofsted published its report. Leeds went from requires improvement to outstanding.",
     {("Leeds", OE, OUT, CUR), ("Leeds", OE, RI, PREV)}),
    ("move-upgraded-to", "Devon has been upgraded to good by Ofsted.", {("Devon", OE, GOOD, CUR)}),
    ("move-downgraded-to", "Brent council has been downgraded to inadequate by the watchdog.",
     {("Brent", OE, INAD, CUR)}),
    ("move-two-grades-to", "Torbay has jumped two grades to good, the inspectorate said.", {("Torbay", OE, GOOD, CUR)}),
    ("move-stays-at", "Essex stays at good after the latest Ofsted inspection.",
     {("Essex", OE, GOOD, CUR), ("Essex", OE, GOOD, PREV)}),
    ("recent-month-is-current", "Warrington was rated requires improvement after an Ofsted inspection in "
     "December 2022.", {("Warrington", OE, RI, CUR)}),
    ("old-year-is-previous", "Warrington was rated requires improvement after an Ofsted inspection in 2021.",
     {("Warrington", OE, RI, PREV)}),
    ("both-cue-other-verb", "In Sunderland, inspectors said the help children received remained strong and judged "
     "it good.", {("Sunderland", OE, GOOD, CUR)}),
    ("colon-list", "In Suffolk all four judgement areas were rated outstanding: the impact of leaders, the "
     "experiences and progress of children who need help and protection, the experiences and progress of "
     "children in care, and the experiences and progress of care leavers.",
     {("Suffolk", LEAD, OUT, CUR), ("Suffolk", HP, OUT, CUR), ("Suffolk", CIC, OUT, CUR), ("Suffolk", CL, OUT, CUR)}),
    ("gapped-list", "In the latest inspections, Bromley was rated good, Havering outstanding and Lambeth requires "
     "improvement.", {("Bromley", OE, GOOD, CUR), ("Havering", OE, OUT, CUR), ("Lambeth", OE, RI, CUR)}),
    ("copula-at-last", "Bromley, which was outstanding at its last inspection, dropped a grade, Ofsted said.",
     {("Bromley", OE, OUT, PREV)}),
    ("chain-broken-by-year", "At the last inspection of safeguarding and looked after children services in "
     "Solihull, in 2012, overall effectiveness was judged to be adequate.", {("Solihull", OE, ADQ, PREV)}),
    ("list-and-the-experiences", "In Sheffield, leadership, help and protection, and the experiences of children "
     "in care were each judged good, while the service for care leavers was outstanding.",
     {("Sheffield", LEAD, GOOD, CUR), ("Sheffield", HP, GOOD, CUR), ("Sheffield", CIC, GOOD, CUR),
      ("Sheffield", CL, OUT, CUR)}),
    ("ri-subject-mention", "Services for children in care in Lancashire require improvement to be good, inspectors "
     "said.", {("Lancashire", CIC, RI, CUR)}),
    ("ri-subject-both", "Ofsted inspected Trafford in May. Help and protection and children in care both require "
     "improvement to be good, the report said.", {("Trafford", HP, RI, CUR), ("Trafford", CIC, RI, CUR)}),
    ("reported-pluperfect", "The director reported that the Shropshire service had been judged good overall in the "
     "inspection in March 2023, with help and protection judged outstanding.",
     {("Shropshire", OE, GOOD, CUR), ("Shropshire", HP, OUT, CUR)}),
    ("restated-grade", "Ofsted said the service for care leavers in Cornwall was graded outstanding, the first "
     "outstanding judgement in the council's history.", {("Cornwall", CL, OUT, CUR)}),
    ("annual-listed", "Ofsted's annual ratings say Doncaster performs poorly. Elsewhere, Stockport performs well, "
     "while Trafford performs adequately.", {("Doncaster", OE, "performs_poorly", CUR),
                                             ("Stockport", OE, "performs_well", CUR),
                                             ("Trafford", OE, "performs_adequately", CUR)}),
    ("annual-count-of-councils", "Ofsted rated Doncaster as performing poorly. A total of 11 councils were found "
     "to perform poorly this year.", {("Doncaster", OE, "performs_poorly", CUR)}),
    ("own-fostering-agency", "Ofsted also inspected Devon's fostering agency in December 2022 and judged it good.",
     {("Devon", FOST, GOOD, CUR)}),
    ("neg-childrens-home", "A children's home run by Norfolk County Council has been rated outstanding by Ofsted.",
     set()),
    ("neg-schools", "Ofsted said two primary schools in Kent were rated inadequate in the same week.", set()),
    ("neg-private-agency", "A private fostering agency based in Essex was judged to require improvement by Ofsted.",
     set()),
    ("neg-nursery-while", "Haringey's children's services were rated good in 2022, while a nursery in the borough "
     "was graded requires improvement by Ofsted.", {("Haringey", OE, GOOD, PREV)}),
    ("neg-target-year", "Camden aims to be rated good by 2025, its director said.", set()),
    ("neg-future-year", "Camden expects its children's services to be judged good in 2025 by Ofsted.", set()),
    ("neg-plan-to-reach", "Islington sets out plan to reach ‘good’ at its next Ofsted inspection.", set()),
    # --- phrasings added after the first held-out set (own wording, other councils than the texts)
    ("hp-children-who-need-protection", "Ofsted judged the support given to children who need protection in "
     "Solihull to be inadequate.", {("Solihull", HP, INAD, CUR)}),
    ("moving-up-from-not-aim", "Norfolk's services are now rated good, moving up from the requires improvement "
     "grade they were given before.", {("Norfolk", OE, GOOD, CUR), ("Norfolk", OE, RI, PREV)}),
    ("after-being-judged", "After being judged inadequate, Derbyshire's services are now rated good.",
     {("Derbyshire", OE, INAD, PREV), ("Derbyshire", OE, GOOD, CUR)}),
    ("sheds-its-rating", "Wigan sheds its inadequate rating after a two-year improvement drive",
     {("Wigan", OE, INAD, PREV)}),
    ("out-of-category", "Torbay has climbed out of the inadequate category, Ofsted said.",
     {("Torbay", OE, INAD, PREV)}),
    ("now-beats-clause-year", "Sunderland, judged inadequate in 2018 and now rated outstanding, hosted the "
     "conference.", {("Sunderland", OE, INAD, PREV), ("Sunderland", OE, OUT, CUR)}),
    ("rating-it", "Inspectors praised the Bromley fostering service's recruitment of carers, rating it "
     "outstanding.", {("Bromley", FOST, OUT, CUR)}),
    ("rated-long-object", "Inspectors rated the support for care leavers offered by Devon good.",
     {("Devon", CL, GOOD, CUR)}),
    ("together-with", "Ofsted judged leadership in Kent to be good, together with services for children in care.",
     {("Kent", LEAD, GOOD, CUR), ("Kent", CIC, GOOD, CUR)}),
    ("both-cue-in-quote", "Ofsted rated Essex inadequate, with adoption judged inadequate and inspectors noting "
     "that “too many children remain without a plan”.", {("Essex", OE, INAD, CUR), ("Essex", ADOPT, INAD, CUR)}),
    ("kept-that-grade", "Cornwall has been rated good since 2015 and kept that grade in its latest inspection.",
     {("Cornwall", OE, GOOD, CUR), ("Cornwall", OE, GOOD, PREV)}),
    ("ri-judgement-in-clause-still", "Inspectors found children in care in Sunderland were well supported, while "
     "help and protection for families still requires improvement.", {("Sunderland", HP, RI, CUR)}),
    ("ri-we-were-told", "At our last inspection in 2021 we were told we required improvement, said the Trafford "
     "director.", {("Trafford", OE, RI, PREV)}),
    ("rather-than", "Help and protection in Bromley was judged good rather than outstanding, inspectors said.",
     {("Bromley", HP, GOOD, CUR)}),
    ("scale-enumeration", "Ofsted grades each council outstanding, good, requires improvement or inadequate; "
     "Devon was rated good.", {("Devon", OE, GOOD, CUR)}),
    ("scale-from-to", "In Ofsted's annual ratings, councils sit on a four-point scale, from performs poorly to "
     "performs excellently, and Stockport performs well.", {("Stockport", OE, "performs_well", CUR)}),
    ("both-after-judgements", "Surrey's report came out last month; Kent's followed this week.\n\nChildren in "
     "care and care leavers were both rated good.", {("Kent", CIC, GOOD, CUR), ("Kent", CL, GOOD, CUR)}),
    ("in-both-councils", "Hackney and Islington share one children's services department.\n\nA Hackney "
     "spokesperson welcomed the findings.\n\nAdoption was judged outstanding in both councils.",
     {("Hackney", ADOPT, OUT, CUR), ("Islington", ADOPT, OUT, CUR)}),
    ("relative-clause-skipped", "Brent, whose early help is run jointly with Camden, was rated inadequate.",
     {("Brent", OE, INAD, CUR)}),
    ("joined-from-skipped", "Norfolk's new director, who joined Norfolk from Suffolk last year, said the work "
     "goes on.\n\nServices for care leavers were judged outstanding.", {("Norfolk", CL, OUT, CUR)}),
    ("descriptor-islands", "The Isles of Scilly and Cornwall were inspected this spring.\n\nOn the islands, "
     "leadership was judged good.", {("Isles of Scilly", LEAD, GOOD, CUR)}),
    ("descriptor-county-council", "Services were run by Derbyshire County Council until a trust was set up with "
     "help from Sheffield.\n\nAt its last inspection, in 2019, the county council was judged to require "
     "improvement.", {("Derbyshire", OE, RI, PREV)}),
    ("place-only-skipped", "Devon's children's services were judged good this week.\n\nMost of its children in "
     "care live with foster carers in Cornwall.\n\nAt the last inspection in 2018 the council was judged to "
     "require improvement.", {("Devon", OE, GOOD, CUR), ("Devon", OE, RI, PREV)}),
    ("receive-a-good-service", "Inspectors said care leavers in Solihull receive a good service, although housing "
     "is scarce.", {("Solihull", CL, GOOD, CUR)}),
    ("neg-not-receive-good-service", "Inspectors said not all care leavers in Solihull receive a good service.",
     set()),
    ("annual-up-from-short-form", "Havering was judged to perform well in the annual ratings, up from adequately "
     "in 2009.", {("Havering", OE, "performs_well", CUR), ("Havering", OE, "performs_adequately", PREV)}),
    ("top-grades-plural", "Solihull and Trafford both retain top grades after inspections.",
     {("Solihull", OE, OUT, CUR), ("Solihull", OE, OUT, PREV), ("Trafford", OE, OUT, CUR),
      ("Trafford", OE, OUT, PREV)}),
    ("copula-then-new-clause", "The report found adoption in Lancashire was good and that leaders had a clear plan.",
     {("Lancashire", ADOPT, GOOD, CUR)}),
    # --- round 4 (constructions found on the second released holdout)
    ("object-pronoun", "Ofsted visited Kent's services in May and inspectors rated them inadequate.",
     {("Kent", OE, INAD, CUR)}),
    ("roundup-dash-line", "Ofsted published three inspection reports this week.\n\nBromley – good overall, with "
     "adoption judged outstanding.", {("Bromley", OE, GOOD, CUR), ("Bromley", ADOPT, OUT, CUR)}),
    ("move-with-comma-from", "Trafford moved up to good, from requires improvement in 2019, inspectors said.",
     {("Trafford", OE, GOOD, CUR), ("Trafford", OE, RI, PREV)}),
    ("unchanged-from", "Ofsted judged Sunderland's services as requires improvement, unchanged from 2019.",
     {("Sunderland", OE, RI, CUR), ("Sunderland", OE, RI, PREV)}),
    ("good-for-named-area", "Inspectors rated Wigan good for the impact of leaders on social work practice.",
     {("Wigan", LEAD, GOOD, CUR)}),
    ("annual-moved-up", "Solihull moved up to performing well in this year's annual ratings.",
     {("Solihull", OE, "performs_well", CUR)}),
    ("count-subject-not-a-council", "In the annual ratings Norfolk performs poorly, while ten are performing "
     "excellently.", {("Norfolk", OE, "performs_poorly", CUR)}),
    # --- round 5 (general causes behind the third released holdout's misses)
    ("years-after-dates-the-later-grade", "Solihull judged good four years after inadequate rating",
     {("Solihull", OE, GOOD, CUR), ("Solihull", OE, INAD, PREV)}),
    ("years-after-before-the-grade", "Four years after being rated inadequate, Solihull was judged good.",
     {("Solihull", OE, GOOD, CUR), ("Solihull", OE, INAD, PREV)}),
    ("mention-after-as-is-another-clause", "Sefton children's services were judged inadequate by Ofsted this "
     "week.\n\nInspectors rated the council inadequate as Wirral also faced criticism.", {("Sefton", OE, INAD, CUR)}),
    ("grade-before-capacity", "Inspectors judged Oldham adequate, with good capacity for improvement.",
     {("Oldham", OE, ADQ, CUR), ("Oldham", "other", GOOD, CUR)}),
    ("neg-capacity-no-rating-talk", "The new director said her team showed good capacity to improve.", set()),
    ("scope-across-the-board", "When Ofsted last visited in 2017 it rated Wirral inadequate across the board.",
     {("Wirral", OE, INAD, PREV)}),
    ("scope-in-the-borough", "In Bury, inspectors found leadership and adoption were both good in the borough, "
     "while help and protection required improvement.",
     {("Bury", LEAD, GOOD, CUR), ("Bury", ADOPT, GOOD, CUR), ("Bury", HP, RI, CUR)}),
    ("neg-good-in-parts", "Inspectors found practice was good in parts of Bury but weak elsewhere.", set()),
    ("ri-abbreviation-still-only", "Inspectors said that in Walsall, care leavers are still only RI.",
     {("Walsall", CL, RI, CUR)}),
    ("neg-ri-abbreviation-as-a-name", "Walsall's RI plan was discussed by inspectors at the meeting.", set()),
    ("rating-noun-bracket", "Barnet, which spent years in the inadequate bracket, is now rated good.",
     {("Barnet", OE, INAD, PREV), ("Barnet", OE, GOOD, CUR)}),
    ("including-names-after-grade", "Inspectors judged Redbridge's services good, including help and "
     "protection and the experiences of children in care.",
     {("Redbridge", OE, GOOD, CUR), ("Redbridge", HP, GOOD, CUR), ("Redbridge", CIC, GOOD, CUR)}),
    ("neg-including-no-names", "Redbridge was rated good, including praise for its social workers.",
     {("Redbridge", OE, GOOD, CUR)}),
    ("remain-under-is-not-a-grade", "Stoke-on-Trent's services, rated inadequate in 2017, remain under a "
     "government commissioner.", {("Stoke-on-Trent", OE, INAD, PREV)}),
    ("remained-so-keeps-the-grade", "Darlington, judged good in 2018, remained so after this year's inspection.",
     {("Darlington", OE, GOOD, CUR), ("Darlington", OE, GOOD, PREV)}),
    ("place-only-coordination", "Shropshire's children's services were judged good this week.\n\nThe director "
     "thanked partners in Staffordshire and Herefordshire, whose teams shared training.\n\nThe council was last "
     "inspected in 2018, when it was rated requires improvement.",
     {("Shropshire", OE, GOOD, CUR), ("Shropshire", OE, RI, PREV)}),
    ("colon-list-of-councils", "Three councils were judged outstanding this year: Kent, Leeds and Essex.",
     {("Kent", OE, OUT, CUR), ("Leeds", OE, OUT, CUR), ("Essex", OE, OUT, CUR)}),
    ("safeguarding-listed-after-grade", "Inspectors rated Calderdale adequate for safeguarding and for "
     "looked-after children.", {("Calderdale", HP, ADQ, CUR), ("Calderdale", CIC, ADQ, CUR)}),
    ("safeguarding-after-grade-alone", "Ofsted judged Calderdale good for safeguarding.",
     {("Calderdale", OE, GOOD, CUR)}),
    ("neg-safeguarding-services-subject", "Calderdale's safeguarding services were rated inadequate.",
     {("Calderdale", OE, INAD, CUR)}),
    ("pronoun-takes-areas-of-grade-before", "In Tameside, help and protection was judged good, while in Oldham "
     "it was found to be inadequate.", {("Tameside", HP, GOOD, CUR), ("Oldham", HP, INAD, CUR)}),
    ("neg-pronoun-is-the-rater", "Inspectors found adoption in Tameside was good, but they rated the council "
     "inadequate.", {("Tameside", ADOPT, GOOD, CUR), ("Tameside", OE, INAD, CUR)}),
    ("generic-when-clause", "When Ofsted gives a council its lowest grade, ministers step in. Knowsley was rated "
     "good this week.", {("Knowsley", OE, GOOD, CUR)}),
    ("generic-if-clause", "If a council is judged inadequate, a commissioner is usually appointed, Ofsted said.",
     set()),
    ("neg-when-past-outcome", "When Ofsted last inspected Knowsley in 2019, it was rated inadequate.",
     {("Knowsley", OE, INAD, PREV)}),
    ("neg-years-in-not-a-grade", "Medway spent years near the bottom of the tables before this week's good "
     "rating.", {("Medway", OE, GOOD, CUR)}),
    ("scope-on-all-fronts", "Inspectors judged Medway outstanding on all fronts.", {("Medway", OE, OUT, CUR)}),
    ("neg-colon-not-a-list", "Two councils were rated inadequate: the minister said Kent would offer support.",
     set()),
    # --- round 6
    ("topic-two-paragraphs-up", "Ofsted has rated children's services in Cornwall and Devon as requiring improvement, in "
     "reports published on Friday.\n\n"
     "Devon was judged good for adoption, with inspectors praising the speed with which children were "
     "matched with new families and the support given to adopters afterwards.\n\nCornwall, which had been rated inadequate in 2015, was praised for "
     "its fostering service.\n\nFamilies spoke warmly of their social workers.\n\n"
     "Even so, inspectors said services for children in care still required improvement.",
     {("Devon", OE, RI, CUR), ("Cornwall", OE, RI, CUR), ("Devon", ADOPT, GOOD, CUR),
      ("Cornwall", OE, INAD, PREV), ("Cornwall", CIC, RI, CUR)}),
    ("year-running", "Torbay has been judged inadequate for the third year running.",
     {("Torbay", OE, INAD, CUR), ("Torbay", OE, INAD, PREV)}),
    ("first-time-not-repeat", "Torbay has been judged inadequate for the first time.", {("Torbay", OE, INAD, CUR)}),
    ("neg-no-area-subject", "Ofsted rated Solihull good overall. No part of the service was found to be "
     "inadequate.", {("Solihull", OE, GOOD, CUR)}),
    ("neg-none-of-subject", "Inspectors judged Solihull good, and none of the four areas was judged to require "
     "improvement.", {("Solihull", OE, GOOD, CUR)}),
    ("neg-generic-gerund", "Wigan was rated outstanding.\n\nAn academic at a local university said keeping an "
     "outstanding grade is harder than winning one.", {("Wigan", OE, OUT, CUR)}),
    ("own-gerund-counts", "Wigan has kept its outstanding grade.\n\n\"Keeping our outstanding rating is down to "
     "the staff,\" said the director.", {("Wigan", OE, OUT, CUR), ("Wigan", OE, OUT, PREV)}),
    ("colon-after-area-words", "Ofsted judged Brent good for overall effectiveness and across the three other "
     "areas: the impact of leaders; the experiences and progress of children who need help and protection; and "
     "the experiences and progress of children in care.",
     {("Brent", OE, GOOD, CUR), ("Brent", LEAD, GOOD, CUR), ("Brent", HP, GOOD, CUR), ("Brent", CIC, GOOD, CUR)}),
    ("count-including-names", "In all, 28 councils were found to be performing excellently, including Bromley, "
     "Havering and Lambeth.", {("Bromley", OE, "excellent", CUR), ("Havering", OE, "excellent", CUR),
                                ("Lambeth", OE, "excellent", CUR)}),
    ("count-among-them-names", "Seven authorities were judged to be performing poorly, among them Sandwell and "
     "Wigan.", {("Sandwell", OE, "performs_poorly", CUR), ("Wigan", OE, "performs_poorly", CUR)}),
    ("neg-count-including-possessive", "Five councils were rated inadequate, including Lambeth's neighbour "
     "across the river.", set()),
    ("scale-figure-of-speech", "At the top end of the scale, 19 councils were judged to be performing "
     "excellently, including Bromley and Lambeth.", {("Bromley", OE, "excellent", CUR),
                                                     ("Lambeth", OE, "excellent", CUR)}),
    ("kept-the-standard", "Children's services in Warrington have maintained the outstanding standard they "
     "achieved when they were last inspected.", {("Warrington", OE, OUT, CUR), ("Warrington", OE, OUT, PREV)}),
    ("neg-standard-of-practice", "Warrington was rated good. Inspectors said managers had kept a good standard "
     "of supervision since the last inspection.", {("Warrington", OE, GOOD, CUR)}),
    ("neg-the-standard-of", "Warrington was rated good. Staff have kept the good standard of recording noted "
     "by inspectors last year.", {("Warrington", OE, GOOD, CUR)}),
    ("our-before-area", "Brent was rated good overall.\n\n\"Being judged outstanding for our adoption service "
     "is a huge achievement,\" the council's leader said.", {("Brent", OE, GOOD, CUR), ("Brent", ADOPT, OUT, CUR)}),
    # "rated X GRADE" going on with when, how often or why
    ("object-then-when", "Ofsted rated Sheffield good in March after a two-week inspection.",
     {("Sheffield", OE, GOOD, CUR)}),
    ("object-then-first-time", "Inspectors judged Lambeth outstanding for the first time.", {("Lambeth", OE, OUT, CUR)}),
    ("object-then-year-previous", "Ofsted carried out a monitoring visit in August, the fourth since it rated "
     "Torbay inadequate in 2019.", {("Torbay", OE, INAD, PREV)}),
    ("neg-object-found-good-at", "Inspectors found Lambeth's social workers good at building relationships with "
     "children.", set()),
    ("quoted-then-with-area", "Ofsted inspectors rated Sheffield's children's services \"good\" overall, with "
     "leadership rated \"outstanding\".", {("Sheffield", OE, GOOD, CUR), ("Sheffield", LEAD, OUT, CUR)}),
    ("headline-plural-get", "Sheffield children's services get good rating from Ofsted",
     {("Sheffield", OE, GOOD, CUR)}),
    ("neg-aim-to-get", "Sheffield council wants to get a good rating from Ofsted by 2026.", set()),
    ("judgement-for-the-name", "The inspection also handed Sheffield an outstanding judgement for the impact of "
     "its leaders on social work practice.", {("Sheffield", LEAD, OUT, CUR)}),
    ("object-list-of-names", "Inspectors rated Kent's help and protection, children in care and care leavers good, "
     "describing a stable workforce.", {("Kent", HP, GOOD, CUR), ("Kent", CIC, GOOD, CUR), ("Kent", CL, GOOD, CUR)}),
    ("again-in-a-past-year", "Sheffield was judged to require improvement.\n\nOfsted had rated the council's "
     "services inadequate in 2018 and again in 2021.", {("Sheffield", OE, RI, CUR), ("Sheffield", OE, INAD, PREV)}),
    ("neg-home-before-inserted-phrase", "Sheffield was judged good. One of its own children's homes, in Rotherham "
     "Road, was rated outstanding in a separate inspection.", {("Sheffield", OE, GOOD, CUR)}),
    ("neg-other-inspectorate", "Sheffield was judged inadequate. On Monday the Care Quality Commission rated the "
     "city's hospital trust, which runs the Northern General, as requires improvement, while HMICFRS told South "
     "Yorkshire Police its work was \"adequate\".", {("Sheffield", OE, INAD, CUR)}),
    ("neg-academy-which-was-rated", "Sheffield was judged inadequate. There was better news for St Mary's Academy "
     "in Hillsborough, which was rated outstanding by Ofsted, having been judged good in 2017.",
     {("Sheffield", OE, INAD, CUR)}),
    ("council-which-runs-schools", "Sheffield, which runs three special schools, was rated good by Ofsted.",
     {("Sheffield", OE, GOOD, CUR)}),
    ("it-after-a-council-in-passing", "Cornwall Council was handed the lowest grade.\n\nThe authority took "
     "over services when Devon County Council withdrew from the partnership in 2019.\n\nIt was judged inadequate "
     "for its help and protection of children.", {("Cornwall", OE, INAD, CUR), ("Cornwall", HP, INAD, CUR)}),
    ("relative-clause-then-ri", "Norfolk County Council, which was inadequate when it was last inspected in 2013, "
     "now requires improvement, with leadership rated good.", {("Norfolk", OE, INAD, PREV), ("Norfolk", OE, RI, CUR),
                                                              ("Norfolk", LEAD, GOOD, CUR)}),
    ("relative-clause-then-copula", "Norfolk County Council, which was rated inadequate when it was last inspected "
     "in 2013, is now good, inspectors said.", {("Norfolk", OE, INAD, PREV), ("Norfolk", OE, GOOD, CUR)}),
    ("long-relative-clause-names-another", "In Camden, where services have been run since 2014 by a trust, a "
     "social enterprise it set up with neighbouring Islington, Ofsted rated services good, with adoption judged "
     "outstanding.", {("Camden", OE, GOOD, CUR), ("Camden", ADOPT, OUT, CUR)}),
    ("since-year-when-rated", "The inspection is the first full inspection of Wigan's services since 2018, when "
     "they were rated requires improvement to be good.", {("Wigan", OE, RI, PREV)}),
    ("news-previous-then-report", "Nottingham's services were previously judged to require improvement in 2015. "
     "In their report, inspectors judged all three areas to be good.", {("Nottingham", OE, RI, PREV),
                                                                        ("Nottingham", OE, GOOD, CUR)}),
    ("dash-aside-then-although", "The report rated Hull's overall effectiveness as requires improvement - the same "
     "grade it was given in 2015 - although the service for children in care was judged good, up from requires "
     "improvement in 2015.", {("Kingston upon Hull", OE, RI, CUR), ("Kingston upon Hull", OE, RI, PREV), ("Kingston upon Hull", CIC, GOOD, CUR),
                              ("Kingston upon Hull", CIC, RI, PREV)}),
    ("still-as-they-did", "Ofsted found that in Hull the experiences of children who need help and protection still require "
     "improvement, as they did four years ago.", {("Kingston upon Hull", HP, RI, CUR), ("Kingston upon Hull", HP, RI, PREV)}),
    ("roundup-bracket-previous", "Ofsted roundup: Kent rated outstanding as two councils shed 'inadequate' label\n\n"
     "KENT: Outstanding (previously good)\n\nKent, one of two councils inspected in February, was rated outstanding.",
     {("Kent", OE, OUT, CUR), ("Kent", OE, GOOD, PREV)}),
    ("among-the-ten-councils", "At the other end of the scale, Camden and Islington were among the ten councils "
     "rated as performing excellently by Ofsted.", {("Camden", OE, "excellent", CUR),
                                                    ("Islington", OE, "excellent", CUR)}),
    ("annual-lowest-of-its-grades", "Sheffield and Leeds were given the lowest of Ofsted's four grades in its "
     "annual assessment.\n\nKent, which was rated poorly last year, moved up a grade to performs adequately.",
     {("Sheffield", OE, "performs_poorly", CUR), ("Leeds", OE, "performs_poorly", CUR),
      ("Kent", OE, "performs_poorly", PREV), ("Kent", OE, "performs_adequately", CUR)}),
    ("neg-counts-of-councils", "Kent was rated inadequate. Of the 114 councils inspected since 2013, 25 have "
     "now been judged inadequate and only 28 good.", {("Kent", OE, INAD, CUR)}),
    ("neg-graded-by-other-inspectorate", "Kent was rated inadequate. Kent Police, whose handling of vulnerable "
     "children was graded requires improvement by HM Inspectorate of Constabulary last year, was criticised.",
     {("Kent", OE, INAD, CUR)}),
    ("areas-both-require-improvement", "Ofsted has published its report on Kent.\n\nThe sub-judgements differ. "
     "In Kent, help and protection and leadership both require improvement.",
     {("Kent", HP, RI, CUR), ("Kent", LEAD, RI, CUR)}),
    ("requiring-improvement-participle", "The new report rates Leeds's services as requiring improvement to be "
     "good, with services for children who need help and protection also requiring improvement and leadership, "
     "management and governance judged good.", {("Leeds", OE, RI, CUR), ("Leeds", HP, RI, CUR),
                                                 ("Leeds", LEAD, GOOD, CUR)}),
    ("neg-count-no-names", "Nine authorities were rated inadequate, including three in London, while Lambeth "
     "was rated good.", {("Lambeth", OE, GOOD, CUR)}),
    ("appositive-names-another-council", "Trafford Council, in its first year after taking back services run "
     "jointly with Stockport since 2016, was rated good.", {("Trafford", OE, GOOD, CUR)}),
    ("appositive-past-date-describes-area", "Ofsted has rated Leeds again.\n\nLeadership, the area inspectors "
     "criticised most four years ago, was also judged good.", {("Leeds", LEAD, GOOD, CUR)}),
    ("appositive-placing-the-inspection", "Leeds, at its last inspection in 2019, was rated good.",
     {("Leeds", OE, GOOD, PREV)}),
    ("dash-enclosed-description-names-another-council", "Kent kept its good rating, while Hampshire – whose "
     "managers were sent to help turn round services on the Isle of Wight in 2013 – was judged outstanding.",
     {("Kent", OE, GOOD, CUR), ("Kent", OE, GOOD, PREV), ("Hampshire", OE, OUT, CUR)}),
    ("table-previous-and-new-judgement-columns", "Inspection outcomes\n\nLocal authority | Inspection type | "
     "Previous overall effectiveness (year) | Overall effectiveness\n\nStockport | Short | Good (2019) | "
     "Outstanding\n\nTrafford | Standard | Requires improvement to be good (2018) | Inadequate",
     {("Stockport", OE, GOOD, PREV), ("Stockport", OE, OUT, CUR), ("Trafford", OE, RI, PREV),
      ("Trafford", OE, INAD, CUR)}),
    ("table-year-columns-with-pipes-and-empty-cell", "Kent County Council: Ofsted judgements then and now\n\nJudgement | 2021 | 2025"
     "\n\nThe impact of leaders | Good | Requires improvement\n\nThe experiences and progress of care leavers | - "
     "| Good", {("Kent", LEAD, GOOD, PREV), ("Kent", LEAD, RI, CUR), ("Kent", CL, GOOD, CUR)}),
    ("council-in-a-relative-clause-is-not-the-next-paragraphs-subject", "Isle of Wight moves up\n\nThe Isle of "
     "Wight Council, whose children's services have been run in partnership with Hampshire County Council since "
     "2013, has been rated good.\n\nLeadership was judged outstanding, while adoption was found to be good.",
     {("Isle of Wight", OE, GOOD, CUR), ("Isle of Wight", LEAD, OUT, CUR), ("Isle of Wight", ADOPT, GOOD, CUR)}),
    ("unnamed-councils-of-a-kind-in-a-round-up", "Ofsted round-up: Sutton makes the grade as Northamptonshire "
     "slides\n\nReports published this week show mixed fortunes, with one London borough securing a good rating "
     "and a shire county falling into the lowest category.\n\nNorthamptonshire County Council has been rated "
     "inadequate. The London Borough of Sutton has been rated good.",
     {("Sutton", OE, GOOD, CUR), ("Northamptonshire", OE, INAD, CUR)}),
    ("paragraph-framed-by-an-earlier-inspection", "Kent County Council\n\nSelf-evaluation, December 2024\n\n"
     "Our context. We work with our neighbours in Surrey and Essex.\n\n2.1 In the inspection of July 2020, "
     "Ofsted judged our services for children inadequate overall. The impact of leaders and the experiences of "
     "children in care were each judged inadequate.", {("Kent", OE, INAD, PREV), ("Kent", LEAD, INAD, PREV),
                                                      ("Kent", CIC, INAD, PREV)}),
    ("history-in-passing-does-not-frame-the-paragraph", "Nottinghamshire County Council has been rated good.\n\n"
     "The council was first rated good in 2019, and inspectors who visited in October said services had "
     "improved. Help and protection was judged outstanding.", {("Nottinghamshire", OE, GOOD, CUR),
                                                              ("Nottinghamshire", OE, GOOD, PREV),
                                                              ("Nottinghamshire", HP, OUT, CUR)}),
    ("in-each-of-the-areas-for-a-list", "The trust was judged good overall and in each of the areas for help and "
     "protection, children in care, care leavers and the impact of leaders. Sandwell owns the trust.",
     {("Sandwell", OE, GOOD, CUR), ("Sandwell", HP, GOOD, CUR), ("Sandwell", CIC, GOOD, CUR),
      ("Sandwell", CL, GOOD, CUR), ("Sandwell", LEAD, GOOD, CUR)}),
    ("found-the-same-for", "Ofsted inspected Sandwell. Inspectors judged help and protection to require "
     "improvement, and found the same for children in care and for the impact of leaders.",
     {("Sandwell", HP, RI, CUR), ("Sandwell", CIC, RI, CUR), ("Sandwell", LEAD, RI, CUR)}),
    ("leaders-were-rated", "Ofsted has rated Leeds outstanding. Leaders were rated outstanding and children in "
     "care good.", {("Leeds", OE, OUT, CUR), ("Leeds", LEAD, OUT, CUR), ("Leeds", CIC, GOOD, CUR)}),
    ("neg-restating-a-providers-grade", "Kent was rated good. A privately run children's home in Kent was rated "
     "outstanding in its latest inspection, the third consecutive outstanding grade for the provider.",
     {("Kent", OE, GOOD, CUR)}),
    ("neg-will-once-again-be", "Derby was rated inadequate. The leader said: \"I am determined that, by 2027, "
     "Derby will once again be a place where children's services are good.\"", {("Derby", OE, INAD, CUR)}),
    ("neg-counterfactual-had-been-judged", "Derby was rated inadequate. If the council had been judged to "
     "require improvement rather than inadequate, it would not have faced intervention.",
     {("Derby", OE, INAD, CUR)}),
    ("rank-grade-restating-the-previous-one", "It marks a turnaround. Leeds was rated inadequate in 2016, one of "
     "only a handful of councils in the north to receive the lowest grade, and was then judged requires "
     "improvement in 2019.", {("Leeds", OE, INAD, PREV), ("Leeds", OE, RI, PREV)}),
    ("good-for-the-experiences-and-progress-of", "Ofsted has published its report on Leeds. The report judges the "
     "service good overall, good for the experiences and progress of children who need help and protection, "
     "and good for children in care.", {("Leeds", OE, GOOD, CUR), ("Leeds", HP, GOOD, CUR),
                                        ("Leeds", CIC, GOOD, CUR)}),
    ("neg-should-inversion", "Westmorland and Furness was judged inadequate. Should Ofsted find at a future "
     "inspection that services remain inadequate, I would consider all the options.",
     {("Westmorland and Furness", OE, INAD, CUR)}),
    ("object-with-two-possessives", "Sutton was rated performing well in 2008. Eight years later, in 2016, Ofsted "
     "judged the council's children's services inadequate.",
     {("Sutton", OE, "performs_well", PREV), ("Sutton", OE, INAD, PREV)}),
    ("lowest-rating-after-the-annual-ratings-ended", "Sutton was rated performing well in 2008. Croydon received "
     "the lowest rating Ofsted can give in 2017.", {("Sutton", OE, "performs_well", PREV), ("Croydon", OE, INAD,
                                                                                             PREV)}),
    ("pronoun-subject-present-tense-judges", "Ofsted has published its report on Leeds. It judges the service "
     "good overall and good for children in care.", {("Leeds", OE, GOOD, CUR), ("Leeds", CIC, GOOD, CUR)}),
    ("dash-enclosed-placing-the-inspection", "Leeds — at its last inspection in 2019 — was rated good.",
     {("Leeds", OE, GOOD, PREV)}),
    ("neg-future-passive-aim", "Sheffield Council hopes its services will be rated outstanding when inspectors "
     "return.", set()),
    ("neg-aimed-to-be-judged", "The director said Kent aimed to be judged good within two years.", set()),
    ("neg-police-graded-by-inspectorate", "Kent was rated good. Kent Police was graded adequate for its work "
     "with missing children in its latest PEEL inspection, in 2022.", {("Kent", OE, GOOD, CUR)}),
    ("when-clause-after-last-inspection", "Wigan was judged to require improvement at its last full inspection "
     "in May 2019, when inspectors rated services for care leavers as good.",
     {("Wigan", OE, RI, PREV), ("Wigan", CL, GOOD, PREV)}),
    ("perfect-following-inspection-last-year", "Brent's children's services have been judged good by Ofsted "
     "following an inspection late last year.", {("Brent", OE, GOOD, CUR)}),
    ("every-area-they-looked-at-colon", "Inspectors rated Solihull good overall and in every area they "
     "examined: help and protection, children in care, care leavers and the impact of leaders.",
     {("Solihull", OE, GOOD, CUR), ("Solihull", HP, GOOD, CUR), ("Solihull", CIC, GOOD, CUR),
      ("Solihull", CL, GOOD, CUR), ("Solihull", LEAD, GOOD, CUR)}),
    ("second-object-list-with-as", "Inspectors rated Havering's care leavers service as outstanding, and its "
     "help and protection and the impact of its leaders as good.",
     {("Havering", CL, OUT, CUR), ("Havering", HP, GOOD, CUR), ("Havering", LEAD, GOOD, CUR)}),
    ("holding-on-to-the-grade", "Torbay was rated requires improvement to be good, holding on to the grade it "
     "received in 2019.", {("Torbay", OE, RI, CUR), ("Torbay", OE, RI, PREV)}),
    ("down-from-another-councils-grade", "Cumberland Council's services were judged to require improvement, "
     "down from the good grade Cumbria County Council's services received in 2022.\n\nHelp and protection was "
     "judged good.", {("Cumberland", OE, RI, CUR), ("Cumbria", OE, GOOD, PREV), ("Cumberland", HP, GOOD, CUR)}),
    ("at-that-inspection-after-previous", "Kent was judged outstanding last month.\n\nAt its previous "
     "inspection, in March 2018, Kent was judged good overall. At that inspection, services for care leavers "
     "were judged outstanding.", {("Kent", OE, OUT, CUR), ("Kent", OE, GOOD, PREV), ("Kent", CL, OUT, PREV)}),
    ("overall-effectiveness-of-a-service", "Ofsted inspected Sheffield. The overall effectiveness of services "
     "for looked after children was judged good.", {("Sheffield", CIC, GOOD, CUR)}),
    ("its-adoption-agency", "Sheffield's safeguarding services were judged adequate, and its adoption agency "
     "was judged good.", {("Sheffield", OE, "adequate", CUR), ("Sheffield", ADOPT, GOOD, CUR)}),
    ("remain-grade-following", "Devon's children's services remain good following Ofsted's latest "
     "inspection.", {("Devon", OE, GOOD, CUR), ("Devon", OE, GOOD, PREV)}),
    ("again-in-a-previous-inspection-sentence", "Sandwell was judged to require improvement this spring.\n\n"
     "At the previous full inspection, in 2019, services were again judged inadequate.",
     {("Sandwell", OE, RI, CUR), ("Sandwell", OE, INAD, PREV)}),
    ("was-still-under-a-grade-in-an-earlier-year", "Sunderland was judged good this spring.\n\nWhen I joined "
     "in September 2021, the service was still working under an inadequate judgement.",
     {("Sunderland", OE, GOOD, CUR), ("Sunderland", OE, INAD, PREV)}),
    ("neg-inverted-conditional", "Leeds was judged good. Were the council to be judged inadequate at its next "
     "inspection, a commissioner would be appointed.", {("Leeds", OE, GOOD, CUR)}),
    ("heading-grade-over-a-bulleted-list", "Ofsted results: councils that moved in 2023\n\nJoined the inadequate category in "
     "2023\n\n• Kent – down from good.\n\n• Devon – previously rated requires improvement to be good.",
     {("Kent", OE, INAD, CUR), ("Devon", OE, INAD, CUR), ("Kent", OE, GOOD, PREV), ("Devon", OE, RI, PREV)}),
    ("now-after-an-earlier-grade", "Ofsted results\n\n• Wigan – rated inadequate in 2021; now requires "
     "improvement to be good.",
     {("Wigan", OE, INAD, PREV), ("Wigan", OE, RI, CUR)}),
    ("neg-grades-in-general", "Leeds was rated good. For most directors an inadequate judgement is rarely a "
     "surprise.", {("Leeds", OE, GOOD, CUR)}),
    ("neg-if-were-to-be", "Leeds was rated good. If Kent's trust were to be judged inadequate, ministers would "
     "act.", {("Leeds", OE, GOOD, CUR)}),
    ("and-grade-for-areas-after-a-move", "Leeds was judged outstanding overall, up from good at its previous "
     "inspection in 2019, and outstanding for the impact of leaders and for children in care.",
     {("Leeds", OE, OUT, CUR), ("Leeds", OE, GOOD, PREV), ("Leeds", LEAD, OUT, CUR), ("Leeds", CIC, OUT, CUR)}),
    ("area-fell-from-to", "Kent remains good overall, the grade it was given in 2019. However, the judgement for help and protection fell from "
     "good to requires improvement to be good.", {("Kent", OE, GOOD, CUR), ("Kent", OE, GOOD, PREV),
                                                  ("Kent", HP, GOOD, PREV), ("Kent", HP, RI, CUR)}),
    ("dash-list-of-areas", "Ofsted has inspected Devon.\n\nIn detail, inspectors judged:\n\nChildren who need "
     "help and protection – requires improvement\n\nAdoption performance – good",
     {("Devon", HP, RI, CUR), ("Devon", ADOPT, GOOD, CUR)}),
    ("list-of-areas-over-commas-before-overall", "The inspection judged Kent's services for children in need of "
     "help and protection, children looked after and care leavers to require improvement to be good overall.",
     {("Kent", OE, RI, CUR), ("Kent", HP, RI, CUR), ("Kent", CIC, RI, CUR), ("Kent", CL, RI, CUR)}),
    ("report-the-council-is-its-subject", "Sheffield City Council\n\nThis is an inspection of children's social "
     "care services.\n\nSheffield City Council's services were inspected in 2023.\n\nHealth services are "
     "commissioned with Derbyshire.\n\nIn the annual assessment published in December 2020, the council was "
     "judged to be good.", {("Sheffield", OE, GOOD, PREV)}),
    ("neg-self-assessment", "Sheffield City Council\n\nOfsted rated our services good in 2019.\n\nWe judge "
     "ourselves to be outstanding in help and protection.", {("Sheffield", OE, GOOD, PREV)}),
    ("first-person-is-the-texts-council", "Leeds City Council annual report\n\nLeeds City Council runs services "
     "with partners in the Leeds and Bradford Safeguarding Partnership.\n\nOur last Ofsted judgement, in 2018, was "
     "outstanding.", {("Leeds", OE, OUT, PREV)}),
    ("bulleted-grades-under-an-area-intro", "Ofsted results\n\nBefore 2018 each council's adoption work was graded "
     "on its own. The final adoption grades were:\n\n• Leeds – outstanding (2015)\n\n• Kent – good (2016)",
     {("Leeds", ADOPT, OUT, PREV), ("Kent", ADOPT, GOOD, PREV)}),
    ("rated-grade-just-years-ago", "Hull was rated inadequate this month. The council was rated good just four "
     "years ago.", {("Kingston upon Hull", OE, INAD, CUR), ("Kingston upon Hull", OE, GOOD, PREV)}),
    ("neg-ambition-for-x-to-be-judged", "Torbay was judged inadequate. The board's ambition is for Torbay to be "
     "judged at least requires improvement to be good next time.", {("Torbay", OE, INAD, CUR)}),
    ("neg-did-not-judge-any", "Lambeth was judged good. Ofsted did not judge any of the council's services to "
     "be inadequate.", {("Lambeth", OE, GOOD, CUR)}),
    ("neg-count-as-clause-subject", "Leeds was judged good. Of the 79 councils inspected so far, 21 have been "
     "judged inadequate.", {("Leeds", OE, GOOD, CUR)}),
    ("at-which-after-a-dated-inspection", "Torbay had its fourth monitoring visit since the inspection in April "
     "2021, at which Torbay's services were judged inadequate.", {("Torbay", OE, INAD, PREV)}),
    ("legacy-of-a-grade", "Cumberland making progress on legacy of inadequate rating, says Ofsted",
     {("Cumberland", OE, INAD, PREV)}),
    ("copula-overall-with-a-move", "Weekly Ofsted digest\n\nPETERBOROUGH\n\nPeterborough City Council's children's "
     "services are now good overall, up from requires improvement in 2021.",
     {("Peterborough", OE, GOOD, CUR), ("Peterborough", OE, RI, PREV)}),
    ("back-to-the-paragraphs-council-after-background", "Cumberland Council has been judged to require improvement "
     "in its first full inspection. Cumbria had been rated good in 2021. Leadership was rated requires "
     "improvement.", {("Cumberland", OE, RI, CUR), ("Cumbria", OE, GOOD, PREV), ("Cumberland", LEAD, RI, CUR)}),
    ("neg-seek-a-grade", "Hull was rated good. Councillors asked whether the council intended to seek an "
     "outstanding judgement at the next inspection.", {("Kingston upon Hull", OE, GOOD, CUR)}),
    ("annual-move-to-this-year", "Doncaster moved up from performing poorly in 2009 to performing well this "
     "year.", {("Doncaster", OE, "performs_poorly", PREV), ("Doncaster", OE, "performs_well", CUR)}),
]


@pytest.mark.parametrize("case_id,text,expected", CASES, ids=[c[0] for c in CASES])
def test_ratings_cases(nlp, case_id, text, expected):
    kind = "ofsted_letter" if "letter summarises" in text else (
        "ofsted_report" if "inspection of children's social care services" in text else "news")
    doc = run(nlp, text, kind=kind)
    assert keyset(doc) == expected


def test_enough_cases():
    assert len(CASES) >= 80


def test_rows_carry_evidence_offsets_and_years(nlp):
    text = ("Essex council, which scored a ‘good’ rating when the regulator last called in 2014, was judged "
            "‘outstanding’ in a report published this week.")
    doc = run(nlp, text, published="2018-01-12")
    rows = {(r["grade"], r["timing"]): r for r in doc._.ratings}
    assert rows[("good", "previous")]["inspection_year"] == 2014
    assert rows[("outstanding", "current")]["inspection_year"] == 2018
    for r in doc._.ratings:
        assert doc.text[r["start"]:r["end"]] == r["evidence"]
        assert r["authority_code"] == "E10000012"


def test_each_coordinated_grade_takes_the_year_after_it(nlp):
    doc = run(nlp, "Torbay was judged inadequate in 2019 and requires improvement in 2021, and has now been "
              "rated good.", published="2024-03-07")
    years = {(r["grade"], r["timing"]): r["inspection_year"] for r in doc._.ratings}
    assert years == {("inadequate", "previous"): 2019, ("requires_improvement", "previous"): 2021,
                     ("good", "current"): 2024}
    doc = run(nlp, "A council whose children's services were judged 'good' in 2018 has been rated 'inadequate' "
              "after inspectors returned in September 2020.\n\nTorbay said it was disappointed.",
              published="2020-11-02")
    assert {(r["grade"], r["timing"], r["inspection_year"]) for r in doc._.ratings} == {
        ("good", "previous", 2018), ("inadequate", "current", 2020)}


def test_short_first_paragraph_ending_in_a_full_stop_is_body_text(nlp):
    text = ("Council rated good\n\nChildren's services at Torbay Council have been rated good by Ofsted.\n\n"
            "In Devon, the county council kept its outstanding rating.")
    doc = run(nlp, text, published="2024-03-07")
    assert keyset(doc) == {("Torbay", OE, GOOD, CUR), ("Devon", OE, OUT, CUR), ("Devon", OE, OUT, PREV)}


def test_county_naming_where_a_unitary_is_does_not_take_its_grades(nlp):
    """'the Essex authority', 'the former county of Cumbria': a county named to place the council the text is
    about; the grades are that council's."""
    text = ("Vulnerable children in Thurrock were left at risk, Ofsted has found, in a damning report that makes the "
            "Essex authority the latest council to have its children's services rated inadequate.\n\n"
            "Help and protection was also judged inadequate.")
    doc = run(nlp, text, published="2017-03-02")
    assert {(r["authority_name"], r["judgement"]) for r in doc._.ratings} == {
        ("Thurrock", OE), ("Thurrock", HP)}
    text = ("Senior officers at Cumberland Council faced questions.\n\nThe new unitary authority, which took over "
            "services in the north and west of the former county of Cumbria in April 2023, was found to \"require "
            "improvement to be good\" overall in a report published on 6 March 2025.")
    doc = run(nlp, text, published="2025-03-07")
    assert keyset(doc) == {("Cumberland", OE, RI, CUR)}


def test_relative_year(nlp):
    doc = run(nlp, "Torbay, rated inadequate when it was last inspected two years ago, is now judged good.",
              published="2021-03-01")
    years = {(r["grade"], r["timing"]): r["inspection_year"] for r in doc._.ratings}
    assert years == {("inadequate", "previous"): 2019, ("good", "current"): 2021}


def test_no_publication_date_latest_month_dates_the_text(nlp):
    # no published date and no full date: the latest month named stands in for the document's year
    doc = run(nlp, "Inspectors made a focused visit to Bolton in May 2022.\n\nBolton, which was rated good in "
              "2019, was praised for its work with families.", published=None)
    assert keyset(doc) == {("Bolton", OE, GOOD, PREV)}


def test_comparison_table_columns_take_the_header_years(nlp):
    """Under 'Judgement 2021 2025' the left grade of a row is the 2021 inspection's, the right one the current."""
    text = ("Report to the Children's Scrutiny Panel\n\nThe judgements for Kent from both inspections are:\n\n"
            "Judgement 2021 2025\n\nThe impact of leaders on social work practice with children and families Good "
            "Outstanding\n\nThe experiences and progress of care leavers n/a* Good\n\nOverall effectiveness Good "
            "Outstanding\n\n* In 2021 care leavers were judged with children in care.")
    doc = run(nlp, text, published="2025-09-01", kind="council_minutes")
    rows = {(r["judgement"], r["grade"], r["timing"], r["inspection_year"]) for r in doc._.ratings}
    assert rows == {(LEAD, GOOD, PREV, 2021), (LEAD, OUT, CUR, 2025), (CL, GOOD, CUR, 2025),
                    (OE, GOOD, PREV, 2021), (OE, OUT, CUR, 2025)}


def test_council_table_with_previous_and_new_columns(nlp):
    """A round-up's pasted table: a council per row, then its previous and new overall grades."""
    text = ("Latest inspection results\n\nOfsted published six inspections this quarter. The table compares the new "
            "grades with the previous ones.\n\nCouncil Previous grade New grade\n\nKent Good Outstanding\n\n"
            "Devon Requires improvement (in 2019) Good\n\nCornwall n/a Inadequate")
    doc = run(nlp, text, published="2024-10-01")
    assert keyset(doc) == {("Kent", OE, GOOD, PREV), ("Kent", OE, OUT, CUR), ("Devon", OE, RI, PREV),
                           ("Devon", OE, GOOD, CUR), ("Cornwall", OE, INAD, CUR)}


def test_pipe_table_with_a_column_per_judgement(nlp):
    """'Year | Framework | Overall effectiveness | ...': each row is one past inspection, each column a judgement."""
    text = ("Report to scrutiny: Sheffield children's services\n\nTable 1: Previous inspection judgements\n\n"
            "Year | Framework | Overall effectiveness | Help and protection | Leadership\n\n"
            "2015 | SIF | Good | Good | Requires improvement\n\n2019 | ILACS | Inadequate | Inadequate | Inadequate")
    doc = run(nlp, text, published="2024-11-21", kind="council_minutes")
    rows = {(r["judgement"], r["grade"], r["timing"], r["inspection_year"]) for r in doc._.ratings}
    assert rows == {(OE, GOOD, PREV, 2015), (HP, GOOD, PREV, 2015), (LEAD, RI, PREV, 2015),
                    (OE, INAD, PREV, 2019), (HP, INAD, PREV, 2019), (LEAD, INAD, PREV, 2019)}


def test_table_row_evidence_is_the_row(nlp):
    text = "Judgement Grade Overall effectiveness Good The impact of leaders on social work practice Outstanding"
    doc = run(nlp, "Wigan: inspection of children's social care services\n\n" + text, kind="ofsted_report")
    ev = {r["judgement"]: r["evidence"] for r in doc._.ratings}
    assert ev["overall_effectiveness"] == "Overall effectiveness Good"
    assert ev["leadership"].endswith("social work practice Outstanding")


def test_old_framework_table_takes_the_area_of_its_heading(nlp):
    """2009-12 safeguarding and looked-after-children reports repeat 'Overall effectiveness' under a heading
    per service: under 'Services for looked after children' it grades children in care, not the council."""
    # the cleaner has already squeezed the PDF's column gaps to one space
    text = ("Inspection of safeguarding and looked after children services: Bristol\n\n"
            "The overall effectiveness of safeguarding services is adequate.\n\n"
            "Safeguarding services\n\nOverall effectiveness Adequate\n\n"
            "Capacity for improvement Good\n\n"
            "Services for looked after children\n\nOverall effectiveness Good\n\n"
            "Capacity for improvement Good\n\nBeing healthy Good")
    doc = run(nlp, text, published="2011-02-25", kind="ofsted_report")
    assert keyset(doc) == {("Bristol", OE, ADQ, CUR), ("Bristol", "other", GOOD, CUR), ("Bristol", CIC, GOOD, CUR)}


def test_report_verdict_line_and_previous_inspections_section(nlp):
    """A SIF report's one-line verdict grades the council; its 'Previous Ofsted inspections' section and a
    sentence after 'The last inspection ... was in November 2012.' give previous grades."""
    text = ("Warwickshire County Council\n\nInspection of services for children in need of help and protection\n\n"
            "Children's services in Warwickshire require improvement to be good\n\n"
            "Previous Ofsted inspections\n\nThe last inspection of the local authority's arrangements for the "
            "protection of children was in November 2012. The local authority arrangements for the protection of "
            "children were judged to be adequate.\n\nThe last inspection of the local authority's services for "
            "looked after children was in November 2012. The local authority was judged to be good.")
    doc = run(nlp, text, published="2015-03-24", kind="ofsted_report")
    assert keyset(doc) == {("Warwickshire", OE, RI, CUR), ("Warwickshire", HP, ADQ, PREV),
                           ("Warwickshire", OE, GOOD, PREV)}


def test_no_authority_no_rows(nlp):
    doc = run(nlp, "The council was rated good by Ofsted.")
    if not REAL_AUTHORITIES:
        assert doc._.ratings == []


def test_word_lists_are_data_files():
    folder = ROOT / "pipeline" / "components" / "ratings"
    for name in ("judgements.json", "grades.json", "cues.json"):
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        assert data, name


# --- seed gold ------------------------------------------------------------------------------------------

def _seed_docs():
    from pipeline.cleaning import clean

    for line in (ROOT / "tests" / "gold" / "seeds.jsonl").read_text().splitlines():
        gold = json.loads(line)
        raw = (ROOT / "raw" / f"{gold['doc']}.txt").read_text(encoding="utf-8")
        yield gold, clean(raw)


@pytest.mark.skipif(not REAL_AUTHORITIES, reason="seed F1 needs the real ofsted_authorities component")
def test_seed_gold_f1():
    nlp = build_nlp()
    tp = fp = fn = 0
    for gold, cleaned in _seed_docs():
        doc = nlp.make_doc(cleaned.text)
        doc._.kind, doc._.title = cleaned.kind, cleaned.title
        for _, pipe in nlp.pipeline:
            doc = pipe(doc)
        pred = keyset(doc)
        want = {(r["authority"], r["judgement"], r["grade"], r["timing"]) for r in gold["ratings"]}
        optional = {(r["authority"], r["judgement"], r["grade"], r["timing"]) for r in gold["ratings_optional"]}
        tp += len(pred & want)
        fp += len(pred - want - optional)
        fn += len(want - pred)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert 2 * precision * recall / (precision + recall) >= 0.95


# --- cross-check command --------------------------------------------------------------------------------

def test_crosscheck(tmp_path, capsys):
    from pipeline import crosscheck

    rows = pd.DataFrame([
        # Hartlepool's first SIF was published 2014-02-11 and graded good: agreement.
        {"doc_id": "a", "authority_code": "E06000001", "authority_name": "Hartlepool",
         "judgement": "overall_effectiveness", "grade": "good", "timing": "current", "inspection_year": 2013},
        # Same inspection, wrong grade: disagreement.
        {"doc_id": "b", "authority_code": "E06000001", "authority_name": "Hartlepool",
         "judgement": "overall_effectiveness", "grade": "inadequate", "timing": "current", "inspection_year": 2014},
        # No graded Hartlepool event around 2005.
        {"doc_id": "c", "authority_code": "E06000001", "authority_name": "Hartlepool",
         "judgement": "overall_effectiveness", "grade": "good", "timing": "current", "inspection_year": 2005},
        {"doc_id": "d", "authority_code": "E06000001", "authority_name": "Hartlepool",
         "judgement": "overall_effectiveness", "grade": "good", "timing": "current", "inspection_year": None},
        # Not compared: previous timing and other judgements.
        {"doc_id": "e", "authority_code": "E06000001", "authority_name": "Hartlepool",
         "judgement": "overall_effectiveness", "grade": "good", "timing": "previous", "inspection_year": 2014},
        {"doc_id": "f", "authority_code": "E06000001", "authority_name": "Hartlepool",
         "judgement": "adoption", "grade": "good", "timing": "current", "inspection_year": 2014},
    ])
    rows["inspection_year"] = rows["inspection_year"].astype("Int16")
    rows.to_parquet(tmp_path / "ratings.parquet")
    assert crosscheck.main(["--output", str(tmp_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["summary"] == {"agree": 1, "disagree": 1, "not_found": 1, "no_year": 1}
    status = {r["doc_id"]: r["status"] for r in out["rows"]}
    assert status == {"a": "agree", "b": "disagree", "c": "not_found", "d": "no_year"}
    assert crosscheck.main(["--output", str(tmp_path)]) == 0
    table = capsys.readouterr().out
    assert "disagree" in table and "Hartlepool" in table


def test_crosscheck_reads_a_folder_of_parts(tmp_path, capsys):
    from pipeline import crosscheck

    folder = tmp_path / "ratings.parquet"
    folder.mkdir()
    pd.DataFrame([{"doc_id": "a", "authority_code": "E06000001", "authority_name": "Hartlepool",
                   "judgement": "overall_effectiveness", "grade": "good", "timing": "current",
                   "inspection_year": 2014}]).to_parquet(folder / "part-0.parquet")
    assert crosscheck.main(["--output", str(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["agree"] == 1


def test_patterns_are_fixed_phrases():
    """Every grade, judgement and cue pattern expands to fixed phrases for the PhraseMatcher: a single '_' wildcard
    pattern puts the token Matcher over every token of every document and doubled the component's cost."""
    from pipeline.nlp import shared_nlp

    assert len(shared_nlp().get_pipe("ofsted_ratings").matcher) == 0
