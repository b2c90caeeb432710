"""Accuracy on the gold sets, measured through the real flow and the evaluate command.

The seed and wider sets carry the issues' targets as floors (a drop below them fails the suite); the
released held-out sets (development data now) carry floors a little under their scores. The blind set
(holdout5) is not here: it is measured by hand, rarely, so that the suite never tunes anything to it.
"""

from __future__ import annotations

import pytest

from pipeline.evaluate import evaluate, format_report
from tests.conftest import GOLD, RAW

FLOORS = {
    "seeds": {"authorities": 1.0, "ratings": 0.95, "dates": 1.0, "quotes": 0.95, "speaker_accuracy": 0.95},
    "wider": {"authorities": 0.97, "ratings": 0.90, "dates": 0.95, "quotes": 0.92, "quotes_end_to_end": 0.85},
    "holdout": {"authorities": 0.97, "ratings": 0.95, "dates": 0.97, "quotes": 0.95},
    # released held-out sets, now development data: floors a little under their scores at release
    "holdout2": {"authorities": 0.97, "ratings": 0.95, "dates": 0.97, "quotes": 0.95, "quotes_end_to_end": 0.9},
    "holdout3": {"authorities": 0.97, "ratings": 0.95, "dates": 0.97, "quotes": 0.95, "quotes_end_to_end": 0.9},
    "holdout4": {"authorities": 0.97, "ratings": 0.95, "dates": 0.97, "quotes": 0.95, "quotes_end_to_end": 0.9},
    "holdout6": {"authorities": 0.97, "ratings": 0.94, "dates": 0.97, "quotes": 0.95, "quotes_end_to_end": 0.92},
    "holdout7": {"authorities": 0.97, "ratings": 0.85, "dates": 0.97, "quotes": 0.95, "quotes_end_to_end": 0.87},
    "holdout8": {"authorities": 0.97, "ratings": 0.96, "dates": 0.97, "quotes": 0.95, "quotes_end_to_end": 0.96},
    "holdout9": {"authorities": 0.97, "ratings": 0.93, "dates": 0.97, "quotes": 0.95, "quotes_end_to_end": 0.95},
    "holdout10": {"authorities": 0.97, "ratings": 0.90, "dates": 0.97, "quotes": 0.95, "quotes_end_to_end": 0.93},
    "holdout11": {"authorities": 0.97, "ratings": 0.88, "dates": 0.97, "quotes": 0.95, "quotes_end_to_end": 0.88},
    "holdout12": {"authorities": 0.97, "ratings": 0.95, "dates": 0.97, "quotes": 0.95, "quotes_end_to_end": 0.95},
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    from pipeline.flow import build_tables

    reports = {}
    for name in FLOORS:
        raw = RAW if name == "seeds" else GOLD / name
        out = tmp_path_factory.mktemp(f"gold-{name}")
        build_tables(raw_dir=str(raw), output_dir=str(out), workers=1)
        reports[name] = evaluate(GOLD / f"{name}.jsonl", out)
    return reports


@pytest.mark.parametrize("name", list(FLOORS))
def test_gold_scores_meet_floors(scores, name, capsys):
    report = scores[name]
    with capsys.disabled():
        print(f"\n{name} gold:\n{format_report(report)}")
    d = report.as_dict()
    assert not d["missing_documents"]
    for key, floor in FLOORS[name].items():
        value = d[key] if key == "speaker_accuracy" else d[key]["f1"]
        assert value >= floor, (name, key, value)
