"""Bad inputs: each gets an error row and a log line a person can act on; everything else is processed,
and a failed input is retried only once it changes."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pandas as pd
import pytest

from pipeline import stages
from pipeline.flow import build_tables
from pipeline.readers import MAX_BYTES
from pipeline.store import OutputStore
from tests.synth import write_corpus

GOOD = 20

CP1252_TEXT = (
    "Council welcomes \u2018good\u2019 verdict from inspectors\n\n"
    "Wirral council said it was \u201cdelighted\u201d that Ofsted had rated its children\u2019s services good "
    "after an inspection in March 2023.\n\n"
    "\u201cOur social workers have done remarkable work for children and families,\u201d said the council\u2019s "
    "director of children\u2019s services.\n"
)
HTML_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Inspectors praise Torbay's early help | Local News</title>
<meta property="og:title" content="Inspectors praise Torbay's early help">
<meta property="article:published_time" content="2023-06-14T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Inspectors praise Torbay's early help</h1>
<p>Ofsted inspectors have praised the early help offered to families in Torbay, in a report published on
Wednesday after a two-week inspection of the council's children's services in May 2023.</p>
<p>"Families receive help quickly and from workers who know them well," the inspectors wrote in their
report, which rated the council's services as good overall.</p>
<p>The council's cabinet member for children said the judgement was a credit to frontline staff across
the whole of the authority.</p></article>
<footer>Copyright Local News 2023. All rights reserved.</footer></body></html>
"""

# source -> (stage, words the error message must contain)
EXPECTED_ERRORS = {
    "bad/empty.txt": ("read", "empty file"),
    "bad/scan.txt": ("decode", "binary file"),
    "bad/huge.txt": ("read", "too large"),
    "bad/minutes.docx": ("read", "unsupported file type .docx"),
    "bad/vanishing.txt": ("read", "disappeared"),
}


@pytest.fixture
def corpus(tmp_path) -> tuple[Path, Path]:
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, GOOD, seed=3)
    bad = raw / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    with open(bad / "huge.txt", "wb") as fh:  # 50 MB, sparse: the size is refused before any read
        fh.truncate(50 * 1024 * 1024)
    assert (bad / "huge.txt").stat().st_size > MAX_BYTES
    (bad / "minutes.docx").write_bytes(b"Minutes of the corporate parenting panel, 3 May 2023.")
    (bad / "vanishing.txt").write_text("Ofsted rated Kent good in 2022, the council said.\n")
    (raw / "wirral-cp1252.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (raw / "torbay.html").write_text(HTML_PAGE, encoding="utf-8")
    return raw, out


def _vanish_before_read(monkeypatch, name: str) -> None:
    """Delete `name` after discover listed it, just before the batch holding it is read."""
    real = stages.read_batch

    def read_batch(files):
        for f in files:
            if f.source == name and os.path.exists(f.path):
                os.unlink(f.path)
        return real(files)

    monkeypatch.setattr(stages, "read_batch", read_batch)


def test_each_bad_input_is_an_error_row_and_the_rest_is_processed(corpus, monkeypatch, caplog):
    raw, out = corpus
    _vanish_before_read(monkeypatch, "bad/vanishing.txt")
    with caplog.at_level(logging.WARNING, logger="pipeline"):
        summary = build_tables(raw_dir=str(raw), output_dir=str(out), workers=1, batch_size=8)
    assert summary["errors"] == len(EXPECTED_ERRORS)

    errors = pd.read_parquet(out / "errors.parquet").set_index("source")
    assert sorted(errors.index) == sorted(EXPECTED_ERRORS)
    for source, (stage, words) in EXPECTED_ERRORS.items():
        assert errors.loc[source, "stage"] == stage, source
        assert words in errors.loc[source, "error"], (source, errors.loc[source, "error"])
        # One log line names the file and says what is wrong with it.
        assert any(source in r.getMessage() and words in r.getMessage() for r in caplog.records), source
    assert "MAX_BYTES" in errors.loc["bad/huge.txt", "error"]  # says how to get it processed
    assert errors.loc["bad/huge.txt", "content_sha256"]  # hashed in chunks, so unchanged it is skipped

    docs = pd.read_parquet(out / "documents.parquet").set_index("source")
    good = {p.relative_to(raw).as_posix() for p in raw.glob("batch*/*.txt")}
    assert set(docs.index) == good | {"wirral-cp1252.txt", "torbay.html"}
    wirral = docs.loc["wirral-cp1252.txt"]
    assert wirral["encoding"] == "cp1252"
    assert any("cp1252" in n and "fallback" in n for n in wirral["read_notes"])
    assert "\u201cdelighted\u201d" in wirral["text"] and "children\u2019s" in wirral["text"]
    torbay = docs.loc["torbay.html"]
    assert torbay["format"] == "html" and torbay["title"] == "Inspectors praise Torbay's early help"
    assert "Families receive help quickly" in torbay["text"] and "All rights reserved" not in torbay["text"]

    manifest = OutputStore(out).read_manifest()
    assert {s for s, e in manifest.items() if e.status == "error"} == set(EXPECTED_ERRORS)
    assert all(manifest[s].doc_id is None for s in EXPECTED_ERRORS)


def test_failed_inputs_are_retried_only_when_they_change(corpus, monkeypatch):
    raw, out = corpus
    _vanish_before_read(monkeypatch, "bad/vanishing.txt")
    build_tables(raw_dir=str(raw), output_dir=str(out), workers=1)
    errors_before = pd.read_parquet(out / "errors.parquet").sort_values("source").reset_index(drop=True)

    read = []
    real = stages.read_batch
    monkeypatch.setattr(stages, "read_batch", lambda files: read.extend(f.source for f in files) or real(files))
    summary = build_tables(raw_dir=str(raw), output_dir=str(out), workers=1)
    assert read == [] and summary["processed"] == 0
    errors = pd.read_parquet(out / "errors.parquet").sort_values("source").reset_index(drop=True)
    # The vanished file's row went with the file; every other error row is kept as it was (same `at`).
    pd.testing.assert_frame_equal(errors, errors_before[errors_before.source != "bad/vanishing.txt"]
                                  .reset_index(drop=True))

    # Fixing a file gets it processed on the next run, and its error row goes.
    (raw / "bad" / "empty.txt").write_text("Ofsted judged Devon's children's services to be good in May 2024.\n\n"
                                           "Inspectors said leaders knew their services well.\n")
    summary = build_tables(raw_dir=str(raw), output_dir=str(out), workers=1)
    assert read == ["bad/empty.txt"] and summary["processed"] == 1
    errors = pd.read_parquet(out / "errors.parquet")
    assert "bad/empty.txt" not in set(errors["source"]) and len(errors) == len(errors_before) - 2
    docs = pd.read_parquet(out / "documents.parquet")
    assert "bad/empty.txt" in set(docs["source"]) and len(docs) == GOOD + 3
    assert OutputStore(out).read_manifest()["bad/empty.txt"].status == "ok"
