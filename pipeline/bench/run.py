"""Throughput, memory and overhead of the real Prefect flow on a synthetic corpus.

    python -m pipeline.bench run --n 1000 [--workers 1,2] [--keep DIR] [--json]
    python -m pipeline.bench memory --sizes 2000,20000

Figures: documents/s, MB/s, words/s per core, peak RSS (this process plus every child: pool
processes, Prefect's server), wall time by stage, Prefect's overhead, the bare tokenizer floor
and our ratio to it, and the cost of re-runs that add 0, 1 and 100 documents.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from pipeline.bench.corpus import generate_corpus


class PeakRSS:
    """Samples the summed RSS of this process and all its descendants (psutil) in a thread."""

    def __init__(self, interval: float = 0.1):
        self.interval, self.peak, self.peak_self = interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.is_set():
            total = own = me.memory_info().rss
            for child in me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
            self.peak, self.peak_self = max(self.peak, total), max(self.peak_self, own)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


class CpuByProcess:
    """CPU seconds (user + system) spent during a block by this process, its worker processes and the Prefect
    server, from psutil samples every 0.1 s of every descendant (a child that exits between two samples
    loses at most its last 0.1 s). On a saturated machine wall time is at least total CPU / cores: this
    says where the CPU went."""

    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self._start: dict[int, float] = {}
        self._last: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _role(proc, me) -> str:
        if proc.pid == me.pid:
            return "flow process"
        try:
            cmd = " ".join(proc.cmdline())
        except Exception:
            return "workers"
        return "Prefect server" if "prefect" in cmd and ("server" in cmd or "uvicorn" in cmd) else "workers"

    def _sample(self, me) -> None:
        import psutil

        for proc in [me, *me.children(recursive=True)]:
            try:
                t = proc.cpu_times()
                role = self._last[proc.pid][0] if proc.pid in self._last else self._role(proc, me)
                self._last[proc.pid] = (role, t.user + t.system)
            except psutil.Error:
                pass

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.wait(self.interval):
            self._sample(me)

    def __enter__(self) -> CpuByProcess:
        import psutil

        me = psutil.Process()
        self._sample(me)
        self._start = {pid: cpu for pid, (_, cpu) in self._last.items()}
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        import psutil

        self._stop.set()
        self._thread.join()
        self._sample(psutil.Process())

    def seconds(self) -> dict[str, float]:
        out = {"flow process": 0.0, "workers": 0.0, "Prefect server": 0.0}
        for pid, (role, cpu) in self._last.items():
            out[role] = out.get(role, 0.0) + cpu - self._start.get(pid, 0.0)
        return out


def _corpus_stats(raw: Path) -> dict:
    files = sorted(p for p in raw.rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    return {"files": files, "texts": texts, "docs": len(texts), "bytes": sum(p.stat().st_size for p in files),
            "words": sum(len(t.split()) for t in texts)}


def tokenizer_floor(texts: list[str]) -> float:
    """Seconds for a bare spacy.blank('en').tokenizer.pipe over the texts (one core, fresh cache)."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    t = time.perf_counter()
    for _ in tokenizer.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - t


def prefect_overheads(calls: int = 40) -> dict:
    """Ephemeral server start, an empty flow run, and the cost of one task call inside a flow."""
    from prefect import flow, task

    @task
    def noop(x):
        return x

    @flow
    def empty():
        return 0

    @flow
    def many(n: int):
        for i in range(n):
            noop(i)
        return [noop.submit(i) for i in range(n)][-1].result()

    t = time.perf_counter()
    empty()
    first = time.perf_counter() - t
    t = time.perf_counter()
    empty()
    flow_run = time.perf_counter() - t
    t = time.perf_counter()
    many(calls)
    per_task = (time.perf_counter() - t - flow_run) / (2 * calls)
    return {"server_start_s": first - flow_run, "empty_flow_s": flow_run, "task_call_s": per_task}


def _flow(raw: Path, out: Path, workers: int, full: bool = False, **kw) -> tuple[dict, float]:
    from pipeline.flow import build_tables

    t = time.perf_counter()
    summary = build_tables(raw_dir=str(raw), output_dir=str(out), workers=workers, full=full, **kw)
    return summary, time.perf_counter() - t


def n_process_trial(texts: list[str], n_process: int) -> float:
    """Seconds for clean + nlp.pipe(n_process=...) over the texts inside one process (no pool)."""
    from pipeline.cleaning import clean
    from pipeline.nlp import shared_nlp

    nlp = shared_nlp()
    t = time.perf_counter()
    cleaned = [clean(x).text for x in texts]
    for _ in nlp.pipe(cleaned, batch_size=64, n_process=n_process):
        pass
    return time.perf_counter() - t


def run_benchmark(n: int, workers: list[int], keep: Path | None = None, seed: int = 0,
                  incremental: bool = True, n_process: bool = False, batch_size: int = 200) -> dict:
    base = Path(tempfile.mkdtemp(prefix="pipeline-bench-")) if keep is None else keep
    raw, out_root = base / "raw", base / "out"
    have = len(list(raw.rglob("*.txt"))) if raw.is_dir() else 0
    if have != n:
        shutil.rmtree(raw, ignore_errors=True)
        t = time.perf_counter()
        generate_corpus(raw, n, seed)
        print(f"generated {n} documents in {time.perf_counter() - t:.1f}s under {raw}", file=sys.stderr)
    stats = _corpus_stats(raw)
    texts = stats.pop("texts")
    stats.pop("files")
    from pipeline.nlp import PIPE_ORDER, selected_components

    result: dict = {"machine": machine(), "corpus": {**stats, "seed": seed, "dir": str(raw)}, "runs": [],
                    "components": list(selected_components() or PIPE_ORDER)}
    import pipeline.flow  # noqa: F401  (imports are not the flow's cost: a served deployment pays them once)

    # The fastest of three passes: a single pass on shared cores varied from 4.2 s to 6.6 s for 10,000 documents.
    result["floor_s"] = min(tokenizer_floor(texts) for _ in range(3))
    # Keep only what the n_process trial needs: the whole corpus held here would count as the flow's memory
    # (375 MB at 50,000 documents) though the flow itself streams it batch by batch.
    sample = texts[: min(len(texts), 1000)] if n_process else []
    del texts
    result["prefect"] = prefect_overheads()
    with PeakRSS() as rss:
        for w in workers:
            out = out_root / f"w{w}"
            shutil.rmtree(out, ignore_errors=True)
            with CpuByProcess() as cpu:
                summary, outer = _flow(raw, out, w, full=True, batch_size=batch_size)
            run = _figures(stats, result["floor_s"], w, summary, outer, result["prefect"], batch_size)
            run["cpu_s"] = cpu.seconds()
            result["runs"].append(run)
    result["peak_rss_mb"] = rss.peak / 2**20
    result["peak_rss_self_mb"] = rss.peak_self / 2**20
    result["maxrss_self_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["maxrss_children_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if incremental:
        w = workers[-1]
        out = out_root / f"w{w}"
        full_s = result["runs"][-1]["outer_s"]
        inc = []
        for added in (0, 1, 100):
            generate_corpus(raw, added, seed, start=n + sum(x["added"] for x in inc))
            summary, outer = _flow(raw, out, w)
            inc.append({"added": added, "outer_s": outer, "wall_s": summary["wall_seconds"],
                        "processed": summary["processed"], "pct_of_full": 100 * outer / full_s})
        result["incremental"] = inc
        for p in raw.rglob("*.txt"):  # leave the corpus as it was for a re-use with --keep
            if int(p.name.split("-")[0]) >= n:
                p.unlink()
    if n_process:
        result["n_process"] = {str(k): n_process_trial(sample, k) for k in (1, 2)}
        result["n_process"]["docs"] = len(sample)
    if keep is None:
        shutil.rmtree(base, ignore_errors=True)
    return result


def _figures(stats: dict, floor_s: float, workers: int, summary: dict, outer: float, prefect: dict,
             batch_size: int) -> dict:
    sec = summary["seconds"]
    flow_side = sum(v for k, v in sec.items() if k not in ("clean", "extract"))
    # Prefect's cost: the flow call around the body, plus every task call the body made.
    batches = -(-summary["processed"] // batch_size)
    task_calls = 2 + batches  # discover, plan, then one clean-and-extract task per batch
    overhead = (outer - summary["wall_seconds"]) + task_calls * prefect["task_call_s"]
    cores = min(workers, os.cpu_count() or 1)
    return {
        "workers": workers, "outer_s": outer, "wall_s": summary["wall_seconds"], "stages_s": sec,
        "flow_side_s": flow_side, "docs_per_s": stats["docs"] / outer, "mb_per_s": stats["bytes"] / 2**20 / outer,
        "words_per_s_per_core": stats["words"] / outer / cores, "ratio_to_floor": floor_s / outer,
        "prefect_overhead_s": overhead, "prefect_overhead_pct": 100 * overhead / outer,
        "rows": summary["rows"], "errors": summary["errors"],
    }


def machine() -> dict:
    from importlib.metadata import version

    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    pkgs = {p: version(p) for p in ("spacy", "prefect", "prefect-dask", "dask", "distributed", "pyarrow", "psutil")}
    return {"nproc": os.cpu_count(), "memory_gib": round(mem, 1), "python": platform.python_version(),
            "platform": platform.platform(), "load_avg": os.getloadavg(), **pkgs}


def markdown(result: dict) -> str:
    c, p = result["corpus"], result["prefect"]
    lines = [
        f"Corpus: {c['docs']} documents, {c['bytes'] / 2**20:.1f} MB, {c['words']:,} words (seed {c['seed']}).",
        f"Tokenizer floor (bare `spacy.blank('en').tokenizer.pipe`, 1 core, fastest of 3): {result['floor_s']:.2f}s = "
        f"{c['words'] / result['floor_s']:,.0f} words/s.",
        f"Prefect: ephemeral server start {p['server_start_s']:.1f}s (once per process), empty flow run "
        f"{p['empty_flow_s']:.2f}s, one task call {1000 * p['task_call_s']:.0f} ms.",
        f"spaCy components: {', '.join(result.get('components', []))}.",
        "",
        "| workers | wall s | docs/s | MB/s | words/s/core | x floor | Prefect overhead | read | clean* | extract* "
        "| wait | write |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in result["runs"]:
        s = r["stages_s"]
        lines.append(
            f"| {r['workers']} | {r['outer_s']:.1f} | {r['docs_per_s']:.1f} | {r['mb_per_s']:.2f} | "
            f"{r['words_per_s_per_core']:,.0f} | 1/{1 / r['ratio_to_floor']:.1f} | {r['prefect_overhead_s']:.1f}s "
            f"({r['prefect_overhead_pct']:.1f}%) | {s.get('read', 0):.1f} | {s.get('clean', 0):.1f} | "
            f"{s.get('extract', 0):.1f} | {s.get('wait', 0):.1f} | {s.get('write', 0):.1f} |")
    lines += ["", "*clean/extract: seconds summed over the worker processes (they overlap).", ""]
    for r in result["runs"]:
        if "cpu_s" in r:
            cpu = r["cpu_s"]
            total = sum(cpu.values())
            lines.append(
                f"CPU with {r['workers']} workers: {total:.1f}s in all = {1000 * total / c['docs']:.2f} ms/document "
                f"= {total / result['floor_s']:.1f}x the floor's CPU ("
                + ", ".join(f"{k} {v:.1f}s" for k, v in cpu.items())
                + f"); {total / r['outer_s']:.2f} of {os.cpu_count()} cores busy on average.")
    lines += ["",
              f"Peak RSS, this process + children: {result['peak_rss_mb']:.0f} MB (this process alone "
              f"{result['peak_rss_self_mb']:.0f} MB; getrusage maxrss self {result['maxrss_self_mb']:.0f} MB, "
              f"largest reaped child {result['maxrss_children_mb']:.0f} MB)."]
    if "incremental" in result:
        lines += ["", "| re-run adding | wall s | processed | % of full run |", "|---|---|---|---|"]
        for r in result["incremental"]:
            lines.append(f"| {r['added']} | {r['outer_s']:.2f} | {r['processed']} | {r['pct_of_full']:.1f}% |")
    if "n_process" in result:
        npr = result["n_process"]
        lines += ["", f"clean + nlp.pipe on {npr['docs']} documents in one process: n_process=1 {npr['1']:.1f}s, "
                  f"n_process=2 {npr['2']:.1f}s."]
    return "\n".join(lines)


def memory_check(sizes: list[int], workers: int, keep: Path | None, seed: int) -> dict:
    """Peak RSS of full runs of each size, each in a fresh process (peak RSS never goes down)."""
    found = {}
    for n in sizes:
        cmd = [sys.executable, "-m", "pipeline.bench", "run", "--n", str(n), "--workers", str(workers),
               "--no-incremental", "--json", "--seed", str(seed)]
        if keep:
            cmd += ["--keep", str(keep / f"n{n}")]
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
        res = json.loads(proc.stdout)
        found[n] = {"peak_rss_mb": res["peak_rss_mb"], "peak_rss_self_mb": res["peak_rss_self_mb"],
                    "wall_s": res["runs"][-1]["outer_s"], "total_s": time.perf_counter() - t}
    first, last = found[sizes[0]], found[sizes[-1]]
    return {"sizes": found, "growth": last["peak_rss_mb"] / first["peak_rss_mb"]}
