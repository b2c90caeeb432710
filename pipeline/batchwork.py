"""The CPU-heavy part of one batch (clean -> extract), free of Prefect.

It runs wherever the flow sends it: in the flow's process, in a spawned pool process or on a
Dask worker. Keeping it out of pipeline.flow means pool processes never import Prefect.
"""

from __future__ import annotations

import datetime as dt
import time

from pipeline import stages


def clean_extract(items: list[stages.Item], version: str, processed_at: dt.datetime) -> stages.BatchResult:
    """Clean then extract one batch of read items; `seconds` holds both stages' times."""
    t = time.perf_counter()
    items = stages.clean_batch(items)
    cleaned = time.perf_counter() - t
    result = stages.extract_batch(items, version, processed_at)
    result.seconds["clean"] = cleaned
    return result
