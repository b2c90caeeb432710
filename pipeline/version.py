"""The pipeline version stamped on every row: package version + a hash of the rules and code.

Editing a pattern file or a component changes it, so the next run reprocesses everything with
the new rules instead of mixing rows from two rule sets.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from pipeline import __version__

_RULE_SUFFIXES = {".py", ".json", ".jsonl", ".csv", ".txt", ".tsv"}
# Files that do not influence extracted rows.
_IGNORED_PARTS = {"__pycache__"}
_IGNORED_FILES = {"crosscheck.py", "evaluate.py", "cli.py", "__main__.py", "bench.py", "benchmark.py"}


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if (path.is_file() and path.suffix in _RULE_SUFFIXES and path.name not in _IGNORED_FILES
                and not _IGNORED_PARTS.intersection(path.parts)):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    version = f"{__version__}+{digest.hexdigest()[:10]}"
    # A run with some components left out must not pass for a full run in the manifest.
    from pipeline.nlp import selected_components

    subset = selected_components()
    return version if subset is None else f"{version}+only.{'.'.join(subset)}"
