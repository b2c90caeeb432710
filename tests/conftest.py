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
