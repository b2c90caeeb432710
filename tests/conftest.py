"""Shared fixtures: one real Prefect flow run over the sample corpus, reused by the table tests."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Prefect keeps its SQLite database under PREFECT_HOME: give the test session its own, set before
# anything imports prefect, so tests neither read nor pollute a user's ~/.prefect.
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="prefect-home-"))
# Tests read tables, not the UI's log view; shipping logs to the embedded API only adds noise when
# the server stops before the log worker's last flush.
os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def seeds_output(tmp_path_factory) -> Path:
    """Output folder of one full flow run on raw/ (the five seed documents)."""
    from pipeline.flow import build_tables

    raw = tmp_path_factory.mktemp("raw")
    for path in RAW.glob("*.txt"):
        shutil.copy(path, raw / path.name)
    out = tmp_path_factory.mktemp("output")
    build_tables(raw_dir=str(raw), output_dir=str(out), workers=1)
    return out


def pytest_sessionfinish(session, exitstatus):
    """Stop Prefect's embedded server while pytest's output capture is still open.

    Left to its own atexit hook, the server logs "Stopping temporary server" into a stream pytest
    has already closed, which prints a logging traceback after every run.
    """
    server_mod = __import__("sys").modules.get("prefect.server.api.server")
    if server_mod is None:
        return
    for server in list(server_mod.SubprocessASGIServer._instances.values()):
        server.stop()
