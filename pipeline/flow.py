"""The Prefect flow: discover -> plan -> per batch (read -> clean -> extract -> write) -> summary.

Heavy work runs per batch (hundreds of documents through nlp.pipe), never one task per document.
Extraction runs in a pool of worker processes (`workers`) so both cores are used; writes are
serialised in the flow's process, each batch committed on its own, so an interrupted run keeps
what it finished.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq
from prefect import flow, get_run_logger, task
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline import stages
from pipeline.schemas import TABLES, to_table
from pipeline.store import OutputStore
from pipeline.version import pipeline_version

DEFAULT_BATCH = 200


class NoInputs(ValueError):
    """The raw folder is missing or holds no files."""


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


@dataclass
class RunSummary:
    raw_dir: str
    output_dir: str
    discovered: int = 0
    processed: int = 0
    unchanged: int = 0
    deleted: int = 0
    errors: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    wall_seconds: float = 0.0
    pipeline_version: str = ""

    def lines(self) -> list[str]:
        out = [
            f"inputs found: {self.discovered}  processed: {self.processed}  unchanged (skipped): "
            f"{self.unchanged}  removed: {self.deleted}  errors this run: {self.errors}",
            "rows in tables: " + ", ".join(f"{t} {n}" for t, n in self.rows.items()),
            "stage seconds: " + ", ".join(f"{s} {v:.2f}" for s, v in self.seconds.items()),
            f"total {self.wall_seconds:.1f}s  (pipeline {self.pipeline_version})  output: {self.output_dir}",
        ]
        return out


_POOL: Executor | None = None
_POOL_SIZE = 0


def _pool(workers: int) -> Executor | None:
    """A process pool kept for the life of the process: workers load the spaCy pipeline once."""
    global _POOL, _POOL_SIZE
    if workers <= 1:
        return None
    if _POOL is None or _POOL_SIZE != workers:
        if _POOL is not None:
            _POOL.shutdown()
        import multiprocessing as mp

        _POOL = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"))
        _POOL_SIZE = workers
    return _POOL


@task(name="discover inputs")
def discover_inputs(raw_dir: str) -> list[stages.InputFile]:
    return stages.discover(raw_dir)


@task(name="plan work")
def plan_work(files, manifest, version: str, full: bool) -> stages.Plan:
    return stages.plan(files, manifest, version, full)


@task(name="read and decode")
def read_task(files: list[stages.InputFile]) -> list[stages.Item]:
    return stages.read_batch(files)


@task(name="clean")
def clean_task(items: list[stages.Item]) -> list[stages.Item]:
    return stages.clean_batch(items)


@task(name="extract")
def extract_task(items: list[stages.Item], version: str, processed_at: dt.datetime,
                 workers: int) -> stages.BatchResult:
    pool = _pool(workers)
    if pool is None:
        return stages.extract_batch(items, version, processed_at)
    return pool.submit(stages.extract_batch, items, version, processed_at).result()


def write_batch(store: OutputStore, result: stages.BatchResult) -> None:
    tables = {name: to_table(name, result.rows.get(name, [])) for name in TABLES}
    store.commit(tables, result.entries)


@flow(name="ofsted-coverage-tables", log_prints=True, validate_parameters=True,
      task_runner=ThreadPoolTaskRunner(max_workers=4))
def build_tables(raw_dir: str = "raw", output_dir: str = "output", batch_size: int = DEFAULT_BATCH,
                 full: bool = False, workers: int = 0, wait_seconds: float = 0.0) -> dict:
    """Process new and changed inputs of `raw_dir` into the Parquet tables of `output_dir`."""
    logger = get_run_logger()
    started = time.perf_counter()
    raw, out = Path(raw_dir), Path(output_dir)
    if not raw.is_dir():
        raise NoInputs(f"raw folder {raw} does not exist; create it and put the texts to process in it")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    workers = workers or default_workers()
    _check_writable(out)
    version = pipeline_version()
    summary = RunSummary(raw_dir=str(raw), output_dir=str(out), pipeline_version=version)
    seconds = {"discover": 0.0, "read": 0.0, "clean": 0.0, "extract": 0.0, "write": 0.0}
    store = OutputStore(out)
    with store.locked(wait_seconds):
        recovered = store.recover()
        if recovered:
            logger.warning("removed %d uncommitted files left by an interrupted run", len(recovered))
        t = time.perf_counter()
        files = discover_inputs(str(raw))
        seconds["discover"] = time.perf_counter() - t
        if not files:
            raise NoInputs(f"raw folder {raw} holds no input files (.txt, .md, .pdf, .html)")
        manifest = store.read_manifest()
        work = plan_work(files, manifest, version, full)
        summary.discovered, summary.unchanged = len(files), len(work.unchanged)
        summary.deleted = len(work.deleted)
        if work.deleted or (full and manifest):
            drop = set(work.deleted) | (set(manifest) if full else set())
            store.commit({}, [], drop_sources=drop)
            logger.info("removed rows of %d inputs no longer in %s", len(work.deleted), raw)
        touched = {f.source: f.mtime_ns for f in files
                   if f.source in work.unchanged and manifest[f.source].mtime_ns != f.mtime_ns}
        if touched:
            store.update_mtimes(touched)
        redo = {f.source for f in work.todo}
        owners = {e.doc_id: e.source for e in store.read_manifest().values()
                  if e.doc_id and e.status == "ok" and e.source not in redo}
        processed_at = dt.datetime.now(dt.UTC)
        todo_batches = stages.batches(work.todo, batch_size)
        done = 0
        for n, batch in enumerate(todo_batches, 1):
            t = time.perf_counter()
            items = read_task(batch)
            items = stages.mark_duplicates(items, owners)
            seconds["read"] += time.perf_counter() - t
            t = time.perf_counter()
            items = clean_task(items)
            seconds["clean"] += time.perf_counter() - t
            t = time.perf_counter()
            result = extract_task(items, version, processed_at, workers)
            seconds["extract"] += time.perf_counter() - t
            t = time.perf_counter()
            write_batch(store, result)
            seconds["write"] += time.perf_counter() - t
            done += len(batch)
            summary.errors += sum(1 for e in result.entries if e.status == "error")
            logger.info("[%3d%%] batch %d/%d: %d of %d inputs done, %d errors so far",
                        100 * done // max(1, len(work.todo)), n, len(todo_batches), done, len(work.todo),
                        summary.errors)
        summary.processed = done
        store.compact()
        store.ensure_tables()
    summary.rows = {name: _count_rows(store, name) for name in TABLES}
    summary.seconds = seconds
    summary.wall_seconds = time.perf_counter() - started
    for line in summary.lines():
        logger.info(line)
    return vars(summary)


def _count_rows(store: OutputStore, name: str) -> int:
    return sum(pq.ParquetFile(p).metadata.num_rows for p in store.table_dir(name).glob("part-*.parquet"))


def _check_writable(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-probe"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        raise PermissionError(f"output folder {out} is not writable: {exc.strerror or exc}") from None
