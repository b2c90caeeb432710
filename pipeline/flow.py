"""The Prefect flow: discover -> plan -> per batch (read -> clean -> extract -> write) -> summary.

Heavy work runs per batch (hundreds of documents through nlp.pipe), never one task per document.
Extraction runs in a pool of worker processes (`workers`) so both cores are used; writes are
serialised in the flow's process, each batch committed on its own, so an interrupted run keeps
what it finished.
"""

# No `from __future__ import annotations`: Prefect builds the parameter model from the real
# annotations (Annotated[int, Field(ge=1)]); as strings they fail to resolve in served runs.
import contextlib
import datetime as dt
import os
import time
from collections import deque
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import pyarrow as pa
import pyarrow.parquet as pq
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote
from pydantic import Field

from pipeline import remote, stages
from pipeline.batchwork import clean_extract
from pipeline.schemas import TABLES, to_table
from pipeline.store import ManifestEntry, OutputStore
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


# NO_CACHE: a run must see the folder as it is now, and hashing 10,000 inputs for a cache key cost more
# than the work itself.
@task(name="discover inputs", cache_policy=NO_CACHE)
def discover_inputs(raw_dir: str) -> list[stages.InputFile]:
    return stages.discover(raw_dir)


@task(name="plan work", cache_policy=NO_CACHE)
def plan_work(files, manifest, version: str, full: bool) -> stages.Plan:
    return stages.plan(files, manifest, version, full)


@task(name="clean and extract", cache_policy=NO_CACHE)
def extract_task(items: list[stages.Item], version: str, processed_at: dt.datetime,
                 workers: int) -> stages.BatchResult:
    """Clean + extract one batch: in a pool process when workers > 1, else where the task runs
    (the flow's process, or a Dask worker: no nested pool there)."""
    pool = _pool(workers)
    if pool is None:
        return clean_extract(items, version, processed_at)
    return pool.submit(clean_extract, items, version, processed_at).result()


_DASK_CLIENTS: dict[str, object] = {}  # scheduler address -> the Dask client of the runner this flow opened


@task(name="clean and extract on Dask", cache_policy=NO_CACHE)
def dask_extract_task(items: list[stages.Item], version: str, processed_at: dt.datetime,
                      scheduler: str) -> stages.BatchResult:
    """Ship one batch to a Dask worker. Only a plain function travels, so workers need neither
    Prefect nor a route to its API (an ephemeral server listens on this machine's loopback only)."""
    client = _DASK_CLIENTS[scheduler]
    return client.submit(clean_extract, items, version, processed_at, pure=False).result()


def _dask_runner(address: str | None, local_workers: int):
    """A DaskTaskRunner on an existing scheduler, or on a LocalCluster of `local_workers` processes."""
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": local_workers, "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": ":0"})


def write_batch(store: OutputStore, result: stages.BatchResult, demoted: list[tuple[str, str]] = (),
                processed_at: dt.datetime | None = None) -> None:
    """Commit one batch (a clean_extract result: its rows already Arrow tables). `demoted` (old owner, new
    owner) pairs: inputs whose content an earlier input of the raw folder now holds become duplicate error
    rows in the same commit, as in a full build."""
    tables = dict(result.tables)
    entries = list(result.entries)
    manifest = store.manifest_view() if demoted else {}
    errors = []
    for old, new in demoted:
        e = manifest[old]
        errors.append({"source": old, "stage": "read", "error": stages.duplicate_message(new),
                       "at": processed_at, "content_sha256": e.content_sha256})
        entries.append(ManifestEntry(source=old, size=e.size, mtime_ns=e.mtime_ns,
                                     content_sha256=e.content_sha256, pipeline_version=e.pipeline_version,
                                     doc_id=None, status="error", part="", processed_at=processed_at))
    if errors:
        tables["errors"] = pa.concat_tables([tables["errors"], to_table("errors", errors)])
    store.commit(tables, entries)


@flow(name="ofsted-coverage-tables", log_prints=True, validate_parameters=True,
      task_runner=ThreadPoolTaskRunner(max_workers=4))
def build_tables(raw_dir: str = "raw", output_dir: str = "output",
                 batch_size: Annotated[int, Field(ge=1)] = DEFAULT_BATCH, full: bool = False,
                 workers: Annotated[int, Field(ge=0)] = 0, wait_seconds: Annotated[float, Field(ge=0)] = 0.0,
                 dask_address: str | None = None, dask_local_workers: int = 0) -> dict:
    """Process new and changed inputs of `raw_dir` into the Parquet tables of `output_dir`.

    Batches are extracted concurrently (up to `workers` processes, or every thread of a Dask
    cluster when `dask_address` / `dask_local_workers` is set or the flow runs with a
    DaskTaskRunner) and written one at a time, in order, by this process.
    """
    logger = get_run_logger()
    started = time.perf_counter()
    raw = Path(raw_dir)
    # A remote URI (s3://...) is served through a local mirror, pulled before and pushed after (pipeline.remote).
    remote_uri = output_dir if remote.is_remote(output_dir) else None
    out = remote.mirror_dir(remote_uri) if remote_uri else Path(output_dir)
    if not raw.is_dir():
        raise NoInputs(f"raw folder {raw} does not exist; create it and put the texts to process in it")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    workers = workers or default_workers()
    _check_writable(out)
    version = pipeline_version()
    summary = RunSummary(raw_dir=str(raw), output_dir=remote_uri or str(out), pipeline_version=version)
    # clean/extract: summed time inside the workers (they overlap); wait: time this process spent
    # blocked on them. discover + read + wait + write is this process's share of the wall time.
    seconds = {"discover": 0.0, "read": 0.0, "clean": 0.0, "extract": 0.0, "wait": 0.0, "write": 0.0}
    store = OutputStore(out)
    with store.locked(wait_seconds):
        if remote_uri:
            refreshed = remote.pull(remote_uri, out)
            logger.info("working on the local mirror %s of %s%s", out, remote_uri,
                        " (refreshed from it)" if refreshed else "")
        recovered = store.recover()
        if recovered:
            logger.warning("removed %d uncommitted files left by an interrupted run", len(recovered))
        t = time.perf_counter()
        files = discover_inputs(str(raw))
        seconds["discover"] = time.perf_counter() - t
        if not files:
            raise NoInputs(f"raw folder {raw} holds no input files (.txt, .md, .pdf, .html)")
        manifest = store.manifest_view()
        # quote(): Prefect would otherwise walk every element of these large parameters on each task call
        # (3 s of a 5 s re-run over 10,000 inputs), and they carry no upstream futures to track.
        work = plan_work(quote(files), quote(manifest), version, full)
        summary.discovered, summary.unchanged = len(files), len(work.unchanged)
        summary.deleted = len(work.deleted)
        if work.deleted or (full and manifest):
            drop = set(work.deleted) | (set(manifest) if full else set())
            store.commit({}, [], drop_sources=drop)
            logger.info("removed rows of %d inputs no longer in %s", len(work.deleted), raw)
        if work.touched:  # same bytes, new mtime: remember it so the next run skips the hash too
            store.update_mtimes(work.touched)
        redo = {f.source for f in work.todo}
        owners = {e.doc_id: e.source for e in store.manifest_view().values()
                  if e.doc_id and e.status == "ok" and e.source not in redo}
        order = {f.source: i for i, f in enumerate(files)}  # duplicates: the first input owns the content
        processed_at = dt.datetime.now(dt.UTC)
        todo_batches = stages.batches(work.todo, batch_size)
        done = 0
        with contextlib.ExitStack() as stack:
            runner = FlowRunContext.get().task_runner
            if dask_address or dask_local_workers:
                runner = stack.enter_context(_dask_runner(dask_address, dask_local_workers))
            if todo_batches and type(runner).__name__ == "DaskTaskRunner":
                client = runner.client
                scheduler = client.scheduler.address
                _DASK_CLIENTS[scheduler] = client
                stack.callback(_DASK_CLIENTS.pop, scheduler, None)
                in_flight = sum(client.nthreads().values()) + 1
                logger.info("extracting on Dask at %s (%d worker threads)", scheduler, in_flight - 1)

                def submit(items):
                    return dask_extract_task.submit(quote(items), version, processed_at, scheduler)
            else:
                in_flight = workers + 1 if workers > 1 else 1

                def submit(items):
                    return extract_task.submit(quote(items), version, processed_at, workers)

            pending: deque = deque()
            for n, batch in enumerate(todo_batches, 1):
                t = time.perf_counter()
                # Read in this process, not as a task: duplicates are claimed in discover order before the
                # batch leaves, and a task run per batch cost the Prefect server more CPU than the reading.
                items = stages.read_batch(batch)
                demoted = stages.claim_duplicates(items, owners, order)
                seconds["read"] += time.perf_counter() - t
                pending.append((n, len(batch), demoted, submit(items)))
                # Write in submission order as results come in, keeping at most `in_flight` batches out.
                while pending and (len(pending) >= in_flight or n == len(todo_batches)):
                    n_done, size, demoted, future = pending.popleft()
                    t = time.perf_counter()
                    result = future.result()
                    seconds["wait"] += time.perf_counter() - t
                    for stage in ("clean", "extract"):
                        seconds[stage] += result.seconds.get(stage, 0.0)
                    t = time.perf_counter()
                    write_batch(store, result, demoted, processed_at)
                    # Prefect's task state still points at the result: let its tables go now (peak RSS of a
                    # 5,000-document run 470 -> 443 MB).
                    result.tables = None
                    seconds["write"] += time.perf_counter() - t
                    done += size
                    summary.errors += sum(1 for e in result.entries if e.status == "error")
                    logger.info("[%3d%%] batch %d/%d: %d of %d inputs done, %d errors so far",
                                100 * done // max(1, len(work.todo)), n_done, len(todo_batches), done,
                                len(work.todo), summary.errors)
        summary.processed = done
        store.compact()
        store.ensure_tables()
        if remote_uri:
            pushed = remote.push(out, remote_uri)
            logger.info("published to %s: %d files uploaded, %d removed", remote_uri, pushed["uploaded"],
                        pushed["deleted"])
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
