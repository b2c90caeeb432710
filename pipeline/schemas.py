"""Arrow schemas of every output table: the contract of TABLES.md, in one place.

Columns may be added; the ones listed in TABLES.md are never renamed or dropped.
"""

from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")

DOCUMENTS = pa.schema(
    [
        ("doc_id", pa.string()),
        ("source", pa.string()),
        ("kind", pa.string()),
        ("title", pa.string()),
        ("published", pa.date32()),
        ("text", pa.string()),
        ("content_sha256", pa.string()),
        ("pipeline_version", pa.string()),
        ("processed_at", TS),
        # Extra columns: how the input was read and what the cleaner removed (so users can audit it).
        ("format", pa.string()),
        ("encoding", pa.string()),
        ("read_notes", pa.list_(pa.string())),
        ("removed", pa.list_(pa.string())),
    ]
)

AUTHORITIES = pa.schema(
    [
        ("doc_id", pa.string()),
        ("authority_code", pa.string()),
        ("authority_name", pa.string()),
        ("mentions", pa.int32()),
        ("first_start", pa.int32()),
        ("is_primary", pa.bool_()),
    ]
)

RATINGS = pa.schema(
    [
        ("doc_id", pa.string()),
        ("authority_code", pa.string()),
        ("authority_name", pa.string()),
        ("judgement", pa.string()),
        ("grade", pa.string()),
        ("timing", pa.string()),
        ("inspection_year", pa.int16()),
        ("evidence", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
    ]
)

DATES = pa.schema(
    [
        ("doc_id", pa.string()),
        ("text", pa.string()),
        ("value", pa.string()),
        ("date", pa.date32()),
        ("granularity", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
    ]
)

QUOTES = pa.schema(
    [
        ("doc_id", pa.string()),
        ("text", pa.string()),
        ("speaker", pa.string()),
        ("speaker_type", pa.string()),
        ("speaker_role", pa.string()),
        ("cue", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
    ]
)

# Not a table for analysts: which input produced which rows (the store's commit record, `_manifest.parquet`).
MANIFEST_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("size", pa.int64()),
        ("mtime_ns", pa.int64()),
        ("content_sha256", pa.string()),
        ("pipeline_version", pa.string()),
        ("doc_id", pa.string()),
        ("status", pa.string()),  # ok | error
        ("part", pa.string()),
        ("processed_at", TS),
    ]
)

ERRORS = pa.schema(
    [
        ("source", pa.string()),
        ("stage", pa.string()),
        ("error", pa.string()),
        ("at", TS),
        ("content_sha256", pa.string()),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "authorities": AUTHORITIES,
    "ratings": RATINGS,
    "dates": DATES,
    "quotes": QUOTES,
    "errors": ERRORS,
}

# Tables whose rows belong to one document (keyed by doc_id) vs. to one input file (errors, by source).
DOC_TABLES = ("documents", "authorities", "ratings", "dates", "quotes")

ENUMS = {
    ("documents", "kind"): {
        "news", "ofsted_report", "ofsted_letter", "press_release", "council_minutes", "other",
    },
    ("ratings", "judgement"): {
        "overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "care_leavers",
        "adoption", "lscb", "fostering", "other",
    },
    ("ratings", "grade"): {
        "outstanding", "good", "requires_improvement", "inadequate", "adequate", "excellent", "performs_well",
        "performs_adequately", "performs_poorly",
    },
    ("ratings", "timing"): {"current", "previous"},
    ("dates", "granularity"): {"day", "month", "year"},
    ("quotes", "speaker_type"): {"person", "ofsted", "organisation", "unknown"},
    ("errors", "stage"): {"read", "decode", "clean", "extract", "write"},
}


def empty_table(name: str) -> pa.Table:
    return TABLES[name].empty_table()


def to_table(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts) -> a Table with exactly the schema's columns and types."""
    schema = TABLES[name]
    columns = {f.name: [r.get(f.name) for r in rows] for f in schema}
    return pa.Table.from_pydict(columns, schema=schema)
