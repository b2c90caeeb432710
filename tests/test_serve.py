"""Scheduled runs: `python flows.py serve` on a real Prefect server, triggered through its API."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pandas as pd
import pytest

from tests.conftest import ROOT
from tests.synth import write_corpus

DEPLOYMENT = "ofsted-coverage-tables/nightly"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(check, timeout: float, what: str, procs=()):
    """Poll `check` until it returns a truthy value; fail clearly on timeout or a dead subprocess."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for proc, log in procs:
            if proc.poll() is not None:
                pytest.fail(f"{what}: process exited with {proc.returncode}:\n{Path(log).read_text()[-3000:]}")
        try:
            value = check()
        except httpx.HTTPError:
            value = None
        if value:
            return value
        time.sleep(1.0)
    logs = "\n".join(Path(log).read_text()[-2000:] for _, log in procs)
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}\n{logs}")


def _stop(proc: subprocess.Popen | None) -> None:
    """Terminate a subprocess group we started (server or serve and the runs it spawned)."""
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


@pytest.mark.slow
def test_served_deployment_runs_on_a_prefect_server(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 12, seed=7)
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_API_URL": api,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_TO_API_ENABLED": "false",
           "PREFECT_UI_ENABLED": "false", "PYTHONUNBUFFERED": "1"}
    server_log, serve_log = tmp_path / "server.log", tmp_path / "serve.log"
    server = serve = None
    try:
        with open(server_log, "w") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path, start_new_session=True)
        client = httpx.Client(base_url=api, timeout=10)
        _wait(lambda: client.get("/health").status_code == 200, 120, "the Prefect server's /api/health",
              [(server, server_log)])

        # Serve from another folder with relative paths: the runs must still find them (absolute).
        with open(serve_log, "w") as log:
            serve = subprocess.Popen(
                [sys.executable, str(ROOT / "flows.py"), "serve", "--cron", "0 2 * * *",
                 "--raw", "raw", "--output", "out", "--batch-size", "5"],
                env={**env, "PYTHONPATH": str(ROOT)}, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path,
                start_new_session=True)

        def deployment():
            r = client.get(f"/deployments/name/{DEPLOYMENT}")
            return r.json() if r.status_code == 200 else None

        dep = _wait(deployment, 120, f"deployment {DEPLOYMENT}", [(server, server_log), (serve, serve_log)])
        assert dep["parameters"]["raw_dir"] == str(raw)
        assert dep["parameters"]["output_dir"] == str(out)
        crons = [s["schedule"].get("cron") for s in dep.get("schedules", [])]
        assert crons == ["0 2 * * *"]

        # A busy SQLite-backed server can answer 5xx (database locked) while serve is polling: retry.
        def create_run():
            r = client.post(f"/deployments/{dep['id']}/create_flow_run", json={})
            return r.json() if r.status_code in (200, 201) else None

        run = _wait(create_run, 120, "the flow run to be created", [(server, server_log), (serve, serve_log)])

        def finished():
            r = client.get(f"/flow_runs/{run['id']}")
            state = (r.json().get("state") if r.status_code == 200 else None) or {}
            return state if state.get("type") in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

        state = _wait(finished, 240, "the triggered flow run to finish", [(server, server_log), (serve, serve_log)])
        assert state["type"] == "COMPLETED", (state, serve_log.read_text()[-3000:])

        docs = pd.read_parquet(out / "documents.parquet")
        assert len(docs) == 12 and docs["doc_id"].is_unique
        assert sorted(docs["source"]) == sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*.txt"))
        assert set(pd.read_parquet(out / "dates.parquet")["doc_id"]) == set(docs["doc_id"])  # every story is dated
        assert pd.read_parquet(out / "errors.parquet").empty
    finally:
        _stop(serve)
        _stop(server)


def test_serve_refuses_a_missing_raw_folder(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "flows.py"), "serve", "--raw", str(tmp_path / "nope")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 2
    assert "does not exist" in proc.stderr
