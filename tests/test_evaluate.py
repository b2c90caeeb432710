"""evaluate's arithmetic on a small hand-checked case."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pipeline.cli import main as cli_main
from pipeline.evaluate import evaluate, norm_quote
from pipeline.schemas import to_table
from pipeline.store import ManifestEntry, OutputStore

NOW = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def _write_output(path):
    doc = {"doc_id": "d1", "source": "sub/doc1.txt", "kind": "news", "text": "x", "content_sha256": "h",
           "pipeline_version": "v", "processed_at": NOW}
    auth = [{"doc_id": "d1", "authority_code": c, "authority_name": n, "mentions": 1, "first_start": 0,
             "is_primary": n == "Camden"} for c, n in [("E09000007", "Camden"), ("E06000018", "Nottingham"),
                                                      ("E09000012", "Hackney")]]
    ratings = [{"doc_id": "d1", "authority_code": "E09000007", "authority_name": "Camden", "judgement": j,
                "grade": g, "timing": t, "evidence": "e", "start": 0, "end": 1}
               for j, g, t in [("overall_effectiveness", "good", "current"),   # tp
                               ("adoption", "good", "current"),                # fp
                               ("care_leavers", "good", "current")]]           # optional: ignored
    dates = [{"doc_id": "d1", "text": t, "value": v, "granularity": "year", "start": 0, "end": 1}
             for t, v in [("2012", "2012"), ("in 2012", "2012"), ("2019", "2019")]]
    quotes = [{"doc_id": "d1", "text": t, "speaker": s, "speaker_type": st, "start": 0, "end": 1}
              for t, s, st in [("We are proud of our staff and children,", "Jane Roe", "person"),   # tp, right
                               ("The pace of change is too slow", "Ofsted", "ofsted"),               # tp, wrong speaker
                               ("a line nobody annotated at all", "Bob", "person")]]                # fp
    st = OutputStore(path)
    tables = {"documents": to_table("documents", [doc]), "authorities": to_table("authorities", auth),
              "ratings": to_table("ratings", ratings), "dates": to_table("dates", dates),
              "quotes": to_table("quotes", quotes)}
    st.commit(tables, [ManifestEntry("sub/doc1.txt", 1, 1, "h", "v", "d1", "ok", "", NOW)])


GOLD = {
    "doc": "doc1", "kind": "news",
    "authorities": ["Camden", "Nottinghamshire"], "authorities_optional": ["Hackney"],
    "ratings": [{"authority": "Camden", "judgement": "overall_effectiveness", "grade": "good", "timing": "current"},
                {"authority": "Camden", "judgement": "overall_effectiveness", "grade": "good", "timing": "previous"}],
    "ratings_optional": [{"authority": "Camden", "judgement": "care_leavers", "grade": "good", "timing": "current"}],
    "dates": [{"text": "2012", "value": "2012"}], "dates_optional": [],
    "quotes": [{"text": "We are proud of our staff and children", "speaker": "Jane Roe", "speaker_type": "person"},
               {"text": "The pace of change is too slow.", "speaker": "inspectors", "speaker_type": "ofsted"},
               {"text": "Nobody found this one in the text", "speaker": "X Y", "speaker_type": "person"}],
    "quotes_optional": [],
}


@pytest.fixture()
def scored(tmp_path):
    _write_output(tmp_path / "out")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n" + json.dumps({**GOLD, "doc": "absent"}) + "\n")
    return evaluate(gold, tmp_path / "out").as_dict(), gold, tmp_path / "out"


def test_set_tables_counts(scored):
    d, _, _ = scored
    # doc1: Camden tp, Nottingham fp, Nottinghamshire fn, Hackney optional. absent doc: two fn.
    assert (d["authorities"]["tp"], d["authorities"]["fp"], d["authorities"]["fn"]) == (1, 1, 3)
    assert (d["ratings"]["tp"], d["ratings"]["fp"], d["ratings"]["fn"]) == (1, 1, 3)
    # dates are scored by distinct value: 2012 once (tp), 2019 fp; absent doc: 2012 fn
    assert (d["dates"]["tp"], d["dates"]["fp"], d["dates"]["fn"]) == (1, 1, 1)
    assert d["authorities"]["precision"] == 0.5
    assert d["authorities"]["recall"] == 0.25
    assert d["authorities"]["f1"] == pytest.approx(2 * 0.5 * 0.25 / 0.75, abs=1e-4)
    assert d["missing_documents"] == ["absent"]


def test_quote_detection_speaker_and_end_to_end(scored):
    d, _, _ = scored
    assert (d["quotes"]["tp"], d["quotes"]["fp"], d["quotes"]["fn"]) == (2, 1, 4)
    assert d["speaker_accuracy"] == 0.5
    # end to end: only the right-speaker quote is a tp; the wrong speaker is both an fp and an fn
    assert (d["quotes_end_to_end"]["tp"], d["quotes_end_to_end"]["fp"], d["quotes_end_to_end"]["fn"]) == (1, 2, 5)


def test_quote_normalisation_ignores_marks_case_and_outer_punctuation():
    assert norm_quote("“We’ve  done it,”") == norm_quote("we've done it")


def test_cli_prints_scores_and_errors(scored, capsys):
    _, gold, out = scored
    assert cli_main(["evaluate", "--gold", str(gold), "--output", str(out), "--show-errors"]) == 0
    text = capsys.readouterr().out
    assert "authorities" in text and "missed" in text and "Nottinghamshire" in text
    assert cli_main(["evaluate", "--gold", str(gold), "--output", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ratings"]["tp"] == 1


def test_cli_evaluate_without_output_is_a_clear_error(tmp_path, capsys):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n")
    assert cli_main(["evaluate", "--gold", str(gold), "--output", str(tmp_path / "nothing")]) == 2
    assert "run the pipeline first" in capsys.readouterr().err
