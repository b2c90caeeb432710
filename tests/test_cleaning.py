"""The cleaner removes site furniture and letterheads, keeps every article sentence, and records removals."""

from __future__ import annotations

import pytest

from pipeline.cleaning import clean
from pipeline.textspans import paragraph_bounds

NEWS = """Council’s children’s services rated ‘good’ after three years of improvement

Inspectors praise ‘stable and ambitious’ leadership at Rotherham

Photo: tiero/Fotolia

Rotherham council’s children’s services have been rated ‘good’ by Ofsted, three years after they were judged inadequate.

Read more: Rotherham children’s services ‘on the right track’, says commissioner

“We are delighted,” said the council’s strategic director.

Related articles

Share this article

More from Community Care

Comments are closed.
"""


def test_site_furniture_removed_and_recorded():
    result = clean(NEWS)
    for junk in ("Photo: tiero/Fotolia", "More from Community Care", "Comments are closed.", "Related articles",
                 "Share this article", "Read more:"):
        assert junk not in result.text
    rules = {r.split(":", 1)[0] for r in result.removed}
    assert {"image_credit", "site_furniture", "read_more"} <= rules


def test_article_text_survives_cleaning():
    result = clean(NEWS)
    assert "Rotherham council’s children’s services have been rated ‘good’ by Ofsted" in result.text
    assert "“We are delighted,” said the council’s strategic director." in result.text
    assert result.title == "Council’s children’s services rated ‘good’ after three years of improvement"
    assert result.kind == "news"


def test_paragraph_contract():
    text = clean(NEWS).text
    assert "\n\n\n" not in text
    for start, end in paragraph_bounds(text):
        assert "\n" not in text[start:end]


LETTER = """Ofsted
Piccadilly Gate
Store Street
Manchester
M1 2WD

T 0300 123 1231
Textphone 0161 618 8524
enquiries@ofsted.gov.uk
www.gov.uk/ofsted

14 March 2024

Ms Jane Doe
Director of Children’s Services
Dorset Council
County Hall, Colliton Park
Dorchester DT1 1XJ

Dear Ms Doe,

Monitoring visit to Dorset children’s services

This letter summarises the findings of the monitoring visit to Dorset children’s services on 20 and 21 February 2024. Leaders have made steady progress in improving the timeliness of assessments, although there is more to do to

ensure that plans are specific.

Yours sincerely

Alan Smith
His Majesty’s Inspector
"""


def test_letterhead_address_and_contact_lines_removed():
    result = clean(LETTER)
    for junk in ("Piccadilly Gate", "Store Street", "M1 2WD", "0300 123 1231", "enquiries@ofsted.gov.uk",
                 "www.gov.uk/ofsted", "Dorchester DT1 1XJ"):
        assert junk not in result.text
    assert "Manchester" not in result.text
    assert "Dorset Council" in result.text  # the addressee's council stays: it tells who the letter is about
    assert any(r.startswith("letterhead: Piccadilly Gate") for r in result.removed)


def test_letter_kind_and_subject_title():
    result = clean(LETTER)
    assert result.kind == "ofsted_letter"
    assert result.title == "Monitoring visit to Dorset children’s services"


def test_page_break_split_sentence_is_rejoined():
    result = clean(LETTER)
    assert "there is more to do to ensure that plans are specific." in result.text
    assert any(r.startswith("joined_page_break") for r in result.removed)


def test_heading_followed_by_capitalised_paragraph_not_joined():
    result = clean("Headline findings\n\nAt the last inspection the council was judged good.")
    assert result.text == "Headline findings\n\nAt the last inspection the council was judged good."


def test_related_links_between_dashes_removed():
    raw = ("Inspectors found that “practice is strong”.\n-\nTackling disproportionality: three examples\n-\n"
           "Responding to the rise in home education\nEarly help is “highly effective”, inspectors found.")
    result = clean(raw)
    assert "Tackling disproportionality" not in result.text
    assert "Responding to the rise" not in result.text
    assert "Early help is “highly effective”, inspectors found." in result.text


def test_tweet_link_line_removed_but_tweet_attribution_kept():
    raw = ("Great news! Our children’s services have been rated ‘Outstanding’ by @Ofstednews\n"
           "— Camden Council (@CamdenCouncil) June 21, 2022\n"
           "We are proud of this result.\nRead more 👇https://t.co/kPKnvuxycM\npic.twitter.com/AbC123xyz")
    result = clean(raw)
    assert "t.co/" not in result.text and "pic.twitter.com" not in result.text
    assert "June 21, 2022" in result.text  # the tweet's date is a date the gold counts


@pytest.mark.parametrize("broken, fixed", [
    ("childrenâ€™s services", "children’s services"),
    ("the councilâ€™s â€œbold approachâ€\x9d", "the council’s “bold approach”"),
    ("caf\u00c3\u00a9 culture", "café culture"),
])
def test_mojibake_fixed_and_curly_quotes_kept(broken, fixed):
    assert clean(broken).text == fixed


def test_invisible_characters_and_nbsp_normalised():
    assert clean("Ofsted\u00a0rated the\u200b coun\u00adcil good").text == "Ofsted rated the council good"


def test_image_caption_above_credit_removed():
    result = clean("Headline about Essex\n\ngood job\nPhoto: eikotsuttiy/Fotolia\n\nEssex council was judged outstanding.")
    assert "good job" not in result.text
    assert "Essex council was judged outstanding." in result.text


_KIND_CASES = [
    ("Essex: inspection of children’s social care services\n\nInspection dates: 9 to 20 October 2023\n\n"
     "Judgement Grade\n\nOverall effectiveness Good\n\nLead inspector: Jo Bloggs", "ofsted_report"),
    ("Council welcomes Ofsted report\n\nThe council said it was pleased.\n\nNotes to editors\n\nENDS", "press_release"),
    ("Minutes of the meeting of the Children and Young People Committee\n\nPresent: Councillors A, B\n\n"
     "Apologies for absence were received from Cllr C.", "council_minutes"),
    ("A shopping list\n\nMilk, eggs, bread.", "other"),
    # 'press release' counts as a label line, not in prose
    ("Lambeth council publishes Ofsted letter\n\nLambeth Council press release, 3 May 2024\n\n"
     "The council said Ofsted had found progress.", "press_release"),
    ("Why I stopped trusting council spin\n\nBy Kim Lowe\n\nThe council keeps putting out press releases while "
     "Ofsted inspectors say caseloads are too high, one social worker told me.", "news"),
    # a byline makes a report of the news even when Ofsted is not named
    ("Foster carers wanted as councils join forces\n\nBy Ravi Mehta\n\nThree councils will run one advert, "
     "the lead council said.", "news"),
    ("Foster carers wanted as councils join forces\n\nThree councils will run one advert.", "other"),
    # job adverts and parliamentary questions are 'other', though they mention Ofsted and quote staff
    ("Family Support Worker\n\nDerbyshire County Council\n\nSalary: £30,000 per annum\n\n"
     "Closing date: 4 May 2025\n\nOfsted said our early help was strong, and staff say they feel valued.\n\n"
     "How to apply\n\nApply online before the closing date.", "other"),
    ("Looked-after children: Placements\n\nQuestion for Department for Education\n\n"
     "To ask the Secretary of State for Education how many councils Ofsted rated outstanding.\n\n"
     "Answered on 2 June 2025\n\nOfsted inspections found that twelve councils were outstanding, the "
     "minister said.", "other"),
    ("Minister answers MPs on fostering\n\nBy Ann Cole\n\nThe minister said in a written answer that Ofsted "
     "would inspect the new agencies.", "news"),
    # minutes without Present/Apologies blocks: the meeting heading and the chair's and members' business
    ("Cornwall Council Children's Overview and Scrutiny Committee\n\nMinutes of the meeting held on 2 May 2024\n\n"
     "The Chair asked how Ofsted's findings would be used. Members noted the report.", "council_minutes"),
    ("Chair of scrutiny resigns\n\nBy Jo Hart\n\nThe chair said Ofsted's findings were worrying.", "news"),
    # a council's press release that quotes the report and names the inspection framework is still a press
    # release: two press-office markers outweigh report words used in prose
    ("Rutland celebrates good Ofsted result\n\nThe council was rated good in a report published on Monday "
     "after an inspection of local authority children's services.\n\nThe leader said staff had worked hard.\n\n"
     "ENDS\n\nMedia enquiries: call the press team.", "press_release"),
    # contrast: a real report has the label line and the framework title, and no press-office markers
    ("Rutland: inspection of local authority children's services\n\nReport published: 3 June 2024\n\n"
     "Inspectors found that children are safe.", "ofsted_report"),
    # contrast: 'report published' in a news sentence is not a report's label
    ("Rutland rated good\n\nBy Sam Lee\n\nThe council was rated good in a report published today after an "
     "inspection of local authority children's services, the leader said.", "news"),
    # 2009-12 reports: the old framework's title and 'Reporting inspector' block
    ("Inspection of safeguarding and looked after children services\n\nBristol\n\nInspection dates: 10 - 21 "
     "January 2011\n\nReporting inspector: Paula Thornton HMI\n\nAge group: All", "ofsted_report"),
    # what councils and government publish besides minutes: 'other' though they quote Ofsted and its grades
    ("Department for Education\nSanctuary Buildings\n\nOur ref: MIN/2024/001\n\nDear Chief Executive,\n\n"
     "Following Ofsted's inadequate judgement, I am issuing a statutory direction.\n\nYours sincerely", "other"),
    ("Official Statistics\n\nLocal authority inspection outcomes as at 31 March 2024\n\nMain findings\n\n"
     "Ofsted judged 14 councils outstanding.", "other"),
    ("Children's services\n\nWestminster Hall\n\n[Ms Ann Lee in the Chair]\n\nJo Bright (Leeds North) (Lab):\n\n"
     "My hon. Friend knows Ofsted rated Leeds outstanding, the minister said.", "other"),
    ("Sheffield City Council\n\nAnnual self-evaluation 2024\n\nVersion 2\n\nThis sets out how well we think we "
     "are doing. Ofsted said our leaders know the service well.", "other"),
    ("Dear colleague,\n\nOfsted has rated our services good. Thank you, the director said.\n\nBest wishes", "other"),
    ("From: Adoption North <news@example.org>\nSubject: Winter e-news\n\nOfsted rated two of our councils good, "
     "our chair said.", "other"),
    # a cabinet or scrutiny report is filed with minutes: the council's own committee papers
    ("Kent County Council\n\nCabinet - 3 March 2025\n\nReport of: Corporate Director\n\nKey decision: No\n\n"
     "Wards affected: All\n\nOfsted rated the service good, inspectors said.", "council_minutes"),
    # a minister's letter whose letterhead (taken off by the cleaner) is the only sign it is not Ofsted's
    ("Department for Education\nSanctuary Buildings\nGreat Smith Street\nLondon\nSW1P 3BT\n\n"
     "Councillor Jo Hart\nLeader\nMedway Council\n\n15 November 2024\n\nDear Councillor Hart,\n\n"
     "Ofsted's monitoring visit found progress.\n\nYours sincerely,\n\nEleanor Prothero MP", "other"),
    # a news story that prints the report's judgement table: quotes attributed to inspectors and a councillor
    ("Council moves up to good\n\nby Priya Dhillon on April 19, 2024 in Children\n\nThe inspection of local "
     "authority children's services found a stronger front door.\n\nOverall effectiveness: Good\n\n\"Leaders "
     "know their services well,\" inspectors said.\n\nCouncillor Tom Hardy, cabinet member for children, said: "
     "\"This is a tremendous result.\"", "news"),
    # contrast: a report quotes children, with no comma before 'said:'
    ("Essex: inspection of local authority children's services\n\nInspection dates: 9 to 20 October 2023\n\n"
     "Overall effectiveness: Good\n\nOne care leaver said: \"They have stuck with me.\"", "ofsted_report"),
    # scrutiny minutes that print a committee report with the judgement table
    ("Nottingham City Council\n\nMinutes of the meeting held at Loxley House on 17 January 2024\n\nThe "
     "committee considered a report on the inspection of local authority children's services.\n\nJudgement "
     "Grade\n\nOverall effectiveness Inadequate", "council_minutes"),
    ("Cumberland Council\n\nLeader's blog\n\nOur first Ofsted report\n\nPosted on 26 June 2024 by Cllr Anne "
     "Leckie\n\nInspectors judged our services to require improvement, I said at the time.", "other"),
    ("Hampshire County Council\n\nAnnual Report 2024-25\n\nForeword from the Director\n\nOur inspection of "
     "local authority children's services found we remain outstanding. Overall effectiveness: outstanding.",
     "other"),
]


@pytest.mark.parametrize("text, kind", _KIND_CASES)
def test_kind_detection(text, kind):
    assert clean(text).kind == kind


def test_title_from_reader_becomes_first_paragraph():
    result = clean("Body text of the article. It said things.", title="A headline from the HTML page")
    assert result.text.startswith("A headline from the HTML page\n\n")
    assert result.title == "A headline from the HTML page"


def test_related_list_after_header_removed_until_prose():
    raw = ("Hull rated good\n\nThe council said it was delighted.\n\nRelated articles\n"
           "Intervention: what happens when a council fails\nHow Ofsted’s framework changed in January 2023\n"
           "Inspectors also said that leaders had acted quickly.")
    result = clean(raw)
    assert "Intervention: what happens" not in result.text
    assert "January 2023" not in result.text
    assert "Inspectors also said that leaders had acted quickly." in result.text
    assert sum(r.startswith("related_link") for r in result.removed) == 2


def test_byline_under_standfirst_is_not_joined_as_a_page_break():
    raw = ("County council rated good\n\nLeaders praised as neighbouring council awaits its own inspection\n\n"
           "by Rosa Whitcombe on December 8, 2023 in Children\n\nNottinghamshire has been rated good.")
    paragraphs = clean(raw).text.split("\n\n")
    assert paragraphs[2] == "by Rosa Whitcombe on December 8, 2023 in Children"


@pytest.mark.parametrize("pattern, literals, line_start", [
    (r"\b(said|says|told|added)\b", ("said", "says", "told", "added"), False),
    (r"^by [^.!?\n]{2,120}$", ("by ",), True),
    (r"\bwritten (question|answer|statement)s?\b", ("written question", "written answer", "written statement"),
     False),
    (r"^(the )?(chair|chairman) (asked|said)", ("chair asked", "chair said", "chairman asked", "chairman said"),
     False),
    (r"^(job )?ref(erence)?\s*:", ("ref",), False),
    (r"[a-z]+ing", ("ing",), False),
    (r"[a-z]+in[gk]", (), False),  # nothing literal of three characters or more: no prefilter
])
def test_kind_rule_prefilter_literals(pattern, literals, line_start):
    from pipeline.cleaning.kinds import _required_literals

    assert _required_literals(pattern) == (literals, line_start)


def test_kind_rule_prefilter_never_rejects_a_match():
    """Every kind pattern's literal prefilter passes every text the pattern matches: the prefilter is a pure
    speed-up. Checked on every gold document and the kind-detection examples, whole and line by line."""
    import re
    from pathlib import Path

    from pipeline.cleaning.kinds import _contains_any, _rules

    root = Path(__file__).parent
    texts = [p.read_text(encoding="utf-8").lower() for p in sorted(root.glob("gold/*/*.txt"))]
    texts += [t.lower() for t, _ in _KIND_CASES]
    texts += [line for t in list(texts) for line in t.split("\n")]
    rules, _ = _rules()
    checked = 0
    for rule in rules:
        for pattern, lits in rule["head_all"] + rule["any"]:
            for text in texts:
                if pattern.search(text):
                    checked += 1
                    assert _contains_any(text, lits), (pattern.pattern, lits)
            # and the prefilter is a real filter: a text without the literals is skipped
            if lits[0]:
                assert not _contains_any("nothing relevant here", lits) or re.search(pattern, "nothing relevant here")
    assert checked > 300


def test_dateline_or_byline_above_a_photo_credit_is_not_its_caption():
    text = ("Bradford escapes inadequate rating\n\nBy Tom Whitcombe\nWednesday, 9 July 2025\n\n"
            "Picture: Bradford City Hall. Credit: Adobe Stock\n\nChildren's social care in Bradford has improved.")
    result = clean(text)
    assert "Wednesday, 9 July 2025" in result.text and "By Tom Whitcombe" in result.text
    assert "image_credit: Picture: Bradford City Hall. Credit: Adobe Stock" in result.removed
    # a short line above a bare credit is still its caption
    result = clean("Headline here\n\nSocial worker with a family\n\nPhoto: Adobe Stock\n\nThe council said it was pleased.")
    assert "image_caption: Social worker with a family" in result.removed
    result = clean("Headline here\n\nBy Ann Lee\n\nPhoto: Adobe Stock\n\nThe council said it was pleased.")
    assert "By Ann Lee" in result.text


def test_wrapped_judgement_table_cells_are_joined():
    """A PDF's layout export wraps a judgement table's two columns side by side; each row is put back together."""
    from pipeline.cleaning.columns import merge_wrapped_cells

    table = ("Judgement                                                        Grade\n\n"
             "The impact of leaders on social work practice with              Good\n"
             "children and families\n\n"
             "The experiences and progress of children who need               Requires improvement\n"
             "help and protection                                             to be good\n\n"
             "Lead inspector:           Helen Carrow\n"
             "                          Her Majesty's Inspector\n")
    lines = [" ".join(x.split()) for x in merge_wrapped_cells(table).split("\n") if x.strip()]
    assert lines == ["Judgement Grade", "The impact of leaders on social work practice with children and families Good",
                     "The experiences and progress of children who need help and protection Requires improvement to "
                     "be good", "Lead inspector: Helen Carrow Her Majesty's Inspector"]
    # rows that did not wrap (numbered sub-rows too) stay as they are
    rows = ("1. Children who need help and protection          Good\n"
            "   2.1 Adoption performance                       Outstanding\n")
    assert merge_wrapped_cells(rows) == rows
    # justified prose has gaps at varying places and long right-hand parts: untouched
    prose = ("Children and families in Derbyshire   continue to receive good services overall and\n"
             "leaders have maintained a strong focus on children in care   and care leavers and have\n")
    assert merge_wrapped_cells(prose) == prose


def test_wrapped_table_through_the_cleaner_grades_the_right_area():
    text = ("Derbyshire County Council\nInspection of children's social care services\n\n"
            "Judgement                                                        Grade\n\n"
            "The experiences and progress of children who need               Requires improvement\n"
            "help and protection                                             to be good\n\n"
            "Overall effectiveness                                           Good\n")
    result = clean(text)
    assert ("The experiences and progress of children who need help and protection Requires improvement to be good"
            in result.text.split("\n\n"))


def test_comparison_table_with_a_column_per_inspection_is_joined():
    """A council report's 'then and now' table: one grade column per inspection year, names wrapped."""
    from pipeline.cleaning.columns import merge_wrapped_cells

    table = ("Judgement                                        2021            2025\n"
             "The impact of leaders on social work             Good            Requires improvement\n"
             "practice with children and families\n"
             "The experiences and progress of care leavers     -               Good\n"
             "Overall effectiveness                            Good            Requires improvement\n")
    lines = [" ".join(x.split()) for x in merge_wrapped_cells(table).split("\n") if x.strip()]
    assert lines == ["Judgement 2021 2025",
                     "The impact of leaders on social work practice with children and families Good Requires "
                     "improvement", "The experiences and progress of care leavers - Good",
                     "Overall effectiveness Good Requires improvement"]
    # a right-hand cell on a wrapped line: which column it belongs to is unknown, so the block is left alone
    ragged = ("Judgement                                        2021            2025\n"
              "The experiences and progress of children         Good            Requires improvement\n"
              "who need help and protection                                     to be good\n")
    assert merge_wrapped_cells(ragged) == ragged


def test_hard_wrapped_text_is_unwrapped_into_paragraphs():
    """A PDF's text export or an e-mail wraps every paragraph at a fixed width: its lines are one paragraph again,
    a hyphenated line end is mended, and numbered paragraphs and list items still start their own."""
    body = ("8. The last inspection of the council's services for children in care took place in May 2019 and\n"
            "found them to require improvement. Since then leaders have worked with Leeds City Council,\n"
            "the sector-led improvement partner, and with a Department for Education commissioner whose\n"
            "review in March 2024 found that the council had the capacity to sustain the improvements made\n"
            "so far. Inspectors found that the quality of assessments is now good and that the 2022 inspec-\n"
            "tion report's concerns about weak information sharing between agencies and about poor multi-\n"
            "agency working have been addressed in every locality team.\n\n"
            "9. Leaders know their services well. They have focused on recruiting permanent social workers\n"
            "and managers, and the rate of agency staff has fallen from 31% to 12% in two years, which has\n"
            "given families more stable relationships with the professionals who work with them.\n\n"
            "- the timeliness of initial child protection conferences\n"
            "- the consistency of pathway plans for care leavers\n")
    paragraphs = clean("Derbyshire County Council\n\nInspection of children's social care services\n\n" + body).text.split(
        "\n\n")
    assert any(p.startswith("8. The last inspection") and "Leeds City Council, the sector-led" in p
               and "the 2022 inspection report's concerns" in p and "poor multi-agency working" in p for p in paragraphs)
    assert any(p.startswith("9. Leaders know") and p.endswith("who work with them.") for p in paragraphs)
    assert "- the timeliness of initial child protection conferences" in paragraphs
    assert "- the consistency of pathway plans for care leavers" in paragraphs


def test_one_paragraph_per_line_text_is_not_unwrapped():
    from pipeline.cleaning.cleaner import wrap_width

    lines = ["Leeds rated good", "Leeds City Council's children's services have been rated good by Ofsted, the "
             "inspectorate said on Tuesday in a report that praised leaders and social workers alike.",
             "Short line.", "Another paragraph that is long enough to look like running text in a news story."] * 3
    assert wrap_width(lines) is None


def test_quotation_starting_a_line_mid_sentence_is_joined():
    text = ("Herefordshire report\n\nBy a reporter\n\n12 March 2024\n\nThe 2022 inspection report stated that\n"
            "'children have been left in situations of unassessed risk for too long'. That has changed.")
    assert ("The 2022 inspection report stated that 'children have been left in situations of unassessed risk for "
            "too long'. That has changed.") in clean(text).text.split("\n\n")


def test_broadcaster_desk_line_is_dropped():
    result = clean("Medway children's services rated inadequate\n\nBy Priya Sandhu\nBBC News, Kent\n\n"
                   "A council's services have been rated inadequate by Ofsted.\n\nBBC News said the council was rated "
                   "good.")
    assert "byline_desk: BBC News, Kent" in result.removed
    assert "BBC News said the council was rated good." in result.text


def test_date_wrapped_after_its_month_is_joined():
    text = ("Warwickshire County Council\n\nInspection of children's services\n\nReport published: 24 March 2015\n\n"
            "Previous inspections\n\nThe last inspection of the local authority's arrangements for the protection of "
            "children was in June\n2012. The local authority was judged to be inadequate.")
    assert "was in June 2012. The local authority" in clean(text).text


def test_byline_and_council_report_kinds():
    wire = ("Three councils performing poorly, says Ofsted\n\nBy Daniel Moss, Press Association\n\nChildren's "
            "services in three councils are performing poorly, the watchdog said today.\n\nEnds")
    assert clean(wire).kind == "news"
    report = ("Open Report on behalf of the Executive Director\n\nReport to: Children and Young People Scrutiny "
              "Committee\n\nDate: 06/09/2024\n\nOverall effectiveness: outstanding. This report is to note the "
              "inspection outcome.")
    assert clean(report).kind == "council_minutes"


def test_aligned_table_of_three_or_more_columns_keeps_its_cells():
    """A statistics release's outcome table: collapsed to single spaces, 'Blackpool Standard' would read as one
    name; its cells are kept apart with ' | '. Two-column label/value tables and justified prose are left alone."""
    from pipeline.cleaning.columns import mark_aligned_cells

    table = ("Local authority          Inspection type   Previous overall effectiveness (year)      Overall effectiveness\n"
             "Blackpool                Standard          Inadequate (2018)                          Requires improvement\n"
             "Bristol                  Short             Good (2019)                                Good\n")
    assert mark_aligned_cells(table).split("\n")[:2] == [
        "Local authority | Inspection type | Previous overall effectiveness (year) | Overall effectiveness",
        "Blackpool | Standard | Inadequate (2018) | Requires improvement"]
    assert "Blackpool | Standard | Inadequate (2018) | Requires improvement" in clean(table).text.split("\n\n")
    two = "Overall effectiveness        Good\nHelp and protection          Requires improvement\n"
    assert mark_aligned_cells(two) == two
    # gaps that do not line up from one line to the next are justified prose, not columns
    prose = ("Inspectors   found that   leaders know the service well and act on it.\n"
             "Children in care   are visited   regularly by social workers who know them.\n")
    assert mark_aligned_cells(prose) == prose
