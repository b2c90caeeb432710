"""Doc -> table rows, in one place. Components write plain dicts on the Doc; this adds keys and types."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from pipeline.extensions import get_list
from pipeline.textspans import doc_text


def iso_to_date(value: str | None) -> dt.date | None:
    """First day of an ISO value at any precision ("2023", "2023-04", "2023-10-31")."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    try:
        return dt.date(*parts[:3])
    except ValueError:
        return None


def doc_rows(doc: Doc, meta: dict) -> dict[str, list[dict]]:
    """All rows one Doc contributes, by table name. `meta` holds the stage data the Doc does not."""
    doc_id = doc._.doc_id
    document = {
        "doc_id": doc_id,
        "source": meta["source"],
        "kind": doc._.kind,
        "title": doc._.title,
        "published": iso_to_date(doc._.published),
        "text": doc_text(doc),
        "content_sha256": meta["content_sha256"],
        "pipeline_version": meta["pipeline_version"],
        "processed_at": meta["processed_at"],
        "format": meta.get("format"),
        "encoding": meta.get("encoding"),
        "read_notes": meta.get("read_notes") or [],
        "removed": meta.get("removed") or [],
    }
    dates = [
        {**d, "doc_id": doc_id, "date": iso_to_date(d["value"])}
        for d in get_list(doc, "date_mentions")
    ]
    return {
        "documents": [document],
        "authorities": [{**a, "doc_id": doc_id} for a in get_list(doc, "authorities")],
        "ratings": [{**r, "doc_id": doc_id} for r in get_list(doc, "ratings")],
        "dates": dates,
        "quotes": [{**q, "doc_id": doc_id} for q in get_list(doc, "quotes")],
    }
