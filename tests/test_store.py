"""The output store: atomic parts, manifest commits, replacement, deletion, recovery after a crash."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa
import pytest

from pipeline import store as store_mod
from pipeline.schemas import TABLES, to_table
from pipeline.store import ManifestEntry, OutputStore, StoreLocked

NOW = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def _batch(sources: dict[str, str]):
    """Tables and manifest entries for documents {source: doc_id}, each with one date row."""
    docs = [{"doc_id": d, "source": s, "kind": "news", "title": None, "published": None, "text": f"text {s}",
             "content_sha256": d * 4, "pipeline_version": "v1", "processed_at": NOW} for s, d in sources.items()]
    dates = [{"doc_id": d, "text": "2012", "value": "2012", "date": dt.date(2012, 1, 1), "granularity": "year",
              "start": 0, "end": 4} for d in sources.values()]
    tables = {"documents": to_table("documents", docs), "dates": to_table("dates", dates)}
    entries = [ManifestEntry(source=s, size=1, mtime_ns=1, content_sha256=d * 4, pipeline_version="v1", doc_id=d,
                             status="ok", part="", processed_at=NOW) for s, d in sources.items()]
    return tables, entries


def test_commit_writes_a_part_per_table_readable_by_pandas(tmp_path):
    st = OutputStore(tmp_path)
    tables, entries = _batch({"a.txt": "aaaa", "b.txt": "bbbb"})
    st.commit(tables, entries)
    docs = pd.read_parquet(tmp_path / "documents.parquet")
    assert sorted(docs["source"]) == ["a.txt", "b.txt"]
    for name in TABLES:
        assert (tmp_path / f"{name}.parquet").is_dir()
        assert pd.read_parquet(tmp_path / f"{name}.parquet").columns.tolist() == TABLES[name].names


def test_replacing_a_source_removes_its_old_rows(tmp_path):
    st = OutputStore(tmp_path)
    st.commit(*_batch({"a.txt": "aaaa", "b.txt": "bbbb"}))
    st.commit(*_batch({"a.txt": "cccc"}))  # a.txt changed content
    docs = pd.read_parquet(tmp_path / "documents.parquet")
    assert sorted(zip(docs["source"], docs["doc_id"])) == [("a.txt", "cccc"), ("b.txt", "bbbb")]
    dates = pd.read_parquet(tmp_path / "dates.parquet")
    assert sorted(dates["doc_id"]) == ["bbbb", "cccc"]


def test_deleting_a_source_removes_its_rows_everywhere(tmp_path):
    st = OutputStore(tmp_path)
    st.commit(*_batch({"a.txt": "aaaa", "b.txt": "bbbb"}))
    st.commit({}, [], drop_sources={"a.txt"})
    assert pd.read_parquet(tmp_path / "documents.parquet")["source"].tolist() == ["b.txt"]
    assert pd.read_parquet(tmp_path / "dates.parquet")["doc_id"].tolist() == ["bbbb"]
    assert set(st.read_manifest()) == {"b.txt"}


def test_empty_tables_keep_their_schema(tmp_path):
    st = OutputStore(tmp_path)
    st.commit(*_batch({"a.txt": "aaaa"}))
    st.commit({}, [], drop_sources={"a.txt"})
    for name, schema in TABLES.items():
        table = pa.parquet.read_table(tmp_path / f"{name}.parquet")
        assert table.num_rows == 0
        assert table.schema.names == schema.names


def test_failure_mid_write_leaves_previous_tables_intact(tmp_path, monkeypatch):
    st = OutputStore(tmp_path)
    st.commit(*_batch({"a.txt": "aaaa"}))
    calls = {"n": 0}
    real = store_mod.pq.write_table

    def failing(table, where, **kw):
        calls["n"] += 1
        if calls["n"] == 3:  # die after two of the batch's parts are on disk
            raise OSError("disk full")
        return real(table, where, **kw)

    monkeypatch.setattr(store_mod.pq, "write_table", failing)
    with pytest.raises(OSError):
        st.commit(*_batch({"b.txt": "bbbb"}))
    monkeypatch.setattr(store_mod.pq, "write_table", real)
    # No temp file or half batch is visible: the tables hold exactly the committed batch.
    assert not list(tmp_path.rglob(".*.tmp"))
    assert pd.read_parquet(tmp_path / "documents.parquet")["source"].tolist() == ["a.txt"]
    st.recover()
    assert pd.read_parquet(tmp_path / "documents.parquet")["source"].tolist() == ["a.txt"]
    assert pd.read_parquet(tmp_path / "dates.parquet")["doc_id"].tolist() == ["aaaa"]
    assert set(st.read_manifest()) == {"a.txt"}


def test_second_writer_refused_with_clear_message(tmp_path):
    st = OutputStore(tmp_path)
    with st.locked():
        with pytest.raises(StoreLocked, match="another pipeline run"):
            with OutputStore(tmp_path).locked(wait_seconds=0.3):
                pass


def test_compaction_merges_parts_without_losing_rows(tmp_path):
    st = OutputStore(tmp_path)
    for i in range(6):
        st.commit(*_batch({f"{i}.txt": f"{i:04d}"}))
    merged = st.compact(max_parts=2)
    assert merged == 5
    assert len(list((tmp_path / "documents.parquet").glob("part-*.parquet"))) == 2
    assert sorted(pd.read_parquet(tmp_path / "documents.parquet")["source"]) == [f"{i}.txt" for i in range(6)]


def test_manifest_cache_is_exact_and_never_stale(tmp_path, monkeypatch):
    st = OutputStore(tmp_path)
    st.commit(*_batch({"a.txt": "aaaa"}))
    reads = []
    real = store_mod.pq.read_table
    monkeypatch.setattr(store_mod.pq, "read_table", lambda *a, **k: reads.append(a) or real(*a, **k))

    st.commit(*_batch({"b.txt": "bbbb"}))  # the manifest this store wrote is not read back from disk
    assert not [a for a in reads if str(a[0]).endswith(store_mod.MANIFEST)]
    # a caller that edits what it read does not change what the next reader sees
    first = st.read_manifest()
    first["a.txt"].status = "error"
    assert st.read_manifest()["a.txt"].status == "ok"
    # another writer's commit is seen (the file changed under us)
    other = OutputStore(tmp_path)
    other.commit(*_batch({"c.txt": "cccc"}))
    assert sorted(st.read_manifest()) == ["a.txt", "b.txt", "c.txt"]
    st.commit(*_batch({"d.txt": "dddd"}))
    assert sorted(OutputStore(tmp_path).read_manifest()) == ["a.txt", "b.txt", "c.txt", "d.txt"]


def _journal(tmp_path):
    return sorted(p.name for p in (tmp_path / store_mod.JOURNAL).glob("*.parquet"))


def test_commits_append_to_the_journal_and_a_fresh_reader_sees_them(tmp_path):
    st = OutputStore(tmp_path)
    st.commit(*_batch({"a.txt": "aaaa", "b.txt": "bbbb"}))
    st.commit(*_batch({"c.txt": "cccc"}))
    st.commit({}, [], drop_sources={"b.txt"})
    st.commit(*_batch({"a.txt": "aaa2"}))  # changed input: replaced in place
    assert _journal(tmp_path) == ["000000000001.parquet", "000000000002.parquet", "000000000003.parquet",
                                  "000000000004.parquet"]
    assert not (tmp_path / store_mod.MANIFEST).exists()  # nothing folded yet
    fresh = OutputStore(tmp_path).read_manifest()
    assert {s: e.doc_id for s, e in fresh.items()} == {"a.txt": "aaa2", "c.txt": "cccc"}
    assert sorted(pd.read_parquet(tmp_path / "documents.parquet")["doc_id"]) == ["aaa2", "cccc"]
    # the end of a run folds the journal into one manifest file
    st.compact()
    assert _journal(tmp_path) == []
    assert {s: e.doc_id for s, e in OutputStore(tmp_path).read_manifest().items()} == {"a.txt": "aaa2",
                                                                                        "c.txt": "cccc"}


def test_a_fold_that_died_before_deleting_the_journal_is_not_applied_twice(tmp_path, monkeypatch):
    st = OutputStore(tmp_path)
    st.commit(*_batch({"a.txt": "aaaa"}))
    st.commit({}, [], drop_sources={"a.txt"})  # journal 2 deletes a.txt
    st.commit(*_batch({"a.txt": "aaa2"}))  # journal 3 brings it back with new content
    kept = {p.name: p.read_bytes() for p in (tmp_path / store_mod.JOURNAL).glob("*.parquet")}
    st.fold()
    assert not (tmp_path / store_mod.JOURNAL).exists()  # a complete fold leaves no journal folder behind
    (tmp_path / store_mod.JOURNAL).mkdir()
    for name, data in kept.items():  # as if the fold was killed right after renaming the manifest
        (tmp_path / store_mod.JOURNAL / name).write_bytes(data)
    assert {s: e.doc_id for s, e in OutputStore(tmp_path).read_manifest().items()} == {"a.txt": "aaa2"}
    removed = OutputStore(tmp_path).recover()
    assert sorted(removed) == [f"{store_mod.JOURNAL}/{n}" for n in sorted(kept)]
    st2 = OutputStore(tmp_path)
    st2.commit(*_batch({"b.txt": "bbbb"}))  # numbering goes on after the folded journal
    assert _journal(tmp_path) == ["000000000004.parquet"]
    assert sorted(OutputStore(tmp_path).read_manifest()) == ["a.txt", "b.txt"]


def test_commit_cost_does_not_grow_with_the_manifest(tmp_path, monkeypatch):
    """Each commit writes its own entries to the journal; the manifest is rewritten only when the journal
    reaches a quarter of it, so manifest rows written stay proportional to the inputs, not quadratic."""
    st = OutputStore(tmp_path)
    written = {"journal": 0, "manifest": 0, "manifest_writes": 0}
    real = store_mod._atomic_write_table

    def counting(table, path, **kw):
        if path.parent.name == store_mod.JOURNAL:
            written["journal"] += table.num_rows
        elif path.name == store_mod.MANIFEST:
            written["manifest"] += table.num_rows
            written["manifest_writes"] += 1
        return real(table, path, **kw)

    monkeypatch.setattr(store_mod, "_atomic_write_table", counting)
    batches, size = 120, 100
    for b in range(batches):
        st.commit(*_batch({f"{b}-{i}.txt": f"{b:04d}{i:04d}" for i in range(size)}))
    n = batches * size
    assert written["journal"] == n  # every entry journaled once
    assert written["manifest"] <= 3 * n  # a full rewrite per batch would be ~n * batches / 2 = 720,000 rows
    assert 1 <= written["manifest_writes"] <= 12
    assert len(OutputStore(tmp_path).read_manifest()) == n
    assert len(_journal(tmp_path)) <= store_mod._FOLD_MAX_FILES
