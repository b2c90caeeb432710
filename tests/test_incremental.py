"""Re-runs: new, changed, deleted, touched and duplicate inputs give the same tables as a full rebuild.

One base build of a few hundred generated stories is shared (copied) by the tests; each then
changes the raw folder and compares the incremental result with a clean build, row for row.
"""

from __future__ import annotations

import collections
import datetime as dt
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline import flow as flow_mod
from pipeline import stages
from pipeline import store as store_mod
from pipeline.flow import build_tables
from pipeline.schemas import TABLES, to_table
from pipeline.store import ManifestEntry, OutputStore
from tests.synth import make_document, table_rows, write_corpus

BASE_DOCS = 240


def run(raw: Path, out: Path, **kw) -> dict:
    return build_tables(raw_dir=str(raw), output_dir=str(out), workers=1, **kw)


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("base")
    raw, out = root / "raw", root / "out"
    write_corpus(raw, BASE_DOCS, seed=1)
    # A pair of identical inputs: the first in discover order owns the content.
    shutil.copy2(raw / "batch00" / "story-00003.txt", raw / "batch01" / "story-00003-copy.txt")
    summary = run(raw, out, batch_size=64)
    assert summary["processed"] == BASE_DOCS + 1
    return raw, out


@pytest.fixture
def copy_of(base, tmp_path) -> tuple[Path, Path]:
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(base[0], raw)  # copy2: sizes and mtimes kept, so the manifest still matches
    shutil.copytree(base[1], out)
    return raw, out


def fresh_build(raw: Path, tmp_path: Path) -> Path:
    out = tmp_path / "fresh"
    run(raw, out, batch_size=100)
    return out


def assert_same_tables(a: Path, b: Path) -> None:
    rows_a, rows_b = table_rows(a), table_rows(b)
    for name in TABLES:
        assert len(rows_a[name]) == len(rows_b[name]), name
        assert rows_a[name] == rows_b[name], name


def bump_mtime(path: Path, seconds: int = 60) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + seconds * 1_000_000_000))


def test_incremental_run_equals_full_rebuild(copy_of, tmp_path):
    raw, out = copy_of
    before = table_rows(out)
    write_corpus(raw, 40, seed=1, start=BASE_DOCS)  # 40 new stories
    for i in range(0, 50, 5):  # 10 changed stories (same names, new bytes)
        path = raw / "batch00" / f"story-{i:05d}.txt"
        path.write_text(make_document(99, i), encoding="utf-8")
        bump_mtime(path)
    for i in range(100, 110):  # 10 deleted stories
        (raw / "batch01" / f"story-{i:05d}.txt").unlink()
    for i in range(200, 205):  # 5 touched stories: new mtime, same bytes
        bump_mtime(raw / "batch02" / f"story-{i:05d}.txt")
    # Duplicates: the owner of the existing pair is deleted (its copy must take over), and a new copy
    # that sorts before an existing story takes that content over from it.
    (raw / "batch00" / "story-00003.txt").unlink()
    shutil.copy2(raw / "batch02" / "story-00230.txt", raw / "batch00" / "story-00001-copy.txt")

    summary = run(raw, out, batch_size=16)

    # new 40 + changed 10 + new copy + the copy that took over (+ the demoted story, in the same commit)
    assert summary["processed"] == 40 + 10 + 2
    assert summary["deleted"] == 11
    fresh = fresh_build(raw, tmp_path)
    assert_same_tables(out, fresh)
    assert table_rows(out) != before
    docs = pd.read_parquet(out / "documents.parquet").set_index("source")
    assert "batch01/story-00003-copy.txt" in docs.index  # took over from the deleted owner
    assert "batch02/story-00230.txt" not in docs.index  # demoted: an earlier input has the same bytes
    errors = pd.read_parquet(out / "errors.parquet").set_index("source")
    assert errors.loc["batch02/story-00230.txt", "error"].startswith("identical content to batch00/story-00001")
    assert not any(s.startswith("batch01/story-0010") for s in docs.index)
    manifest = OutputStore(out).read_manifest()
    assert set(manifest) == {p.relative_to(raw).as_posix() for p in raw.rglob("*.txt")}
    assert all(e.status == "ok" for s, e in manifest.items() if s != "batch02/story-00230.txt")


def test_unchanged_inputs_are_not_read_and_touched_ones_only_hashed(copy_of, monkeypatch):
    raw, out = copy_of
    before = table_rows(out)
    read, hashed = [], []
    real_read, real_hash = stages.read_batch, stages._sha256_file
    monkeypatch.setattr(stages, "read_batch", lambda files: read.extend(files) or real_read(files))
    monkeypatch.setattr(stages, "_sha256_file", lambda path: hashed.append(path) or real_hash(path))

    summary = run(raw, out)
    assert (summary["processed"], summary["unchanged"]) == (0, BASE_DOCS + 1)
    assert read == [] and hashed == []

    touched = raw / "batch01" / "story-00150.txt"
    bump_mtime(touched)
    summary = run(raw, out)
    assert summary["processed"] == 0
    assert read == [] and hashed == [str(touched)]  # hashed once, never read or extracted
    assert OutputStore(out).read_manifest()["batch01/story-00150.txt"].mtime_ns == touched.stat().st_mtime_ns

    hashed.clear()
    run(raw, out)
    assert hashed == []  # the new mtime was recorded: no hash on the next run
    after = table_rows(out)
    assert after == before  # processed_at aside, nothing changed; and processed_at kept too:
    docs = pd.read_parquet(out / "documents.parquet")
    assert docs["processed_at"].nunique() == 1


def test_a_rerun_reads_the_manifest_once_and_leaves_no_journal(copy_of, monkeypatch):
    """Bookkeeping must not grow with the corpus: one manifest read per run (its later lookups come from the
    store's cache), a commit journals only its own inputs, and the run ends with the journal folded."""
    from pipeline import store as store_mod

    raw, out = copy_of
    (raw / "batch00" / "story-new.txt").write_text(make_document(4, 9999), encoding="utf-8")
    loads, journaled = [], []
    real_load, real_write = store_mod.OutputStore._load, store_mod._atomic_write_table
    monkeypatch.setattr(store_mod.OutputStore, "_load", lambda self: loads.append(1) or real_load(self))

    def write(table, path, **kw):
        if path.parent.name == store_mod.JOURNAL:
            journaled.append(table.num_rows)
        return real_write(table, path, **kw)

    monkeypatch.setattr(store_mod, "_atomic_write_table", write)
    summary = run(raw, out)
    assert summary["processed"] == 1
    assert len(loads) == 1
    assert journaled == [1]
    assert not list((out / store_mod.JOURNAL).glob("*.parquet"))
    assert len(OutputStore(out).read_manifest()) == BASE_DOCS + 2


def test_new_pipeline_version_reprocesses_everything(copy_of, monkeypatch):
    raw, out = copy_of
    counts = {n: len(rows) for n, rows in table_rows(out).items()}
    monkeypatch.setattr(flow_mod, "pipeline_version", lambda: "9.9.9+newrules")
    summary = run(raw, out)
    assert summary["processed"] == BASE_DOCS + 1
    docs = pd.read_parquet(out / "documents.parquet")
    assert set(docs["pipeline_version"]) == {"9.9.9+newrules"}
    assert {n: len(rows) for n, rows in table_rows(out).items()} == counts
    assert {e.pipeline_version for e in OutputStore(out).read_manifest().values()} == {"9.9.9+newrules"}


def test_full_flag_rebuilds_every_row(copy_of, tmp_path):
    raw, out = copy_of
    old = pd.read_parquet(out / "documents.parquet")["processed_at"].max()
    summary = run(raw, out, full=True)
    assert summary["processed"] == BASE_DOCS + 1
    assert (pd.read_parquet(out / "documents.parquet")["processed_at"] > old).all()
    assert_same_tables(out, fresh_build(raw, tmp_path))


def test_adding_one_document_writes_one_small_part_per_table(copy_of):
    raw, out = copy_of
    files_before = {p: p.stat().st_mtime_ns for p in out.rglob("part-*.parquet")}
    write_corpus(raw, 1, seed=1, start=BASE_DOCS)
    summary = run(raw, out)
    assert summary["processed"] == 1
    files_after = {p: p.stat().st_mtime_ns for p in out.rglob("part-*.parquet")}
    new = set(files_after) - set(files_before)
    assert set(files_before) <= set(files_after)  # nothing merged away or rewritten
    assert all(files_after[p] == m for p, m in files_before.items())
    assert sorted(p.parent.name for p in new) == sorted(f"{t}.parquet" for t in TABLES)
    new_docs = pd.read_parquet(next(p for p in new if p.parent.name == "documents.parquet"))
    assert new_docs["source"].tolist() == [f"batch{BASE_DOCS // 100:02d}/story-{BASE_DOCS:05d}.txt"]


# -- compaction policy (store level, no NLP) ------------------------------------------------------

NOW = dt.datetime(2024, 5, 6, tzinfo=dt.UTC)


def _one_doc(i: int):
    doc_id = f"{i:016x}"
    docs = to_table("documents", [{"doc_id": doc_id, "source": f"{i}.txt", "kind": "news", "text": f"story {i}",
                                   "content_sha256": doc_id * 4, "pipeline_version": "v", "processed_at": NOW}])
    entry = ManifestEntry(source=f"{i}.txt", size=1, mtime_ns=1, content_sha256=doc_id * 4, pipeline_version="v",
                          doc_id=doc_id, status="ok", part="", processed_at=NOW)
    return {"documents": docs}, [entry]


def test_compaction_is_size_tiered_and_never_rewrites_everything(tmp_path, monkeypatch):
    st = OutputStore(tmp_path)
    written_rows = []
    real = store_mod._atomic_write_table

    def counting(table, path, **kw):
        if path.parent.name == "documents.parquet":
            written_rows.append(table.num_rows)
        return real(table, path, **kw)

    monkeypatch.setattr(store_mod, "_atomic_write_table", counting)
    runs = 150
    per_run = []
    for i in range(runs):  # 150 runs that each add one document, compacting after each like the flow
        mark = len(written_rows)
        st.commit(*_one_doc(i))
        st.compact()
        per_run.append(sum(written_rows[mark:]))
        parts = st.live_parts()
        assert len(parts) <= 3 * 7 + 1, i  # at most fanout-1 parts per tier
    # Every document is rewritten only a few times over its life (log_8 of the corpus), not every run.
    assert sum(written_rows) <= runs * 4
    assert max(per_run) <= 8 * 8 * 8  # the largest merge: one tier's parts
    assert sorted(pd.read_parquet(tmp_path / "documents.parquet")["source"]) == sorted(f"{i}.txt" for i in range(runs))
    assert per_run.count(1) > runs * 0.8  # most runs write their one new row and nothing else


def test_compaction_leaves_large_parts_alone(tmp_path):
    st = OutputStore(tmp_path)
    for start in range(0, 24, 8):
        tables, entries = {}, []
        for i in range(start, start + 8):
            t, e = _one_doc(i)
            entries += e
            tables.setdefault("documents", []).append(t["documents"])
        st.commit({"documents": __import__("pyarrow").concat_tables(tables["documents"])}, entries)
    assert st.compact(max_part_inputs=8) == 0  # three parts at the cap: nothing to merge
    assert len(st.live_parts()) == 3
    assert st.compact(max_part_inputs=100, fanout=3) == 3
    assert len(st.live_parts()) == 1


def test_compaction_backstop_never_merges_full_parts(tmp_path):
    """Past max_parts, only parts below the size cap are merged: full parts are never loaded together."""
    st = OutputStore(tmp_path)
    for start in range(0, 40, 4):  # ten full parts of 4 inputs
        tables, entries = [], []
        for i in range(start, start + 4):
            t, e = _one_doc(i)
            tables.append(t["documents"])
            entries += e
        st.commit({"documents": __import__("pyarrow").concat_tables(tables)}, entries)
    for i in range(40, 43):  # and three small ones
        st.commit(*_one_doc(i))
    assert st.compact(max_part_inputs=4, max_parts=2) == 2  # the two smallest small parts, nothing else
    sizes = sorted(collections.Counter(e.part for e in st.read_manifest().values()).values())
    assert sizes == [1, 2] + [4] * 10
