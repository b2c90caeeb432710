"""Crash safety (kill -9 mid-run, then re-run), one writer at a time, and validated run parameters."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from prefect.exceptions import ParameterTypeError

from pipeline.cli import main as cli_main
from pipeline.flow import build_tables
from pipeline.store import OutputStore
from pipeline.version import pipeline_version
from tests.conftest import ROOT
from tests.synth import table_rows, write_corpus

CRASH_DOCS = 300


def _session_api_url() -> str | None:
    """The API of the Prefect server this test session already runs, if any: a subprocess run that
    uses it skips starting its own temporary server (15-30 s on a loaded machine)."""
    server_mod = sys.modules.get("prefect.server.api.server")
    for server in getattr(getattr(server_mod, "SubprocessASGIServer", None), "_instances", {}).values():
        if server.running:
            return server.api_url
    return None


def _manifest_rows(out: Path) -> int:
    """Inputs committed so far, read without the lock while a run writes (manifest plus its journal)."""
    try:
        return len(OutputStore(out).read_manifest())
    except (FileNotFoundError, OSError):
        return 0


@pytest.mark.slow
def test_kill_9_mid_run_then_rerun_equals_clean_build(tmp_path, capsys):
    raw, out, clean = tmp_path / "raw", tmp_path / "out", tmp_path / "clean"
    write_corpus(raw, CRASH_DOCS, seed=5)
    build_tables(raw_dir=str(raw), output_dir=str(clean), workers=1)  # the reference (and warms Prefect up)

    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PYTHONPATH": str(ROOT),
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120"}
    if _session_api_url():
        env["PREFECT_API_URL"] = _session_api_url()
    log = tmp_path / "run.log"
    with open(log, "w") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--output", str(out), "--batch-size", "10",
             "--workers", "1"],
            env=env, stdout=fh, stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while _manifest_rows(out) == 0:  # wait for the first committed batch
            assert proc.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, "no batch committed within 180 s"
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGSTOP)  # freeze it mid-run, holding the lock, wherever it was writing

        # A second run started now is refused: exit code 2 and a message saying why and what to do.
        assert cli_main(["run", "--raw", str(raw), "--output", str(out)]) == 2
        err = capsys.readouterr().err
        assert "another pipeline run is writing to" in err and "--wait" in err
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the run (and a Prefect server it started)
        proc.wait(timeout=30)
    committed = _manifest_rows(out)
    assert 0 < committed < CRASH_DOCS, "the kill should land mid-run"
    assert proc.returncode == -signal.SIGKILL
    versions = {e.pipeline_version for e in OutputStore(out).read_manifest().values()}
    if versions != {pipeline_version()}:  # only when someone edits the rule files while the tests run
        pytest.skip(f"rule files changed during the test session ({versions} vs {pipeline_version()})")

    summary = build_tables(raw_dir=str(raw), output_dir=str(out), workers=1)
    assert summary["processed"] == CRASH_DOCS - committed  # finished batches are kept, not redone
    assert summary["unchanged"] == committed
    assert table_rows(out) == table_rows(clean)
    assert not list(out.rglob(".*.tmp"))
    live = OutputStore(out).live_parts() | {"empty"}
    for part in out.rglob("part-*.parquet"):  # no uncommitted part left behind
        assert part.name.removeprefix("part-").removesuffix(".parquet") in live, part


def test_second_run_refused_or_waits_for_the_lock(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 4, seed=6)
    store = OutputStore(out)
    with store.locked():
        assert cli_main(["run", "--raw", str(raw), "--output", str(out), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert f"another pipeline run is writing to {out}" in err
    assert not (out / "documents.parquet").exists()  # refused before writing anything

    released = threading.Event()

    def hold_then_release():
        with OutputStore(out).locked():
            held.set()
            time.sleep(2.0)
        released.set()

    held = threading.Event()
    holder = threading.Thread(target=hold_then_release)
    holder.start()
    held.wait(10)
    try:
        assert cli_main(["run", "--raw", str(raw), "--output", str(out), "--workers", "1", "--wait", "120"]) == 0
    finally:
        holder.join(30)
    assert released.is_set()
    assert len(pd.read_parquet(out / "documents.parquet")) == 4


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--batch-size", "0"], "batch_size: Input should be greater than or equal to 1"),
        (["--workers", "-1"], "workers: Input should be greater than or equal to 0"),
        (["--wait", "-5"], "wait_seconds: Input should be greater than or equal to 0"),
        (["--output", "{tmp}/a-file/out"], "is not writable"),
        (["--raw", "{tmp}/missing"], "does not exist"),
    ],
)
def test_invalid_parameters_exit_2_with_a_clear_message(tmp_path, capsys, extra, message):
    raw = tmp_path / "raw"
    write_corpus(raw, 1, seed=8)
    (tmp_path / "a-file").write_text("not a folder")
    args = ["run", "--raw", str(raw), "--output", str(tmp_path / "out")] + [a.format(tmp=tmp_path) for a in extra]
    assert cli_main(args) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out" / "documents.parquet").exists()


def test_flow_parameters_are_validated_by_prefect(tmp_path):
    with pytest.raises(ParameterTypeError, match="batch_size"):
        build_tables(raw_dir=str(tmp_path), output_dir=str(tmp_path / "out"), batch_size=0)
    with pytest.raises(ParameterTypeError, match="batch_size"):
        build_tables(raw_dir=str(tmp_path), output_dir=str(tmp_path / "out"), batch_size="many")
