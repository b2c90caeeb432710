"""A PDF and an HTML rendering of a seed text give the same rows as the .txt version."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import stages
from pipeline.version import pipeline_version
from tests.builders import make_html, make_pdf
from tests.conftest import RAW

NEWS_SEEDS = ["000_d51274d8d114c741", "003_7373dea24638aad1", "004_bb1798be8301669f"]
LETTER_SEED = "002_cc3dbd50d8a18c18"


def _extract(path: Path) -> dict[str, set]:
    f = stages.InputFile(path.name, str(path), path.stat().st_size, path.stat().st_mtime_ns)
    items = stages.clean_batch(stages.read_batch([f]))
    assert not items[0].error, items[0].error
    rows = stages.extract_batch(items, pipeline_version()).rows
    return {
        "authorities": {(r["authority_code"], r["is_primary"]) for r in rows["authorities"]},
        "ratings": {(r["authority_code"], r["judgement"], r["grade"], r["timing"]) for r in rows["ratings"]},
        "dates": {r["value"] for r in rows["dates"]},
        "quotes": {(" ".join(r["text"].split()), r["speaker"]) for r in rows["quotes"]},
    }


def _paragraphs(name: str) -> list[str]:
    return [ln.strip() for ln in (RAW / f"{name}.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]


@pytest.mark.parametrize("name", NEWS_SEEDS)
def test_html_page_gives_the_same_rows_as_text(tmp_path, name):
    paras = _paragraphs(name)
    html = make_html(tmp_path / f"{name}.html", paras[0], "2017-01-06", paras[1:])
    expected = _extract(RAW / f"{name}.txt")
    assert all(expected.values())  # the text version has rows in every table: the comparison means something
    assert _extract(html) == expected


@pytest.mark.parametrize("name", [*NEWS_SEEDS, LETTER_SEED])
def test_pdf_gives_the_same_rows_as_text(tmp_path, name):
    paras = _paragraphs(name)
    # Break the page in the middle of a long paragraph, as real reports do.
    longest = max(range(len(paras)), key=lambda i: len(paras[i]))
    pdf = make_pdf(tmp_path / f"{name}.pdf", paras, page_break_inside=longest)
    expected = _extract(RAW / f"{name}.txt")
    assert expected["authorities"] and expected["ratings"] and expected["dates"]
    assert _extract(pdf) == expected
