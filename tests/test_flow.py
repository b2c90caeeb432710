"""The Prefect flow end to end on the sample corpus, the tables' contract, and the CLI's errors."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main as cli_main
from pipeline.evaluate import evaluate, format_report
from pipeline.schemas import ENUMS, TABLES
from tests.conftest import GOLD, ROOT


def test_flow_writes_every_table_with_its_schema(seeds_output):
    for name, schema in TABLES.items():
        table = pq.read_table(seeds_output / f"{name}.parquet")
        assert table.schema.names == schema.names, name
        for field in schema:
            assert table.schema.field(field.name).type == field.type, (name, field.name)


def test_one_document_row_per_input_with_offsets_into_its_text(seeds_output):
    docs = pd.read_parquet(seeds_output / "documents.parquet")
    assert sorted(docs["source"]) == sorted(p.name for p in (ROOT / "raw").glob("*.txt"))
    assert docs["doc_id"].is_unique
    texts = dict(zip(docs["doc_id"], docs["text"]))
    for name in ("dates", "quotes", "ratings"):
        rows = pd.read_parquet(seeds_output / f"{name}.parquet")
        for row in rows.itertuples():
            span = texts[row.doc_id][row.start:row.end]
            expected = row.evidence if name == "ratings" else row.text
            assert span == expected, (name, row)


def test_enumerated_columns_hold_only_contract_values(seeds_output):
    for (table, column), allowed in ENUMS.items():
        values = set(pd.read_parquet(seeds_output / f"{table}.parquet")[column].dropna())
        assert values <= allowed, (table, column, values - allowed)


@pytest.mark.parametrize("reader", ["pandas", "duckdb", "polars"])
def test_tables_read_in_one_call(seeds_output, reader):
    for name in TABLES:
        path = seeds_output / f"{name}.parquet"
        if reader == "pandas":
            n = len(pd.read_parquet(path))
        elif reader == "duckdb":
            n = duckdb.sql(f"select count(*) from read_parquet('{path}/*.parquet')").fetchall()[0][0]
        else:
            n = pl.read_parquet(path / "*.parquet").height
        assert n == pq.read_table(path).num_rows


def test_documents_kind_and_title(seeds_output):
    docs = pd.read_parquet(seeds_output / "documents.parquet").set_index("source")
    assert docs.loc["002_cc3dbd50d8a18c18.txt", "kind"] == "ofsted_letter"
    assert docs.loc["000_d51274d8d114c741.txt", "kind"] == "news"
    assert docs.loc["004_bb1798be8301669f.txt", "title"].startswith("Ofsted praises record-breaking improvements")
    assert "Comments are closed." not in docs.loc["004_bb1798be8301669f.txt", "text"]
    assert any(r.startswith("site_furniture") for r in docs.loc["004_bb1798be8301669f.txt", "removed"])


def test_seed_gold_score_is_measured(seeds_output, capsys):
    report = evaluate(GOLD / "seeds.jsonl", seeds_output)
    with capsys.disabled():
        print("\nseed gold:\n" + format_report(report))
    assert report.documents == 5 and not report.missing_documents
    assert report.as_dict()["kind_accuracy"] == 1.0


def test_missing_raw_folder_is_a_clear_error(tmp_path, capsys):
    assert cli_main(["run", "--raw", str(tmp_path / "nope"), "--output", str(tmp_path / "out")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_empty_raw_folder_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "raw").mkdir()
    assert cli_main(["run", "--raw", str(tmp_path / "raw"), "--output", str(tmp_path / "out")]) == 2
    assert "holds no input files" in capsys.readouterr().err


def test_module_entry_point_reports_usage_errors():
    proc = subprocess.run([sys.executable, "-m", "pipeline", "frobnicate"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "invalid choice" in proc.stderr
