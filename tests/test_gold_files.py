"""Every gold file under tests/gold must be well formed and agree with its documents."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "tools"))
import check_gold  # noqa: E402

GOLD_FILES = sorted(check_gold.GOLD_DIR.glob("*.jsonl"))


def test_gold_files_exist():
    assert GOLD_FILES, "no gold files found under tests/gold"


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_is_valid(gold_file):
    problems = check_gold.check_file(gold_file)
    assert not problems, "\n".join(problems[:30])


def test_short_names_cover_known_authorities():
    names = check_gold.load_short_names()
    assert {"Nottingham", "Nottinghamshire", "Kingston upon Hull", "County Durham", "North Northamptonshire"} <= names
    assert "Oxford" not in names and "Cardiff" not in names


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda r: r.update(kind="blog"), "bad kind"),
        (lambda r: r["authorities"].append("Oxford"), "unknown short name"),
        (lambda r: r["quotes"].append({"text": "words that are not in the text", "speaker": "X", "speaker_type": "person"}),
         "not verbatim"),
        (lambda r: r["quotes"].append({"text": "Camden", "speaker": "X", "speaker_type": "person"}), "fewer than four"),
        (lambda r: r["dates"].append({"text": "5 December 2023", "value": "2023-13-05"}), "bad value"),
        (lambda r: r["dates"].append({"text": "7 May 2031", "value": "2031-05-07"}), "not in document"),
        (lambda r: r["ratings"].append({"authority": "Camden", "judgement": "overall", "grade": "good",
                                         "timing": "current"}), "bad judgement"),
        (lambda r: r["ratings"].append({"authority": "Essex", "judgement": "adoption", "grade": "good",
                                         "timing": "current"}), "not listed in authorities"),
        (lambda r: r.pop("quotes_optional"), "missing keys"),
    ],
)
def test_validator_catches_broken_records(mutate, expected):
    text = "Camden council was rated good on 5 December 2023, inspectors said."
    rec = {
        "doc": "x", "sha256": "0" * 64, "kind": "news", "authorities": ["Camden"], "authorities_optional": [],
        "ratings": [], "ratings_optional": [], "dates": [{"text": "5 December 2023", "value": "2023-12-05"}],
        "dates_optional": [], "quotes": [], "quotes_optional": [],
    }
    assert check_gold.check_record(json.loads(json.dumps(rec)), text, {"Camden", "Essex"}) == []
    mutate(rec)
    problems = check_gold.check_record(rec, text, {"Camden", "Essex"})
    assert any(expected in p for p in problems), problems


def test_sha_mismatch_is_reported(tmp_path):
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "d1.txt").write_text("Camden council was rated good.", encoding="utf-8")
    rec = {
        "doc": "d1", "sha256": "f" * 64, "kind": "news", "authorities": ["Camden"], "authorities_optional": [],
        "ratings": [], "ratings_optional": [], "dates": [], "dates_optional": [], "quotes": [], "quotes_optional": [],
    }
    gold = tmp_path / "demo.jsonl"
    gold.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    problems = check_gold.check_file(gold, {"Camden"})
    assert any("sha256" in p for p in problems)
