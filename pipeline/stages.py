"""The pipeline's stages as plain functions over batches; flows.py runs them as Prefect tasks.

discover -> plan -> read (bytes, hash, decode) -> clean -> extract (nlp.pipe) -> rows -> write.
Every function here is picklable and free of Prefect, so the same code runs in a thread, a worker
process or on a Dask worker. A failing input becomes an error record; the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.cleaning import clean
from pipeline.readers import MAX_BYTES, InputError, read_input
from pipeline.rows import doc_rows
from pipeline.store import ManifestEntry
from pipeline.textspans import set_doc_text

log = logging.getLogger("pipeline")

DOC_ID_CHARS = 16


@dataclass
class InputFile:
    source: str  # relative to the raw folder, "/" separators
    path: str
    size: int
    mtime_ns: int


@dataclass
class Item:
    """One input as it moves through the stages."""

    input: InputFile
    content_sha256: str | None = None
    doc_id: str | None = None
    text: str | None = None
    format: str | None = None
    encoding: str | None = None
    title: str | None = None
    published: str | None = None
    kind: str | None = None
    read_notes: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    error_stage: str | None = None
    error: str | None = None

    def fail(self, stage: str, message: str) -> None:
        self.error_stage, self.error, self.text = stage, message, None
        log.warning("%s: %s failed: %s", self.input.source, stage, message)


@dataclass
class BatchResult:
    rows: dict[str, list[dict]]
    entries: list[ManifestEntry]
    seconds: dict[str, float]
    # The rows as Arrow tables, once a worker has converted them (pipeline.batchwork); `rows` is then empty.
    tables: dict | None = None


# -- discover and plan ---------------------------------------------------------------------------

def discover(raw_dir: str | os.PathLike) -> list[InputFile]:
    """Every regular file under the raw folder (sub-folders too, in name order), skipping hidden files."""
    found: list[InputFile] = []
    _scan(str(raw_dir), "", found)
    return found


def _scan(folder: str, prefix: str, found: list[InputFile]) -> None:
    # os.scandir with plain string paths: pathlib's per-file objects cost more than the stat calls themselves
    # (a re-run over 10,000 inputs spent 0.5 s here).
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        return
    subdirs = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):  # like os.walk: symlinked folders are not entered
                subdirs.append(entry)
                continue
            if not entry.is_file():
                continue
            st = entry.stat()
        except FileNotFoundError:  # vanished between listing and stat
            continue
        found.append(InputFile(prefix + entry.name, entry.path, st.st_size, st.st_mtime_ns))
    for entry in subdirs:
        _scan(entry.path, f"{prefix}{entry.name}/", found)


@dataclass
class Plan:
    todo: list[InputFile]  # in discover order, so duplicates resolve as in a full build
    unchanged: list[str]
    deleted: list[str]
    touched: dict[str, int] = field(default_factory=dict)  # source -> new mtime (same bytes, new mtime)


def plan(inputs: list[InputFile], manifest: dict[str, ManifestEntry], version: str, full: bool) -> Plan:
    """What must run: new or changed inputs (all of them on --full or a new rule version).

    Unchanged inputs (failed ones included: their error rows stay) are skipped without reading
    when size and mtime match; when only the mtime moved, the bytes' hash decides. Duplicates
    that lost to an input now changed or deleted run again, since one of them may now own it.
    """
    todo, unchanged, touched = set(), [], {}
    for f in inputs:
        prev = manifest.get(f.source)
        if full or prev is None or prev.pipeline_version != version:
            todo.add(f.source)
        elif prev.size == f.size and prev.mtime_ns == f.mtime_ns:
            unchanged.append(f.source)
        elif prev.size == f.size and prev.content_sha256 and _sha256_file(f.path) == prev.content_sha256:
            touched[f.source] = f.mtime_ns  # touched, not changed: no work beyond the hash
            unchanged.append(f.source)
        else:
            todo.add(f.source)
    present = {f.source for f in inputs}
    deleted = sorted(s for s in manifest if s not in present)
    freed = {manifest[s].content_sha256 for s in [*deleted, *todo]
             if s in manifest and manifest[s].status == "ok"}
    for source, e in manifest.items():
        if source in present and e.status == "error" and e.content_sha256 and e.content_sha256 in freed:
            todo.add(source)
    unchanged = [s for s in unchanged if s not in todo]
    touched = {s: m for s, m in touched.items() if s not in todo}
    return Plan([f for f in inputs if f.source in todo], unchanged, deleted, touched)


def _sha256_file(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def batches(items: list, size: int) -> list[list]:
    return [items[i: i + size] for i in range(0, len(items), size)]


# -- read, clean, extract ------------------------------------------------------------------------

def read_batch(files: list[InputFile]) -> list[Item]:
    items = []
    for f in files:
        item = Item(input=f)
        items.append(item)
        try:
            if os.stat(f.path).st_size > MAX_BYTES:
                # Refuse before loading it; hash it in chunks so the manifest can skip it while unchanged.
                item.content_sha256 = _sha256_file(f.path)
                try:
                    read_input(Path(f.path))  # raises the readers' "file too large" InputError
                except InputError as exc:
                    item.fail(exc.stage, f"{exc.message}; split it or raise readers.MAX_BYTES")
                    continue
            data = Path(f.path).read_bytes()
        except FileNotFoundError:
            item.fail("read", "file disappeared before it could be read (moved or deleted during the run)")
            continue
        except OSError as exc:
            item.fail("read", f"cannot read file: {exc.strerror or exc}")
            continue
        item.content_sha256 = hashlib.sha256(data).hexdigest()
        item.doc_id = item.content_sha256[:DOC_ID_CHARS]
        try:
            result = read_input(Path(f.path), data)
        except InputError as exc:
            item.fail(exc.stage, exc.message)
            continue
        except Exception as exc:  # a reader bug must not stop the run
            item.fail("read", f"unexpected reader failure: {type(exc).__name__}: {exc}")
            continue
        item.text, item.format, item.encoding = result.text, result.format, result.encoding
        item.title, item.published, item.read_notes = result.title, result.published, list(result.notes)
    return items


def clean_batch(items: list[Item]) -> list[Item]:
    for item in items:
        if item.error:
            continue
        try:
            result = clean(item.text, title=item.title)
        except Exception as exc:
            item.fail("clean", f"cleaner failed: {type(exc).__name__}: {exc}")
            continue
        if not result.text.strip():
            item.fail("clean", "no article text left after cleaning (only boilerplate or whitespace)")
            continue
        item.text, item.kind, item.title, item.removed = result.text, result.kind, result.title, result.removed
    return items


def extract_batch(items: list[Item], version: str, processed_at: dt.datetime | None = None,
                  batch_size: int = 64) -> BatchResult:
    """Run the spaCy pipeline over the batch (nlp.pipe) and turn every Doc into rows."""
    from pipeline.nlp import shared_nlp

    processed_at = processed_at or dt.datetime.now(dt.UTC)
    nlp = shared_nlp()
    rows: dict[str, list[dict]] = {t: [] for t in ("documents", "authorities", "ratings", "dates", "quotes",
                                                    "errors")}
    entries: list[ManifestEntry] = []
    ok = [i for i in items if not i.error]
    t0 = time.perf_counter()

    docs = iter(nlp.pipe((_doc_for(nlp, i) for i in ok), batch_size=batch_size))
    for item in ok:
        try:
            doc = next(docs)
            for table, table_rows in doc_rows(doc, row_meta(item, version, processed_at)).items():
                rows[table].extend(table_rows)
        except StopIteration:  # pragma: no cover - nlp.pipe yields one Doc per input
            item.fail("extract", "the spaCy pipeline returned fewer documents than it was given")
        except Exception as exc:
            # One bad document must not lose the batch: fall back to it alone.
            item.fail("extract", f"extraction failed: {type(exc).__name__}: {exc}")
            docs = iter(nlp.pipe((_doc_for(nlp, i) for i in ok[ok.index(item) + 1:]), batch_size=batch_size))
    seconds = {"extract": time.perf_counter() - t0}

    for item in items:
        status = "error" if item.error else "ok"
        if item.error:
            rows["errors"].append({"source": item.input.source, "stage": item.error_stage, "error": item.error,
                                   "at": processed_at, "content_sha256": item.content_sha256})
        entries.append(ManifestEntry(
            source=item.input.source, size=item.input.size, mtime_ns=item.input.mtime_ns,
            content_sha256=item.content_sha256 or "", pipeline_version=version,
            doc_id=None if item.error else item.doc_id, status=status, part="", processed_at=processed_at,
        ))
    return BatchResult(rows=rows, entries=entries, seconds=seconds)


def row_meta(item: Item, version: str, processed_at: dt.datetime) -> dict:
    """What the rows of a document carry besides the Doc: where it came from, how it was read and cleaned."""
    return {
        "source": item.input.source, "content_sha256": item.content_sha256,
        "pipeline_version": version, "processed_at": processed_at, "format": item.format,
        "encoding": item.encoding, "read_notes": item.read_notes, "removed": item.removed,
    }


def _doc_for(nlp, item: Item):
    """A tokenised Doc carrying the stage metadata the components read (published date, kind)."""
    doc = nlp.make_doc(item.text)
    set_doc_text(doc, item.text)  # spares every component rebuilding doc.text from the tokens
    doc._.doc_id, doc._.source = item.doc_id, item.input.source
    doc._.kind, doc._.title, doc._.published = item.kind, item.title, item.published
    return doc


def claim_duplicates(items: list[Item], owners: dict[str, str], order: dict[str, int]) -> list[tuple[str, str]]:
    """Keep doc_id unique the way a full build would: the first input in discover order owns a content.

    `owners` maps doc_id -> source for everything kept so far (manifest plus this run) and is updated.
    An item whose bytes equal an earlier input's becomes an error row. An item that comes before the
    current owner takes the doc_id over; (demoted owner, new owner) pairs are returned so the caller
    turns the demoted inputs into error rows in the same commit.
    """
    demoted = []
    for item in items:
        if item.error or item.doc_id is None:
            continue
        source = item.input.source
        owner = owners.get(item.doc_id)
        if owner is not None and owner != source and order.get(owner, -1) < order.get(source, 0):
            item.fail("read", duplicate_message(owner))
            continue
        if owner is not None and owner != source:
            demoted.append((owner, source))
        owners[item.doc_id] = source
    return demoted


def duplicate_message(owner: str) -> str:
    return f"identical content to {owner}; skipped so that doc_id stays unique"
