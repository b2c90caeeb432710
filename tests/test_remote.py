"""Tables on a remote filesystem URI: pulled into a local mirror, processed, published (pipeline.remote).

pyarrow.fs serves file:// through the same FileSystem interface as s3:// and gs://, so these runs take the
exact code path a bucket would, without network.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import remote
from pipeline.flow import build_tables
from pipeline.store import MANIFEST, OutputStore
from tests.synth import table_rows, write_corpus


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.fixture
def mirrors(tmp_path, monkeypatch) -> Path:
    base = tmp_path / "mirrors"
    monkeypatch.setenv("OFSTED_MIRROR_DIR", str(base))
    return base


def test_is_remote():
    assert remote.is_remote("s3://bucket/tables")
    assert remote.is_remote("file:///data/tables")
    assert not remote.is_remote("output")
    assert not remote.is_remote("/data/output")
    assert not remote.is_remote("C:/data")


def test_run_to_a_uri_publishes_the_same_tables_as_a_local_run(tmp_path, mirrors):
    raw = tmp_path / "raw"
    write_corpus(raw, 30, seed=5)
    local, bucket = tmp_path / "local", tmp_path / "bucket"
    build_tables(raw_dir=str(raw), output_dir=str(local), workers=1, batch_size=8)
    summary = build_tables(raw_dir=str(raw), output_dir=bucket.as_uri(), workers=1, batch_size=8)
    assert summary["output_dir"] == bucket.as_uri() and summary["processed"] == 30
    assert table_rows(bucket) == table_rows(local)
    assert not (bucket / "_lock").exists()  # the lock stays with the mirror
    # every published part is live: nothing stale or uncommitted was left behind
    parts = {p.stem.removeprefix("part-") for p in bucket.rglob("part-*.parquet")}
    assert parts == OutputStore(bucket).live_parts()


def test_a_fresh_machine_pulls_and_stays_incremental(tmp_path, mirrors):
    raw, bucket = tmp_path / "raw", tmp_path / "bucket"
    write_corpus(raw, 20, seed=6)
    build_tables(raw_dir=str(raw), output_dir=bucket.as_uri(), workers=1, batch_size=8)
    shutil.rmtree(mirrors)  # another machine: no mirror yet

    write_corpus(raw, 1, seed=6, start=20)
    summary = build_tables(raw_dir=str(raw), output_dir=bucket.as_uri(), workers=1, batch_size=8)
    assert summary["processed"] == 1 and summary["unchanged"] == 20
    docs = pq.read_table(bucket / "documents.parquet").to_pandas()
    assert len(docs) == 21 and docs["doc_id"].is_unique


def test_push_uploads_parts_before_the_manifest_and_removes_stale_ones(tmp_path):
    local, bucket = tmp_path / "mirror", tmp_path / "bucket"
    (local / "documents.parquet").mkdir(parents=True)
    (local / "documents.parquet" / "part-new.parquet").write_bytes(b"new")
    (local / MANIFEST).write_bytes(b"manifest-2")
    (bucket / "documents.parquet").mkdir(parents=True)
    (bucket / "documents.parquet" / "part-old.parquet").write_bytes(b"old")
    (bucket / MANIFEST).write_bytes(b"manifest-1")

    assert remote.push(local, bucket.as_uri()) == {"uploaded": 2, "deleted": 1}
    assert _files(bucket) == [MANIFEST, "documents.parquet/part-new.parquet"]
    assert (bucket / MANIFEST).read_bytes() == b"manifest-2"
    assert remote.push(local, bucket.as_uri()) == {"uploaded": 1, "deleted": 0}  # only the manifest again


def test_pull_replaces_a_stale_mirror_and_skips_a_current_one(tmp_path):
    mirror, bucket = tmp_path / "mirror", tmp_path / "bucket"
    (bucket / "quotes.parquet").mkdir(parents=True)
    (bucket / "quotes.parquet" / "part-a.parquet").write_bytes(b"a")
    (bucket / MANIFEST).write_bytes(b"m1")
    (mirror / "quotes.parquet").mkdir(parents=True)
    (mirror / "quotes.parquet" / "part-stale.parquet").write_bytes(b"stale")
    (mirror / MANIFEST).write_bytes(b"m0")
    (mirror / "_lock").write_text("pid 1\n")

    assert remote.pull(bucket.as_uri(), mirror) is True
    assert _files(mirror) == ["_lock", MANIFEST, "quotes.parquet/part-a.parquet"]
    assert remote.pull(bucket.as_uri(), mirror) is False  # same manifest: nothing copied
    assert remote.pull((tmp_path / "empty").as_uri(), mirror) is False  # nothing published there yet
