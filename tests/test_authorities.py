"""Authorities extractor: the gazetteer data, the lookup API, a table of realistic sentences covering the
ambiguities of GOLD-FORMAT.md, mention offsets and counts, the primary authority, and the seed gold."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.cleaning import clean
from pipeline.components.authorities import gazetteer as gz
from pipeline.components.authorities import load_gazetteer, lookup, short_names
from pipeline.nlp import build_nlp
from pipeline.textspans import set_doc_text

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def run(nlp, text: str, published: str | None = None, title: str | None = None):
    doc = nlp.make_doc(text)
    set_doc_text(doc, text)
    doc._.published = published
    doc._.title = title
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def names(doc) -> set[str]:
    return {a["authority_name"] for a in doc._.authorities}


# ---- gazetteer ------------------------------------------------------------------------------------------
def test_gazetteer_has_153_current_authorities_with_unique_codes():
    gaz = load_gazetteer()
    current = gaz.current()
    assert len(current) == 153
    codes = [a.code for a in gaz.authorities.values()]
    assert len(codes) == len(set(codes))
    assert all(c[:3] in ("E06", "E08", "E09", "E10") for c in codes)
    # every current short name is unique (abolished same-name rows share theirs, by design)
    assert len({a.short_name for a in current}) == 153
    assert {"Camden", "Kingston upon Hull", "North Yorkshire", "City of London", "Isles of Scilly"} <= {
        a.short_name for a in current}


def test_short_names_match_the_gold_validator_list():
    listed = {ln.strip() for ln in (GOLD / "authority_short_names.txt").read_text().splitlines()
              if ln.strip() and not ln.startswith("#")}
    assert set(short_names().values()) == listed


def test_abolished_authorities_carry_dates_and_successors():
    gaz = load_gazetteer()
    northants = gaz.authorities["E10000021"]
    assert northants.status == "abolished" and northants.valid_to == "2021-03-31"
    assert set(northants.successors) == {"E06000061", "E06000062"}
    assert gaz.authorities["E06000065"].valid_from == "2023-04-01"
    assert gaz.authorities["E06000065"].predecessors == ("E10000023",)


@pytest.mark.parametrize("name,date,code", [
    ("Camden", None, "E09000007"),
    ("the London Borough of Camden", None, "E09000007"),
    ("Camden's", None, "E09000007"),
    ("Bucks", "2019-05-01", "E10000002"),
    ("Bucks", "2021-05-01", "E06000060"),
    ("Buckinghamshire", None, "E06000060"),
    ("North Yorkshire", "2022-12-01", "E10000023"),
    ("North Yorkshire", "2023-06-01", "E06000065"),
    ("North Yorkshire", None, "E06000065"),
    ("Kingston-upon-Thames", None, "E09000021"),
    ("Hull", None, "E06000010"),
    ("RBKC", None, "E09000020"),
    ("Brighton and Hove", None, "E06000043"),
])
def test_lookup(name, date, code):
    found = lookup(name, date)
    assert found and found[0]["code"] == code


@pytest.mark.parametrize("name", ["Cardiff", "London", "England", "Oxford", "Yorkshire", "Fife"])
def test_lookup_unknown(name):
    assert lookup(name) == []


# ---- sentence table ---------------------------------------------------------------------------------------
# (text, document date or None, expected short names)
CASES = [
    # the forms news uses
    ("Camden council has been rated good by Ofsted for the second time.", None, {"Camden"}),
    ("Inspectors praised the London borough of Camden for the way it supports care leavers.", None, {"Camden"}),
    ("Camden's children's services were judged outstanding in every area.", None, {"Camden"}),
    ("Camden’s children’s services were judged outstanding in every area.", None, {"Camden"}),
    ("Children's services in Hull are no longer inadequate, the watchdog said.", None, {"Kingston upon Hull"}),
    ("Brighton and Hove City Council said it welcomed the findings.", None, {"Brighton and Hove"}),
    ("A spokesperson for Brighton and Hove said the council would publish an action plan.", None,
     {"Brighton and Hove"}),
    ("Bucks children's services were rated requires improvement.", "2022-05-20", {"Buckinghamshire"}),
    ("RBKC and Westminster councils share a bi-borough children's service.", None,
     {"Kensington and Chelsea", "Westminster"}),
    ("Essex's director of children's services said staff had worked tirelessly.", None, {"Essex"}),
    ("Bristol’s scrutiny committee will discuss the report on Tuesday.", None, {"Bristol"}),
    ("Kent County Council's children's services were judged good.", None, {"Kent"}),
    ("Ofsted Rates Camden Children's Services Outstanding", None, {"Camden"}),
    ("Stoke-on-Trent City Council has appointed a new director.", None, {"Stoke-on-Trent"}),
    ("The Kingston-upon-Thames council welcomed the result.", None, {"Kingston upon Thames"}),
    # address lines and letterheads
    ("Ofsted\n\nPiccadilly Gate\n\nStore Street\n\nManchester\n\nM1 2WD\n\nFocused visit to Camden children's "
     "services", None, {"Camden"}),
    ("Piccadilly Gate, Store Street, Manchester M1 2WD", None, set()),
    ("Please send your application to Civic Hall, Leeds LS1 1UR by the closing date.", None, set()),
    ("Leeds\n\nLS1 1UR\n\nDear Mr Patel,", None, set()),
    # an address whose postcode line was cleaned away: the town closes a short line that follows a street or
    # building line (letterhead at the top, Ofsted's address at the foot of a report, a recipient block)
    ("Ofsted\n\nGateway House\n\nQueen Square\n\nLeeds\n\nDear Ms Patel\n\nFocused visit to Bury children's "
     "services", None, {"Bury"}),
    ("Director of Children's Services\n\nSandwell Council\n\n1 Freeth Street\n\nOldbury\n\nDudley\n\n"
     "Dear Ms Patel", None, {"Sandwell"}),
    ("Civic Centre, Oldham Road, Leeds\n\nDear Sir", None, set()),
    ("Families in Bury are well supported.\n\nOfsted\n\nMarket Hall\n\nHigh Street\n\nLeeds\n\n"
     "© Crown copyright", None, {"Bury"}),
    # contrast: a name heading its own line is not an address when no street line comes before it, when that
    # line is a sentence or caption, or when a council word follows the name
    ("Leeds\n\nThe city council was rated good by Ofsted.", None, {"Leeds"}),
    ("Families gathered at the Town Hall\n\nLeeds\n\nThe city council said it was proud.", None, {"Leeds"}),
    ("Park Road\n\nLeeds City Council\n\nDear Mr Patel", None, {"Leeds"}),
    # names inside other names
    ("At the time, Cambridgeshire was adopting the Hackney Reclaiming Social Work model.", None,
     {"Cambridgeshire"}),
    ("Several councils copied the Hackney model of small social work units.", None, set()),
    ("Birmingham Children's Trust was rated good for the first time.", None, {"Birmingham"}),
    ("Researchers at Nottingham Trent University studied social workers' caseloads.", None, set()),
    ("A study by Newcastle University found that turnover had fallen.", None, set()),
    ("Leeds Beckett University runs the degree apprenticeship.", None, set()),
    ("Durham Constabulary said partnership working was strong.", None, set()),
    ("The match between Manchester United and Leeds United was postponed.", None, set()),
    ("She studied at the University of York before she became a social worker.", None, set()),
    ("Coaches from Derby County Community Trust ran the holiday sessions.", None, set()),
    ("Nottingham Trent University Study Finds Social Workers Overstretched", None, set()),
    # city vs county
    ("Nottingham City Council and Nottinghamshire County Council were both inspected this spring.", None,
     {"Nottingham", "Nottinghamshire"}),
    ("Inspectors rated Nottinghamshire good, while Nottingham remains requires improvement.", None,
     {"Nottinghamshire", "Nottingham"}),
    ("Derby and Derbyshire councils share a safeguarding partnership.", None, {"Derby", "Derbyshire"}),
    ("City of York Council was judged good, while North Yorkshire Council was judged outstanding.",
     "2024-02-01", {"York", "North Yorkshire"}),
    ("Children in Yorkshire and the Humber wait longest for adoption.", None, set()),
    ("New York has a very different child welfare system.", None, set()),
    ("The Duke of York opened the family hub.", None, set()),
    # Kingston, Richmond, Durham, Newcastle
    ("Kingston upon Thames and Richmond upon Thames share one children's services provider.", None,
     {"Kingston upon Thames", "Richmond upon Thames"}),
    ("Kingston upon Hull City Council welcomed the findings.", None, {"Kingston upon Hull"}),
    ("Children's services in Kingston were rated good.", None, {"Kingston upon Thames"}),
    ("Achieving for Children, the social enterprise that runs children's services for Kingston and Richmond, "
     "shows that sharing services across borough boundaries works.", None,
     {"Kingston upon Thames", "Richmond upon Thames"}),
    ("Children's services in Kingston and Richmond rated good by Ofsted", None,
     {"Kingston upon Thames", "Richmond upon Thames"}),
    ("Families walked through Richmond Park on Sunday.", None, set()),
    ("Durham County Council's children's services kept their good rating.", None, {"County Durham"}),
    ("Professor Ruddock, of Durham University, said the county had stable leadership.", None, set()),
    ("Newcastle City Council's children's services were rated outstanding.", None, {"Newcastle upon Tyne"}),
    ("Newcastle-under-Lyme Borough Council announced a review of youth facilities.", None, set()),
    # common words
    ("Reading the report, it is clear that progress has been slow.", None, set()),
    ("Reading Borough Council's services are run by Brighter Futures for Children.", None, {"Reading"}),
    ("The focused visit to Reading looked at care leavers.", None, {"Reading"}),
    ("Families in Bury will benefit from the new family hub.", None, {"Bury"}),
    ("They decided to bury the report until after the election.", None, set()),
    ("Bury St Edmunds is a market town in Suffolk.", None, {"Suffolk"}),
    ("Sutton Coldfield is part of Birmingham.", None, {"Birmingham"}),
    ("The London Borough of Sutton was rated good.", None, {"Sutton"}),
    ("Brent crude prices rose sharply this week.", None, set()),
    ("Brent Council's director of children's services said the result was welcome.", None, {"Brent"}),
    ("Ministers in Westminster must fund children's services properly, the council leader said.", None, set()),
    ("Westminster City Council's children's services were rated outstanding.", None, {"Westminster"}),
    ("Bankers in the City earned record bonuses last year.", None, set()),
    ("The City of London Corporation runs children's services for the Square Mile.", None, {"City of London"}),
    ("Greenwich Mean Time was adopted in 1880.", None, set()),
    # persons
    ("Sarah Reading, a social worker, said the changes had helped her team.", None, set()),
    ("Tom Derby told inspectors that he felt supported.", None, set()),
    ("Clark Kent is not a social worker.", None, set()),
    ("Mr Sutton said the council had improved.", None, set()),
    ("Councillor Jane Bury, lead member for children, welcomed the report.", None, set()),
    ("The cabinet member, Richard Boyce-Harrow, said the county was safer.", None, set()),
    # districts
    ("Oxford City Council is consulting on a new leisure centre.", None, set()),
    ("Cambridge City Council and Cambridgeshire County Council signed the pact.", None, {"Cambridgeshire"}),
    ("South Derbyshire District Council approved the housing plan.", None, set()),
    ("Woking Borough Council issued a section 114 notice.", None, set()),
    ("Rother District Council is one of five districts in East Sussex.", None, {"East Sussex"}),
    ("Gloucester children's services are delivered from a new hub in the city centre.", None,
     {"Gloucestershire"}),
    # Wales, Scotland, regions, England
    ("Cardiff, Swansea and Glasgow councils were not part of the study.", None, set()),
    ("Fife Council and Gloucestershire County Council compared their approaches.", None, {"Gloucestershire"}),
    ("Councils in London and the North West reported rising demand across England.", None, set()),
    ("Ten councils across Greater Manchester share a regional adoption agency.", None, set()),
    # reorganised councils
    ("Northamptonshire County Council was rated inadequate.", "2019-06-01", {"Northamptonshire"}),
    ("North Northamptonshire Council and West Northamptonshire Council were rated requires improvement.",
     "2023-06-01", {"North Northamptonshire", "West Northamptonshire"}),
    ("Cumbria County Council was replaced by Cumberland and Westmorland and Furness councils.", "2024-01-10",
     {"Cumbria", "Cumberland", "Westmorland and Furness"}),
    ("Tourists flocked to Bournemouth for the bank holiday.", "2022-08-30", set()),
    ("The Borough of Poole was judged good.", "2017-03-01", {"Poole"}),
    ("Somerset was rated good.", "2021-03-01", {"Somerset"}),
    # a list that holds an unambiguous authority name is a list of authorities: its ambiguous names count
    ("The adoption agency is shared by Bracknell Forest, Reading and Slough.", None,
     {"Bracknell Forest", "Reading", "Slough"}),
    ("The bi-borough partnership joins Hammersmith and Fulham and Westminster.", None,
     {"Hammersmith and Fulham", "Westminster"}),
    ("Neighbouring Bolton and Bury have agreed to pool their fostering budgets.", None, {"Bolton", "Bury"}),
    ("Lewisham, Bexley and Greenwich will share a new family hub.", None, {"Lewisham", "Bexley", "Greenwich"}),
    # contrast: no unambiguous authority in the list, a list of other things, or a name only abolished
    ("Reading and writing were the subjects of the new tutoring scheme.", None, set()),
    ("Westminster and Whitehall officials met the charity on Monday.", None, set()),
    ("Tickets for the Reading and Leeds festivals sold out within hours.", None, set()),
    ("Families moved between Cumbria and Lancashire during the floods.", "2024-05-01", {"Lancashire"}),
    # an Ofsted visit in the sentence is inspection context for an ambiguous name, not for a strict one
    ("Bury received a monitoring visit in the spring.", None, {"Bury"}),
    ("Westminster received a visit from the minister.", None, set()),
    ("Reading about the weekend, she planned her trip.", None, set()),
    # a grade stated of the name itself is council context, also for a strict name
    ("Camden buys its fostering service from Westminster, which was judged good last year.", None,
     {"Camden", "Westminster"}),
    ("Westminster has been rated outstanding for a decade.", None, {"Westminster"}),
    ("Camden lobbied Westminster, which was accused of ignoring the funding gap.", None, {"Camden"}),
    # a town inside another authority: "in Richmond" in a North Yorkshire text is the market town
    ("North Yorkshire Council opened a family hub in Richmond for the dales villages.", "2024-05-01",
     {"North Yorkshire"}),
    ("Richmond upon Thames was judged good. A new hub opened in Richmond in May.", "2024-05-01",
     {"Richmond upon Thames"}),
    ("Services in Richmond upon Thames, and in neighbouring Kingston, are run by a social enterprise.", None,
     {"Richmond upon Thames", "Kingston upon Thames"}),
]


@pytest.mark.parametrize("text,published,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_sentences(nlp, text, published, expected):
    doc = run(nlp, text, published)
    assert names(doc) == expected


def test_table_is_large_enough():
    assert len(CASES) >= 60


@pytest.mark.parametrize("text,published,code", [
    ("North Yorkshire County Council was judged outstanding.", "2019-03-01", "E10000023"),
    ("North Yorkshire's children's services were judged outstanding.", "2024-03-01", "E06000065"),
    ("North Yorkshire's children's services were judged outstanding.", None, "E06000065"),
    ("Bucks children's services were rated good.", "2018-10-01", "E10000002"),
    ("Dorset's children's services were rated good.", "2018-10-01", "E10000009"),
    ("Dorset Council's children's services were rated good.", "2021-10-01", "E06000059"),
    ("Somerset's children's services were rated good.", "2024-10-01", "E06000066"),
    ("Somerset's children's services were rated good.", "2022-10-01", "E10000027"),
])
def test_reorganised_code_follows_document_date(nlp, text, published, code):
    doc = run(nlp, text, published)
    assert [a["authority_code"] for a in doc._.authorities] == [code]


def test_latest_date_mentioned_stands_in_for_the_document_date(nlp):
    # no published date: the dates component finds "March 2019", before the 2023 reorganisation
    doc = run(nlp, "North Yorkshire's children's services were judged outstanding in March 2019.")
    assert [a["authority_code"] for a in doc._.authorities] == ["E10000023"]


# ---- mentions, counts, primary ----------------------------------------------------------------------------
def test_mentions_offsets_order_and_counts(nlp):
    text = ("Camden praised by Ofsted\n\nThe London Borough of Camden and Hackney were inspected. "
            "Camden's children's services were judged good, Hackney council's outstanding.")
    doc = run(nlp, text)
    ms = doc._.authority_mentions
    assert [m["name"] for m in ms] == ["Camden", "Camden", "Hackney", "Camden", "Hackney"]
    assert [m["start"] for m in ms] == sorted(m["start"] for m in ms)
    assert [text[m["start"]:m["end"]] for m in ms] == ["Camden", "London Borough of Camden", "Hackney", "Camden",
                                                       "Hackney"]
    rows = {a["authority_name"]: a for a in doc._.authorities}
    assert rows["Camden"]["mentions"] == 3 and rows["Hackney"]["mentions"] == 2
    assert rows["Camden"]["first_start"] == 0
    assert rows["Hackney"]["first_start"] == text.index("Hackney")
    assert rows["Camden"]["authority_code"] == "E09000007"


@pytest.mark.parametrize("text,primary", [
    # headline wins over more mentions further down
    ("Sandwell children's services no longer inadequate\n\nSandwell was inspected in May. Birmingham, "
     "Dudley and Wolverhampton were visited too. Birmingham and Dudley were good. Birmingham was praised.",
     "Sandwell"),
    # a letter: "focused visit to X children's services"
    ("Dear Ms Smith,\n\nFocused visit to Kent children's services\n\nThis letter summarises the visit. "
     "Staff moved to Kent from Medway and Surrey, and Medway and Surrey staff said so.", "Kent"),
    # no headline mention: the most mentioned
    ("A good week for councils\n\nEssex was judged outstanding. Essex staff were praised. Plymouth and "
     "Nottingham were unchanged.", "Essex"),
])
def test_primary(nlp, text, primary):
    doc = run(nlp, text)
    prim = [a["authority_name"] for a in doc._.authorities if a["is_primary"]]
    assert prim == [primary]


def test_exactly_one_primary_or_none(nlp):
    assert run(nlp, "No council is named in this sentence.")._.authorities == []
    doc = run(nlp, "Camden, Hackney and Islington councils met.")
    assert sum(a["is_primary"] for a in doc._.authorities) == 1


# ---- seeds ------------------------------------------------------------------------------------------------
SEEDS = [json.loads(line) for line in (GOLD / "seeds.jsonl").read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("gold", SEEDS, ids=[g["doc"] for g in SEEDS])
def test_seed_gold(nlp, gold):
    raw = (ROOT / "raw" / f"{gold['doc']}.txt").read_text(encoding="utf-8")
    cleaned = clean(raw)
    doc = run(nlp, cleaned.text, title=cleaned.title)
    found = names(doc)
    optional = set(gold.get("authorities_optional", []))
    assert found - optional == set(gold["authorities"])
    assert sum(a["is_primary"] for a in doc._.authorities) == 1


def test_seed_letterhead_and_hackney_model(nlp):
    """Raw (uncleaned) letter: Ofsted's Manchester letterhead is an address; 004's Hackney is a model's name."""
    letter = run(nlp, (ROOT / "raw" / "002_cc3dbd50d8a18c18.txt").read_text(encoding="utf-8"))
    assert "Manchester" not in names(letter) and "Camden" in names(letter)
    text = clean((ROOT / "raw" / "004_bb1798be8301669f.txt").read_text(encoding="utf-8")).text
    assert "Hackney" not in names(run(nlp, text))


# ---- data files are the extension point -------------------------------------------------------------------
def test_users_extend_names_in_the_data_file(tmp_path, monkeypatch):
    for f in gz.DATA.iterdir():
        if f.suffix in (".csv", ".json", ".txt"):
            shutil.copy(f, tmp_path / f.name)
    with open(tmp_path / "extra_aliases.csv", "a", encoding="utf-8") as fh:
        fh.write("E08000025,Brum,name,nickname\nE09000007,Camden,block,switched off\n")
    monkeypatch.setattr(gz, "DATA", tmp_path)
    gz.load_gazetteer.cache_clear()
    try:
        nlp = build_nlp()
        doc = run(nlp, "Brum and Camden councils were both praised.")
        assert names(doc) == {"Birmingham"}
    finally:
        monkeypatch.undo()
        gz.load_gazetteer.cache_clear()
