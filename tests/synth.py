"""A small synthetic corpus for the incremental, crash and scheduling tests.

News-style stories recombined from paragraphs written for these tests: short (so a few hundred
documents run in seconds) but with the authorities, grades, dates and quotes the extractors look for,
so every output table gets rows. Document i depends only on (seed, i).
"""

from __future__ import annotations

import random
from pathlib import Path

COUNCILS = ["Camden", "Leeds", "Norfolk", "Sandwell", "Wirral", "Croydon", "Devon", "Bradford", "Hackney",
            "Kent", "Lincolnshire", "Stockport", "Torbay", "Walsall", "Bristol", "Cumbria"]
GRADES = ["outstanding", "good", "requires improvement to be good", "inadequate"]
NAMES = ["Sarah Collins", "David Okafor", "Priya Shah", "Tom Gallagher", "Helen Marsh", "James Whitfield",
         "Amina Yusuf", "Rachel Dunmore", "Peter Lomax", "Grace Adeyemi"]
MONTHS = ["January", "March", "April", "June", "July", "September", "October", "November"]

HEADLINES = [
    "{council} children's services rated {grade} by Ofsted",
    "Ofsted finds {council} services for children {grade}",
    "Inspectors judge {council} children's services {grade} after {month} visit",
    "{council} council responds to {grade} Ofsted verdict",
]
OPENINGS = [
    "Children's services in {council} have been rated {grade} by Ofsted following an inspection in {month} {year}.",
    "Ofsted has judged {council} council's services for children in need of help and protection to be {grade}, "
    "according to a report published on {day} {month} {year}.",
    "Inspectors who visited {council} in {month} {year} found that the council's children's services were {grade} "
    "overall.",
]
BODY = [
    "The inspection, carried out over three weeks, looked at how well the council protects vulnerable children, "
    "supports children in care and prepares care leavers for adult life.",
    "Inspectors said social workers knew their children well and that caseloads had fallen since the last "
    "inspection in {prev_year}, when the service was rated {prev_grade}.",
    "The report noted that too many children had experienced changes of social worker, and that the quality of "
    "supervision was inconsistent across teams.",
    "\u201cLeaders have a clear understanding of the strengths and weaknesses of their services and have acted "
    "decisively to improve practice,\u201d the report said.",
    "\u201cWe are proud of our staff, who have worked incredibly hard through a difficult period for the whole "
    "sector,\u201d said {person}, the council's director of children's services.",
    "{person}, cabinet member for children and families, said: \u201cThis judgement reflects years of steady work "
    "and we will not stand still now.\u201d",
    "The council has invested an additional \u00a3{money} million in early help and recruited {staff} permanent "
    "social workers over the past two years.",
    "Ofsted said the local authority should improve the timeliness of assessments for disabled children and the "
    "quality of pathway plans for care leavers.",
    "Inspectors found that the multi-agency safeguarding hub responded swiftly to concerns, with clear decisions "
    "made by experienced managers.",
    "In {month} {year} the council appointed a new director, and a monitoring visit in {prev_month} found early "
    "signs of improvement.",
    "The chair of the local safeguarding partnership, {person}, said partners would study the report carefully.",
    "\u201cChildren in care told us that they feel safe and that their carers listen to them,\u201d inspectors "
    "wrote.",
    "Agency staff still make up around a fifth of the workforce, which the council says it will reduce by "
    "{next_year}.",
]
CLOSINGS = [
    "The full report is available on the Ofsted website.",
    "A council spokesperson said an action plan would be presented to the cabinet in {next_month}.",
    "The council's next full inspection is expected within three years.",
]


def make_document(seed: int, index: int) -> str:
    """The text of document `index`: a headline then 6-10 paragraphs, separated by blank lines."""
    rng = random.Random(f"{seed}:{index}")
    year = rng.randint(2014, 2024)
    slots = {
        "council": rng.choice(COUNCILS), "grade": rng.choice(GRADES), "prev_grade": rng.choice(GRADES),
        "year": year, "prev_year": year - rng.randint(2, 4), "next_year": year + 1,
        "month": rng.choice(MONTHS), "prev_month": rng.choice(MONTHS), "next_month": rng.choice(MONTHS),
        "day": rng.randint(1, 28), "money": rng.randint(2, 15), "staff": rng.randint(10, 80),
    }

    def fill(template: str) -> str:
        return template.format(person=rng.choice(NAMES), **slots)

    paras = [fill(rng.choice(HEADLINES)), fill(rng.choice(OPENINGS))]
    paras += [fill(p) for p in rng.sample(BODY, rng.randint(4, 8))]
    paras.append(fill(rng.choice(CLOSINGS)))
    paras.append(f"Reference {seed}-{index}.")  # keeps every document's bytes (and doc_id) distinct
    return "\n\n".join(paras) + "\n"


def write_corpus(raw: Path, n: int, seed: int = 0, start: int = 0, per_folder: int = 100) -> list[Path]:
    """Write documents start .. start+n-1 under `raw`, `per_folder` to a sub-folder."""
    paths = []
    for i in range(start, start + n):
        folder = raw / f"batch{i // per_folder:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"story-{i:05d}.txt"
        path.write_text(make_document(seed, i), encoding="utf-8")
        paths.append(path)
    return paths


def table_rows(out: Path) -> dict[str, list[tuple]]:
    """Every table of an output folder as sorted rows, without the per-run timestamps."""
    import pyarrow.parquet as pq

    from pipeline.schemas import TABLES

    rows = {}
    for name in TABLES:
        table = pq.read_table(out / f"{name}.parquet")
        keep = [c for c in table.column_names if c not in ("processed_at", "at")]
        data = table.select(keep).to_pylist()
        rows[name] = sorted(tuple((k, repr(v)) for k, v in r.items()) for r in data)
    return rows
