"""Scale-out: the flow's extract tasks on a real dask.distributed LocalCluster give the same tables."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from pipeline.bench import generate_corpus
from pipeline.schemas import TABLES
from tests.conftest import RAW

pytestmark = pytest.mark.slow


def _rows(out, table: str) -> list[tuple]:
    """Every row of a table as comparable tuples, order-free, without run timestamps."""
    df = pd.read_parquet(out / f"{table}.parquet")
    df = df.drop(columns=[c for c in ("processed_at", "at") if c in df.columns])
    return sorted(tuple(repr(v) for v in row) for row in df.itertuples(index=False))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for path in RAW.glob("*.txt"):
        shutil.copy(path, raw / path.name)
    generate_corpus(raw / "synthetic", 16, seed=7)
    (raw / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")  # an error row must travel too
    return raw


def test_dask_local_cluster_matches_default_run(corpus, tmp_path):
    from distributed import LocalCluster

    from pipeline.flow import build_tables

    default_out, dask_out = tmp_path / "default", tmp_path / "dask"
    build_tables(raw_dir=str(corpus), output_dir=str(default_out), batch_size=4, workers=1)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        summary = build_tables(raw_dir=str(corpus), output_dir=str(dask_out), batch_size=4,
                               dask_address=cluster.scheduler_address)
        with cluster.get_client() as client:
            # Both workers did extraction: each loaded the spaCy pipeline in its own process.
            loaded = client.run(lambda: __import__("sys").modules.get("pipeline.nlp") is not None)
    assert summary["processed"] == 22
    assert len(loaded) == 2 and all(loaded.values())
    for table in TABLES:
        expected = _rows(default_out, table)
        assert _rows(dask_out, table) == expected, table
    assert len(_rows(dask_out, "documents")) == 21
    assert len(_rows(dask_out, "errors")) == 1


def test_dask_local_workers_option_runs_its_own_cluster(corpus, tmp_path):
    from pipeline.cli import main

    out = tmp_path / "out"
    assert main(["run", "--raw", str(corpus), "--output", str(out), "--batch-size", "8", "--dask-local", "2"]) == 0
    assert len(pd.read_parquet(out / "documents.parquet")) == 21
