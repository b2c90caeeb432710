"""The output folder: one folder of Parquet parts per table, and a manifest that commits them.

Layout (every table reads in one call: `pandas.read_parquet("output/ratings.parquet")`)::

    output/documents.parquet/part-<id>.parquet  one part per written batch, for every table
    output/_manifest.parquet                    inputs, doc_id, status, and the part holding their rows
    output/_manifest_journal/<seq>.parquet      manifest changes committed since it was last rewritten
    output/_lock                                one writer at a time

Why parts: a re-run that adds one document writes one small part per table instead of rewriting
every table. Changed or deleted inputs only rewrite the parts that held their rows.

Commit protocol (crash safety): new parts are written to hidden temp files and renamed into place,
then the batch's manifest changes are written as the next journal file, atomically; that rename is the
commit. Parts the manifest does not list (left by a run killed mid-write) are deleted by `recover()`
before the next write, and their inputs, absent from the manifest, are processed again. Readers skip
hidden and `_` files.

Why a journal: rewriting the whole manifest at every batch made a commit cost grow with the corpus
(166 ms a batch at 40,000 inputs, hours over a million). A commit now writes only its own entries; the
journal is folded into `_manifest.parquet` (which records the last journal number it holds) once it has
grown to a quarter of the manifest, and at the end of every run, so each entry is rewritten a bounded
number of times. A fold that dies half-way leaves the old manifest plus the journal, or the new manifest
plus journal files it already holds (skipped by number, then deleted).
"""

from __future__ import annotations

import contextlib
import dataclasses
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
JOURNAL = "_manifest_journal"
LOCK = "_lock"
_SEQ_KEY = b"journal_seq"  # Parquet metadata of _manifest.parquet: the last journal file folded into it
_FOLD_MIN_ENTRIES = 2000  # fold once the journal holds more entries than this and a quarter of the manifest
_FOLD_MAX_FILES = 64  # ... or this many files (each read costs a file open)
_JOURNAL_SCHEMA = MANIFEST_SCHEMA.append(pa.field("deleted", pa.bool_()))


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


def _atomic_write_table(table: pa.Table, path: Path, compression: str = "zstd") -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        pq.write_table(table, tmp, compression=compression)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


_ENTRY_FIELDS = [f.name for f in dataclasses.fields(ManifestEntry)]


def _entries(table: pa.Table) -> dict[str, ManifestEntry]:
    """Manifest rows as entries, column by column (several times faster than Table.to_pylist)."""
    columns = [table.column(name).to_pylist() for name in _ENTRY_FIELDS]
    return {values[0]: ManifestEntry(*values) for values in zip(*columns)}


def _folded_seq_of(schema: pa.Schema) -> int:
    """The last journal file a _manifest.parquet holds (0: none), from its Parquet metadata."""
    return int((schema.metadata or {}).get(_SEQ_KEY, b"0"))


def new_part_id() -> str:
    return f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{uuid.uuid4().hex[:10]}"


class OutputStore:
    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        # The manifest this object last wrote, with the files' identity at that moment. Reading the manifest
        # back from Parquet at every batch made writes grow with the corpus (0.1 s a batch at 10,000 inputs).
        self._cached: tuple[tuple, dict[str, ManifestEntry]] | None = None
        self._seq = 0  # number of the last journal file (as of the last read or write)
        self._journal_entries = 0  # entries in the journal files not yet folded

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

    def _journal_files(self) -> list[tuple[int, Path]]:
        folder = self.root / JOURNAL
        if not folder.is_dir():
            return []
        return sorted((int(p.stem), p) for p in folder.iterdir() if p.suffix == ".parquet" and p.stem.isdigit())

    def _signature(self) -> tuple:
        """Identity of the committed manifest files: another writer's commit or fold changes it."""
        try:
            st = (self.root / MANIFEST).stat()
            base = (st.st_ino, st.st_size, st.st_mtime_ns)
        except FileNotFoundError:
            base = None
        return base, tuple(seq for seq, _ in self._journal_files())

    def read_manifest(self) -> dict[str, ManifestEntry]:
        """The committed manifest. The caller owns the result (it may change it and commit it back)."""
        cached, self._cached = self._cached, None  # handed over: a caller's edits never leak into the cache
        sig = self._signature()
        if sig == (None, ()):
            self._seq = self._journal_entries = 0
            return {}
        if cached is not None and cached[0] == sig:
            return cached[1]
        return self._read_consistent(sig)[1]

    def _read_consistent(self, sig: tuple) -> tuple[tuple, dict[str, ManifestEntry]]:
        """(signature, manifest) read from disk, the signature unchanged across the read: an unlocked reader
        may meet a commit or a fold half-way, and then reads again."""
        while True:
            try:
                entries = self._load()
            except FileNotFoundError:
                entries = None
            after = self._signature()
            if entries is not None and after == sig:
                return sig, entries
            sig = after

    def manifest_view(self) -> dict[str, ManifestEntry]:
        """The committed manifest for reading only: it stays the store's cache, so the caller must not change
        it (read_manifest() hands out a dict to change). Spares re-reading the manifest for every lookup."""
        sig = self._signature()
        if self._cached is not None and self._cached[0] == sig:
            return self._cached[1]
        if sig == (None, ()):
            return self.read_manifest()
        self._cached = self._read_consistent(sig)
        return self._cached[1]

    def _load(self) -> dict[str, ManifestEntry]:
        entries: dict[str, ManifestEntry] = {}
        folded = 0
        path = self.root / MANIFEST
        if path.exists():
            table = pq.read_table(path)
            folded = _folded_seq_of(table.schema)
            entries = _entries(table)
        self._seq, self._journal_entries = folded, 0
        for seq, jpath in self._journal_files():
            if seq <= folded:
                continue  # already in the manifest (a fold stopped before deleting it)
            table = pq.read_table(jpath)
            deleted = table.column("deleted").to_pylist()
            for e, gone in zip(_entries(table).values(), deleted):
                if gone:
                    entries.pop(e.source, None)
                else:
                    entries[e.source] = e
            self._seq, self._journal_entries = seq, self._journal_entries + table.num_rows
        return entries

    def _commit_changes(self, entries: dict[str, ManifestEntry], changed, removed=()) -> None:
        """Commit the manifest `entries` (the full new state) by journaling what changed: the sources in
        `changed` (new or edited entries) and `removed`. The journal file's rename is the commit point."""
        rows = [{**vars(entries[s]), "deleted": False} for s in sorted(set(changed))]
        rows += [{"source": s, "deleted": True} for s in sorted(set(removed) - set(changed))]
        self._cached = None
        if rows:
            folder = self.root / JOURNAL
            folder.mkdir(exist_ok=True)
            seq = self._seq + 1
            # uncompressed: journal files are small and short-lived
            _atomic_write_table(pa.Table.from_pylist(rows, schema=_JOURNAL_SCHEMA), folder / f"{seq:012d}.parquet",
                                compression="none")
            self._seq, self._journal_entries = seq, self._journal_entries + len(rows)
        sig = self._signature()
        if self._journal_entries > max(_FOLD_MIN_ENTRIES, len(entries) // 4) or len(sig[1]) > _FOLD_MAX_FILES:
            self._write_manifest(entries)
            return
        # Only what reached the disk is cached; another writer's commit changes the signature.
        self._cached = (sig, entries)

    def fold(self) -> None:
        """Fold the journal into _manifest.parquet (end of a run: one file holds the whole manifest)."""
        if self._journal_files():
            self._write_manifest(self.read_manifest())

    def _write_manifest(self, entries: dict[str, ManifestEntry]) -> None:
        """Rewrite _manifest.parquet as `entries`, recording that it holds every journal file so far, then
        delete those files."""
        rows = [vars(e) for e in sorted(entries.values(), key=lambda e: e.source)]
        table = pa.Table.from_pylist(rows, schema=MANIFEST_SCHEMA.with_metadata({_SEQ_KEY: str(self._seq).encode()}))
        self._cached = None
        _atomic_write_table(table, self.root / MANIFEST)
        for seq, path in self._journal_files():
            if seq <= self._seq:
                path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # an empty journal folder is only clutter in the output
            (self.root / JOURNAL).rmdir()
        self._journal_entries = 0
        self._cached = (self._signature(), entries)

    def update_mtimes(self, mtimes: dict[str, int]) -> None:
        """Record new mtimes of inputs that were touched but whose bytes did not change."""
        manifest = self.read_manifest()
        changed = []
        for source, mtime in mtimes.items():
            if source in manifest:
                manifest[source].mtime_ns = mtime
                changed.append(source)
        self._commit_changes(manifest, changed)

    def live_parts(self, entries: dict[str, ManifestEntry] | None = None) -> set[str]:
        entries = self.manifest_view() if entries is None else entries
        return {e.part for e in entries.values()}

    # -- recovery ------------------------------------------------------------------------------
    def recover(self) -> list[str]:
        """Delete temp files, parts no committed manifest refers to, and journal files the manifest already
        holds. Returns what was removed."""
        live = self.live_parts()
        removed = []
        journal = self.root / JOURNAL
        folded = self._folded_seq()
        for path in sorted(journal.iterdir()) if journal.is_dir() else []:
            stale = path.stem.isdigit() and int(path.stem) <= folded
            if path.name.startswith(".") or stale:
                path.unlink()
                removed.append(str(path.relative_to(self.root)))
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

    def _folded_seq(self) -> int:
        path = self.root / MANIFEST
        return _folded_seq_of(pq.read_schema(path)) if path.exists() else 0

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
        changed = [e.source for e in entries]
        if remaps:
            for e in manifest.values():
                if e.part in remaps:
                    e.part = remaps[e.part]
                    changed.append(e.source)
        for e in entries:
            manifest[e.source] = e
        self._commit_changes(manifest, changed, replaced)  # the commit point
        if superseded:
            self._delete_parts(superseded - self.live_parts(manifest))
        if part_id is None:
            self.ensure_tables()  # rows were only removed: a table may be left without a part
        else:
            for table in TABLES:  # every table just got a part: a placeholder is no longer needed
                (self.table_dir(table) / "part-empty.parquet").unlink(missing_ok=True)
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
        input never rewrites more than one bounded part. `max_parts` is a backstop on the count of parts
        below that size (merging the smallest of them), for readers that open every file.
        """
        manifest = self.manifest_view()  # read-only until merges are planned
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
        small = [p for p in counts if counts[p] < max_part_inputs]
        if len(small) > max_parts:  # backstop: merge the smallest parts into one
            # Full parts are never merged: with 130 parts of 2,000 inputs the backstop would otherwise load
            # 67 of them (134,000 documents) at once.
            group = sorted(small, key=lambda p: (counts[p], p))[: len(small) - max_parts + 1]
            groups.append(group)
        if not groups:
            self.fold()  # end of a run: leave one manifest file behind
            return 0

        manifest = self.read_manifest()  # now ours to change: the cache lets go of it
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
        self._write_manifest(manifest)  # the commit point (and the journal folded)
        self._delete_parts(victims - self.live_parts(manifest))
        return len(victims)

    def read_table(self, table: str) -> pa.Table:
        folder = self.table_dir(table)
        parts = sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []
        if not parts:
            return TABLES[table].empty_table()
        return pa.concat_tables([pq.read_table(p, schema=TABLES[table]) for p in parts])
