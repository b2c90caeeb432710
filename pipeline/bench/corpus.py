"""Synthetic corpus for benchmarks: realistic news, press releases, Ofsted letters and reports.

Documents recombine the paragraphs of paragraphs.json (edit it to add variety). Document i depends only
on (seed, i), so a corpus of 1,000 is the first 1,000 documents of a corpus of 10,000, and `start`
adds new documents to an existing folder (incremental re-run benchmarks). Not used for accuracy.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from functools import lru_cache
from pathlib import Path

SLOT = re.compile(r"\{(\w+)\}")
WORDS = {"news": (400, 900), "press_release": (300, 700), "letter": (800, 1800), "report": (2000, 5000)}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
PER_FOLDER = 1000  # inputs per sub-folder, as a real archive would be split


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads((Path(__file__).parent / "paragraphs.json").read_text(encoding="utf-8"))


def _date(rng: random.Random, year: int, weekday: bool = False) -> tuple[str, str]:
    data = _data()
    month = rng.choice(data["months"])
    day = rng.randint(1, 28)
    text = f"{day} {month} {year}"
    if weekday:  # the true weekday: a wrong one would be a contradiction the dates rules may flag
        text = f"{dt.date(year, MONTHS.index(month) + 1, day):%A} {text}"
    return text, month


class _Doc:
    """Slot values fixed for one document; per-use slots are drawn on every use."""

    def __init__(self, rng: random.Random):
        d = _data()
        self.rng = rng
        full, short = rng.choice(d["councils"])
        grade, prev = rng.choices(d["grades"], d["grade_weights"], k=2)
        year = rng.randint(2015, 2025)
        start, month = _date(rng, year)
        day = int(start.split()[0])
        person = self.person
        self.fixed = {
            "council": short, "council_full": full, "grade": grade, "prev_grade": prev, "year": str(year),
            "prev_year": str(year - rng.randint(2, 5)), "pub_date": _date(rng, year, weekday=rng.random() < .5)[0],
            "visit_start": start, "visit_end": f"{min(28, day + rng.randint(1, 14))} {month} {year}",
            "month_year": f"{month} {year}", "dcs": person(), "member": person(), "inspector": person(),
            "hmi": person(), "progress": rng.choice(d["report_progress"]),
        }
        for key in ("grade_leaders", "grade_help", "grade_care", "grade_leavers"):
            self.fixed[key] = rng.choices(d["grades"], d["grade_weights"])[0].capitalize()

    def person(self) -> str:
        d = _data()
        return f"{self.rng.choice(d['first_names'])} {self.rng.choice(d['surnames'])}"

    def value(self, slot: str) -> str:
        if slot in self.fixed:
            return self.fixed[slot]
        d, rng = _data(), self.rng
        if slot in ("quote", "quote2"):
            return rng.choice(d["quotes"])
        if slot in ("theme", "theme2"):
            return rng.choice(d["themes"])
        if slot == "theme_title":
            return rng.choice(d["themes"]).capitalize()
        if slot == "strength":
            return rng.choice(d["strengths"])
        if slot == "weakness":
            return rng.choice(d["weaknesses"])
        if slot == "grade2":
            return rng.choices(d["grades"], d["grade_weights"])[0]
        if slot == "judgement":
            return rng.choice(d["judgements"])
        if slot == "role":
            return rng.choice(d["council_roles"])
        if slot == "other_role":
            return rng.choice(d["other_roles"])
        if slot == "person":
            return self.person()
        if slot == "pronoun":
            return rng.choice(("she", "he", "they"))
        if slot == "number":
            return str(rng.randint(40, 900))
        if slot == "number_small":
            return str(rng.randint(2, 12))
        raise KeyError(f"unknown slot {{{slot}}} in paragraphs.json")

    def fill(self, template: str) -> str:
        return SLOT.sub(lambda m: self.value(m.group(1)), template)


def _grow(doc: _Doc, paras: list[str], body: list[str], target: int, sections: list[str] | None = None) -> None:
    words = sum(len(p.split()) for p in paras)
    pool: list[str] = []
    n = 0
    while words < target:
        if sections and n % 6 == 0:
            paras.append(doc.rng.choice(sections))
        if not pool:
            pool = list(body)
            doc.rng.shuffle(pool)
        para = doc.fill(pool.pop())
        paras.append(para)
        words += len(para.split())
        n += 1


def make_document(seed: int, index: int) -> tuple[str, str]:
    """(kind, text) of document `index` of the corpus for `seed`; paragraphs separated by blank lines."""
    d = _data()
    rng = random.Random(f"{seed}:{index}")
    kind = rng.choices(list(d["kinds"]), list(d["kinds"].values()))[0]
    doc = _Doc(rng)
    target = rng.randint(*WORDS[kind])
    if kind == "news":
        paras = [doc.fill(rng.choice(d["news_headlines"])), doc.fill(rng.choice(d["news_standfirsts"])),
                 doc.fill(rng.choice(d["news_openings"]))]
        _grow(doc, paras, d["news_body"], target)
    elif kind == "press_release":
        paras = [doc.fill(rng.choice(d["press_headlines"])), doc.fill("{pub_date}"),
                 doc.fill(rng.choice(d["press_openings"]))]
        _grow(doc, paras, d["press_body"], target - 20)
        paras.append(doc.fill(rng.choice(d["press_closings"])))
    elif kind == "letter":
        paras = [doc.fill(p) for p in d["letter_openings"]]
        _grow(doc, paras, d["letter_body"], target - 10)
        paras += [doc.fill(p) for p in d["letter_closings"]]
    else:
        paras = [doc.fill(p) for p in d["report_openings"]]
        _grow(doc, paras, d["report_body"], target - 40, sections=d["report_sections"])
        paras += [doc.fill(p) for p in d["report_closings"]]
    return kind, "\n\n".join(paras) + "\n"


def generate_corpus(out_dir: str | Path, n: int, seed: int = 0, start: int = 0) -> list[Path]:
    """Write documents start .. start+n-1 of the corpus for `seed` as .txt files under `out_dir`."""
    out = Path(out_dir)
    paths = []
    for i in range(start, start + n):
        kind, text = make_document(seed, i)
        folder = out / f"{i // PER_FOLDER:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{i:06d}-{kind}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
