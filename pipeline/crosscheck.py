"""Cross-check extracted current overall-effectiveness grades against Ofsted's official outcomes.

    python -m pipeline.crosscheck --output DIR [--json] [--reference CSV]

Reads OUTPUT/ratings.parquet (a file or a folder of parts) and pipeline/data/ofsted_outcomes.csv (a copy of
the reference table of Ofsted inspection events: Crown copyright, Open Government Licence v3.0). An extracted
row matches an official event of the same authority (GSS code, at the event or now) whose inspection or
publication year is within one year of the row's inspection_year (a report is often published the year after
the visit). Each row is an agreement, a disagreement (official grade shown), not found (no graded event that
year) or no year (the text gave no year to compare; the latest official event with the same grade, if any, is
shown so that the analyst can judge).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

REFERENCE = Path(__file__).parent / "data" / "ofsted_outcomes.csv"
GRADE_WORDS = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement to be good": "requires_improvement",
    "requires improvement": "requires_improvement",
    "inadequate": "inadequate",
    "adequate": "adequate",
}


def load_reference(path: str | Path = REFERENCE) -> pd.DataFrame:
    ref = pd.read_csv(path, dtype=str).fillna("")
    ref["grade"] = ref["overall_effectiveness"].str.strip().str.lower().map(GRADE_WORDS)
    ref = ref[ref["grade"].notna()].copy()
    years = []
    for _, r in ref.iterrows():
        ys = {int(d[:4]) for d in (r["inspection_date"], r["publication_date"]) if d[:4].isdigit()}
        years.append(sorted(ys))
    ref["years"] = years
    return ref


def crosscheck(ratings: pd.DataFrame, ref: pd.DataFrame) -> list[dict]:
    rows = ratings[(ratings["judgement"] == "overall_effectiveness") & (ratings["timing"] == "current")]
    by_code: dict[str, list] = {}
    for _, r in ref.iterrows():
        for code in {r["gss_code"], r["gss_code_at_event"]} - {""}:
            by_code.setdefault(code, []).append(r)
    out = []
    for _, r in rows.iterrows():
        year = r.get("inspection_year")
        year = None if year is None or pd.isna(year) else int(year)
        rec = {"doc_id": r.get("doc_id"), "authority_code": r["authority_code"],
               "authority_name": r["authority_name"], "inspection_year": year, "extracted": r["grade"],
               "official": None, "official_date": None, "status": "no_year"}
        if year is None:
            # No year in the text: still tell the analyst when Ofsted last gave that grade, if ever.
            same = [e for e in by_code.get(r["authority_code"], []) if e["grade"] == r["grade"]]
            if same:
                latest = max(same, key=lambda e: e["publication_date"] or e["inspection_date"])
                rec["official"] = latest["grade"]
                rec["official_date"] = latest["publication_date"] or latest["inspection_date"]
        else:
            events = [e for e in by_code.get(r["authority_code"], []) if any(abs(y - year) <= 1 for y in e["years"])]
            if not events:
                rec["status"] = "not_found"
            else:
                same = [e for e in events if e["grade"] == r["grade"]]
                best = same[0] if same else events[0]
                rec["status"] = "agree" if same else "disagree"
                rec["official"] = best["grade"]
                rec["official_date"] = best["publication_date"] or best["inspection_date"]
        out.append(rec)
    return out


def summary(results: list[dict]) -> dict:
    counts = {k: 0 for k in ("agree", "disagree", "not_found", "no_year")}
    for r in results:
        counts[r["status"]] += 1
    return counts


def format_table(results: list[dict]) -> str:
    head = ("status", "authority", "year", "extracted", "official", "official_date", "doc_id")
    lines = [[r["status"], r["authority_name"] or r["authority_code"], str(r["inspection_year"] or "-"),
              r["extracted"], r["official"] or "-", r["official_date"] or "-", str(r["doc_id"] or "-")]
             for r in results]
    widths = [max(len(h), *(len(x[i]) for x in lines)) if lines else len(h) for i, h in enumerate(head)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    text = [fmt.format(*head), fmt.format(*("-" * w for w in widths))] + [fmt.format(*x) for x in lines]
    s = summary(results)
    text.append("")
    text.append("agree {agree}  disagree {disagree}  not found {not_found}  no year {no_year}".format(**s))
    return "\n".join(text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.crosscheck", description=__doc__.splitlines()[0])
    ap.add_argument("--output", required=True, help="output folder holding ratings.parquet")
    ap.add_argument("--reference", default=str(REFERENCE), help="Ofsted outcomes CSV (default: packaged copy)")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    args = ap.parse_args(argv)
    path = Path(args.output) / "ratings.parquet"
    if not path.exists():
        print(f"no ratings table at {path}", file=sys.stderr)
        return 2
    results = crosscheck(pd.read_parquet(path), load_reference(args.reference))
    if args.json:
        print(json.dumps({"summary": summary(results), "rows": results}, indent=2, default=str))
    else:
        print(format_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
