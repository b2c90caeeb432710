"""The output folder: one folder of Parquet parts per table, and a manifest that commits them.

Layout (every table reads in one call: `pandas.read_parquet("output/ratings.parquet")`)::

    output/documents.parquet/part-<id>.parquet  one part per written batch, for every table
    output/_manifest.parquet                    inputs, doc_id, status, and the part holding their rows
    output/_lock                                one writer at a time

Why parts: a re-run that adds one document writes one small part per table instead of rewriting
every table. Changed or deleted inputs only rewrite the parts that held their rows.

Commit protocol (crash safety): new parts are written to hidden temp files and renamed into place,
then the manifest is replaced atomically; that rename is the commit. Parts the manifest does not
list (left by a run killed mid-write) are deleted by `recover()` before the next write, and their
inputs, absent from the manifest, are processed again. Readers skip hidden and `_` files.
"""

from __future__ import annotations

import contextlib
import fcntl
import math
import os
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.schemas import MANIFEST_SCHEMA, TABLES

MANIFEST = "_manifest.parquet"
LOCK = "_lock"


class StoreLocked(RuntimeError):
    """Another run holds the output folder."""


@dataclass
class ManifestEntry:
    source: str
    size: int
    mtime_ns: int
    content_sha256: str
    pipeline_version: str
    doc_id: str | None
    status: str
    part: str
    processed_at: object


def _atomic_write_table(table: pa.Table, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def new_part_id() -> str:
    return f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{uuid.uuid4().hex[:10]}"


class OutputStore:
    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        # The manifest this object last wrote, with the file's identity at that moment. Reading the manifest
        # back from Parquet at every batch made writes grow with the corpus (0.1 s a batch at 10,000 inputs).
        self._cached: tuple[tuple, dict[str, ManifestEntry]] | None = None

    # -- locking -------------------------------------------------------------------------------
    @contextlib.contextmanager
    def locked(self, wait_seconds: float = 0.0) -> Iterator[None]:
        """Hold the folder's write lock; wait up to `wait_seconds`, then refuse clearly."""
        self.root.mkdir(parents=True, exist_ok=True)
        fh = open(self.root / LOCK, "a+")
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    fh.close()
                    raise StoreLocked(
                        f"another pipeline run is writing to {self.root} (lock {self.root / LOCK}); "
                        "wait for it to finish or pass a longer --wait"
                    ) from None
                time.sleep(0.2)
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(f"pid {os.getpid()}\n")
            fh.flush()
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
            fh.close()

    # -- manifest ------------------------------------------------------------------------------
    def table_dir(self, table: str) -> Path:
        return self.root / f"{table}.parquet"

    def _signature(self) -> tuple | None:
        try:
            st = (self.root / MANIFEST).stat()
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_size, st.st_mtime_ns

    def read_manifest(self) -> dict[str, ManifestEntry]:
        """The committed manifest. The caller owns the result (it may change it and write it back)."""
        cached, self._cached = self._cached, None  # handed over: a caller's edits never leak into the cache
        sig = self._signature()
        if sig is None:
            return {}
        if cached is not None and cached[0] == sig:
            return cached[1]
        rows = pq.read_table(self.root / MANIFEST).to_pylist()
        return {r["source"]: ManifestEntry(**r) for r in rows}

    def _write_manifest(self, entries: dict[str, ManifestEntry]) -> None:
        rows = [vars(e) for e in sorted(entries.values(), key=lambda e: e.source)]
        table = pa.Table.from_pylist(rows, schema=MANIFEST_SCHEMA)
        self._cached = None
        _atomic_write_table(table, self.root / MANIFEST)
        # Only what reached the disk is cached; another writer's replace changes the inode and mtime.
        self._cached = (self._signature(), entries)

    def update_mtimes(self, mtimes: dict[str, int]) -> None:
        """Record new mtimes of inputs that were touched but whose bytes did not change."""
        manifest = self.read_manifest()
        for source, mtime in mtimes.items():
            if source in manifest:
                manifest[source].mtime_ns = mtime
        self._write_manifest(manifest)

    def live_parts(self, entries: dict[str, ManifestEntry] | None = None) -> set[str]:
        entries = self.read_manifest() if entries is None else entries
        return {e.part for e in entries.values()}

    # -- recovery ------------------------------------------------------------------------------
    def recover(self) -> list[str]:
        """Delete temp files and parts no committed manifest refers to. Returns what was removed."""
        live = self.live_parts()
        removed = []
        for table in TABLES:
            folder = self.table_dir(table)
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                part = path.name.removeprefix("part-").removesuffix(".parquet")
                orphan = path.name.startswith("part-") and part not in live and part != "empty"
                if path.name.startswith(".") or orphan:
                    path.unlink()
                    removed.append(str(path.relative_to(self.root)))
        for path in self.root.glob(".*.tmp"):
            path.unlink()
            removed.append(path.name)
        return removed

    # -- writing -------------------------------------------------------------------------------
    def _part_path(self, table: str, part: str) -> Path:
        return self.table_dir(table) / f"part-{part}.parquet"

    def _read_part(self, table: str, part: str) -> pa.Table:
        path = self._part_path(table, part)
        if not path.exists():
            return TABLES[table].empty_table()
        return pq.read_table(path, schema=TABLES[table])

    def commit(
        self,
        tables: dict[str, pa.Table],
        entries: list[ManifestEntry],
        drop_sources: set[str] = frozenset(),
    ) -> str | None:
        """Write one batch: its rows as a new part of every table, and its manifest entries.

        Rows of `drop_sources` (and of any source in `entries` already in the manifest) are removed
        from the parts that hold them first, so a changed input never leaves two versions.
        """
        manifest = self.read_manifest()
        replaced = set(drop_sources) | {e.source for e in entries if e.source in manifest}
        new_parts: dict[tuple[str, str], pa.Table] = {}
        superseded: set[str] = set()

        # Rewrite parts that hold rows of replaced or deleted inputs.
        by_part: dict[str, list[ManifestEntry]] = {}
        for source in replaced:
            if source in manifest:
                by_part.setdefault(manifest[source].part, []).append(manifest[source])
        remaps: dict[str, str] = {}
        for part, gone in by_part.items():
            gone_docs = pa.array([e.doc_id for e in gone if e.doc_id], pa.string())
            gone_sources = pa.array([e.source for e in gone], pa.string())
            remaining = [s for s, e in manifest.items() if e.part == part and s not in replaced]
            superseded.add(part)
            if not remaining:
                continue
            rewritten = new_part_id()
            remaps[part] = rewritten
            for table in TABLES:
                data = self._read_part(table, part)
                key, values = ("source", gone_sources) if table == "errors" else ("doc_id", gone_docs)
                mask = pc.invert(pc.is_in(data[key], value_set=values))
                new_parts[(table, rewritten)] = data.filter(mask)

        part_id = None
        if entries:
            part_id = new_part_id()
            for table in TABLES:
                new_parts[(table, part_id)] = tables.get(table, TABLES[table].empty_table())
            for e in entries:
                e.part = part_id

        written: list[Path] = []
        try:
            for (table, part), data in new_parts.items():
                self.table_dir(table).mkdir(parents=True, exist_ok=True)
                path = self._part_path(table, part)
                _atomic_write_table(data.cast(TABLES[table]), path)
                written.append(path)
        except BaseException:
            # Not committed: take the batch's parts away again so readers never see half a batch.
            for path in written:
                path.unlink(missing_ok=True)
            raise

        for source in replaced:
            manifest.pop(source, None)
        for e in manifest.values():
            if e.part in remaps:
                e.part = remaps[e.part]
        for e in entries:
            manifest[e.source] = e
        self._write_manifest(manifest)  # the commit point
        self._delete_parts(superseded - self.live_parts(manifest))
        self.ensure_tables()
        return part_id

    def _delete_parts(self, parts: set[str]) -> None:
        for part in parts:
            for table in TABLES:
                path = self._part_path(table, part)
                if path.exists():
                    path.unlink()

    def ensure_tables(self) -> None:
        """Every table folder holds at least one part, so an empty table still carries its schema."""
        for table, schema in TABLES.items():
            folder = self.table_dir(table)
            folder.mkdir(parents=True, exist_ok=True)
            parts = [p for p in folder.glob("part-*.parquet")]
            empty = folder / "part-empty.parquet"
            if not parts:
                _atomic_write_table(schema.empty_table(), empty)
            elif len(parts) > 1 and empty.exists():
                empty.unlink()

    def compact(self, fanout: int = 8, max_part_inputs: int = 2000, max_parts: int = 64) -> int:
        """Size-tiered merging of small parts; returns how many parts were merged away.

        Parts are grouped in tiers by how many inputs they hold (1-7, 8-63, 64-511, ... for fanout 8).
        When a tier holds `fanout` parts they are merged into one part of the next tier, and parts of
        `max_part_inputs` or more are never merged again. So a run that adds one document usually
        merges nothing, every input is rewritten at most a few times over its life, and a changed
        input never rewrites more than one bounded part. `max_parts` is a backstop on the part count
        (merging the smallest parts), for readers that open every file.
        """
        manifest = self.read_manifest()
        counts: dict[str, int] = {}
        for e in manifest.values():
            counts[e.part] = counts.get(e.part, 0) + 1
        groups: list[list[str]] = []
        while True:
            tiers: dict[int, list[str]] = {}
            for part, n in counts.items():
                if n < max_part_inputs:
                    tiers.setdefault(int(math.log(n, fanout) + 1e-9), []).append(part)
            full = [parts for _, parts in sorted(tiers.items()) if len(parts) >= fanout]
            if not full:
                break
            group, size = [], 0
            for part in sorted(full[0], key=lambda p: (counts[p], p)):
                if group and size + counts[part] > max_part_inputs:
                    break
                group.append(part)
                size += counts[part]
            if len(group) < 2:
                break
            groups.append(group)
            merged = f"merge-{len(groups)}"
            for part in group:
                del counts[part]
            counts[merged] = size
        if len(counts) > max_parts:  # backstop: merge the smallest parts into one
            group = sorted(counts, key=lambda p: (counts[p], p))[: len(counts) - max_parts + 1]
            groups.append(group)
        if not groups:
            return 0

        # Resolve planned merges ("merge-N" names) into real part ids and write them, then commit.
        names: dict[str, str] = {}
        victims: set[str] = set()
        for i, group in enumerate(groups, 1):
            real = [names.get(p, p) for p in group]  # a merge of a merge reads the earlier result
            part_id = new_part_id()
            names[f"merge-{i}"] = part_id
            for table in TABLES:
                data = pa.concat_tables([self._read_part(table, p) for p in real])
                self.table_dir(table).mkdir(parents=True, exist_ok=True)
                _atomic_write_table(data, self._part_path(table, part_id))
            for e in manifest.values():
                if e.part in real:
                    e.part = part_id
            victims.update(real)
        self._write_manifest(manifest)  # the commit point
        self._delete_parts(victims - self.live_parts(manifest))
        return len(victims)

    def read_table(self, table: str) -> pa.Table:
        folder = self.table_dir(table)
        parts = sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []
        if not parts:
            return TABLES[table].empty_table()
        return pa.concat_tables([pq.read_table(p, schema=TABLES[table]) for p in parts])
