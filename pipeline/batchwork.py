"""The CPU-heavy part of one batch (clean -> extract), free of Prefect.

It runs wherever the flow sends it: in the flow's process, in a spawned pool process or on a
Dask worker. Keeping it out of pipeline.flow means pool processes never import Prefect.
"""

from __future__ import annotations

import datetime as dt
import time

from pipeline import stages
from pipeline.schemas import TABLES, to_table


def clean_extract(items: list[stages.Item], version: str, processed_at: dt.datetime) -> stages.BatchResult:
    """Clean then extract one batch of read items; `seconds` holds both stages' times."""
    t = time.perf_counter()
    items = stages.clean_batch(items)
    cleaned = time.perf_counter() - t
    result = stages.extract_batch(items, version, processed_at)
    result.seconds["clean"] = cleaned
    # Arrow tables travel back as a few buffers: as row dicts they were ~10 MB of small Python objects per
    # batch to unpickle in the writing process, whose heap they fragmented (its memory grew with the corpus).
    result.tables = {name: to_table(name, result.rows.get(name, [])) for name in TABLES}
    result.rows = {}
    return result
