"""Readers: every input is built here (fpdf2 PDFs, HTML pages with clutter, encoded text)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from pipeline.readers import MAX_BYTES, SUPPORTED_EXTENSIONS, InputError, ReadResult, read_input
from tests.builders import (
    HTML_CLUTTER_MARKERS,
    OFSTED_FOOTER,
    html_page,
    make_html,
    make_pdf,
    make_scanned_pdf,
    ofsted_report_blocks,
    pdf_bytes,
)

ARTICLE = [
    "Inspectors found that children in Northshire are seen quickly once concerns are raised, and that "
    "social workers know the children they work with well.",
    "“We are proud of what our staff have achieved over the past two years,” said Priya Sandhu, the "
    "council’s cabinet member for children and families.",
    "The council was rated inadequate in 2019, when inspectors found that too many children were left in "
    "situations of risk for too long.",
]
JUDGEMENT_ROWS = [
    "The impact of leaders on social work practice with children and families Outstanding",
    "The experiences and progress of children who need help and protection Good",
    "The experiences and progress of children in care Good",
    "The experiences and progress of care leavers Requires improvement",
    "Overall effectiveness Good",
]


def paragraphs(result: ReadResult) -> list[str]:
    assert "\n\n\n" not in result.text
    return result.text.split("\n\n")


# --- PDF --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory) -> Path:
    blocks = ofsted_report_blocks("Camden")
    blocks = blocks + blocks[10:]  # long enough for three pages, so footers repeat
    path = tmp_path_factory.mktemp("pdf") / "camden.pdf"
    return make_pdf(path, blocks, page_break_inside=12, footer=OFSTED_FOOTER.format(authority="Camden"),
                    title="Camden: inspection of children's social care services")


def test_pdf_keeps_judgement_rows_one_per_paragraph(report_pdf):
    paras = paragraphs(read_input(report_pdf))
    for row in JUDGEMENT_ROWS:
        assert row in paras


def test_pdf_wrapped_table_cell_is_folded_back_into_its_row(tmp_path):
    blocks = [b for b in ofsted_report_blocks() if isinstance(b, tuple)]
    path = make_pdf(tmp_path / "narrow.pdf", ["Summary of judgements", *blocks, "Inspectors visited in June."],
                    font_size=16)
    paras = paragraphs(read_input(path))
    assert JUDGEMENT_ROWS[0] in paras
    assert "families" not in [p.strip() for p in paras]


def test_pdf_rejoins_sentence_split_by_page_break_and_drops_footers(report_pdf):
    result = read_input(report_pdf)
    assert ("they receive regular, reflective supervision that helps them to think about the child’s "
            "experience.") in result.text
    assert "inspection of children's social care services" not in result.text.replace(
        "Inspection of children's social care services", "")
    assert "Page 1 of" not in result.text and "Page 2 of" not in result.text
    assert any("header/footer" in n for n in result.notes)
    assert any("page break" in n for n in result.notes)


def test_pdf_unwraps_lines_into_paragraphs_and_keeps_reading_order(report_pdf):
    paras = paragraphs(read_input(report_pdf))
    assert "\n" not in "".join(paras)
    start = next(p for p in paras if p.startswith("Children who need help and protection receive"))
    assert start.endswith("who pose a risk to them.")
    assert "Multi-agency work" in start and "well-established panel" in start
    order = [paras.index(p) for p in ("Headline findings", "What needs to improve?", "Main findings")]
    assert order == sorted(order)
    assert paras.index(JUDGEMENT_ROWS[-1]) < paras.index("Headline findings")


def test_pdf_title_from_metadata_and_no_invented_date(report_pdf):
    result = read_input(report_pdf)
    assert result.format == "pdf" and result.encoding is None
    assert result.title == "Camden: inspection of children's social care services"
    assert result.published is None


@pytest.mark.parametrize(
    ("blocks", "created", "published"),
    [
        (["Focused visit to children's services", "5 December 2023", "Dear Ms Jones,", "Body of the letter."],
         datetime(2023, 12, 7, tzinfo=UTC), "2023-12-05"),
        (["Annual conversation summary", "Leaders met inspectors in the spring to review progress made."],
         datetime(2022, 3, 14, 10, 0, tzinfo=UTC), "2022-03-14"),
    ],
)
def test_pdf_published_date_prefers_text_then_creation_date(tmp_path, blocks, created, published):
    result = read_input(make_pdf(tmp_path / "letter.pdf", blocks, created=created))
    assert result.published == published
    assert result.title == blocks[0]


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("the council has strength-", "ened its front door", "the council has strengthened its front door"),
        ("a multi-", "agency panel meets weekly", "a multi-agency panel meets weekly"),
    ],
)
def test_pdf_rejoins_hyphenated_line_breaks(tmp_path, left, right, expected):
    # Force the break with a narrow paragraph: the left part fills a line on its own.
    filler = "Inspectors reviewed the records of forty children during the visit and spoke with staff"
    para = f"{filler} {left}"
    pdf = pdf_bytes([para + "\n" + right + "."])
    text = read_input(Path("h.pdf"), pdf).text
    assert expected in text


def test_scanned_pdf_is_rejected(tmp_path):
    with pytest.raises(InputError) as err:
        read_input(make_scanned_pdf(tmp_path / "scan.pdf"))
    assert err.value.stage == "read"
    assert "no text layer" in err.value.message and "OCR" in err.value.message


@pytest.mark.parametrize("name", ["report.txt", "report.bin", "report"])
def test_pdf_bytes_are_read_as_pdf_whatever_the_extension(name):
    result = read_input(Path(name), pdf_bytes(["Children in care are well supported by their social workers."]))
    assert result.format == "pdf"
    assert "well supported" in result.text


def test_damaged_pdf_is_a_decode_error():
    with pytest.raises(InputError) as err:
        read_input(Path("broken.pdf"), b"%PDF-1.7\n" + b"garbage " * 100)
    assert err.value.stage in ("decode", "read")


def test_pdf_named_file_that_is_not_a_pdf():
    with pytest.raises(InputError) as err:
        read_input(Path("report.pdf"), b"<html><body>404 Not Found</body></html>")
    assert err.value.stage == "decode" and "not a PDF" in err.value.message


# --- HTML -------------------------------------------------------------------------------------------

def test_html_article_without_clutter(tmp_path):
    path = make_html(tmp_path / "story.html", "Northshire lifted out of inadequate", "2024-03-08", ARTICLE)
    result = read_input(path)
    assert result.format == "html" and result.encoding == "utf-8"
    assert result.title == "Northshire lifted out of inadequate"
    assert result.published == "2024-03-08"
    assert paragraphs(result) == ["Northshire lifted out of inadequate", *ARTICLE]
    for marker in HTML_CLUTTER_MARKERS:
        assert marker not in result.text, marker


@pytest.mark.parametrize(
    ("kwargs", "title"),
    [
        ({}, "Northshire lifted out of inadequate"),
        ({"og_title": False}, "Northshire lifted out of inadequate"),  # from <h1>
    ],
)
def test_html_title_sources(kwargs, title):
    html = html_page("Northshire lifted out of inadequate", None, ARTICLE, **kwargs)
    result = read_input(Path("a.html"), html.encode("utf-8"))
    assert result.title == title


def test_html_published_from_time_tag_when_meta_missing():
    html = html_page("Headline", "2023-11-30", ARTICLE).replace('property="article:published_time"', 'x="y"')
    assert read_input(Path("a.htm"), html.encode()).published == "2023-11-30"


def test_html_declared_cp1252_charset():
    html = html_page("Council’s “good” rating", "2024-01-02", ARTICLE, charset="windows-1252")
    result = read_input(Path("a.html"), html.encode("cp1252"))
    assert result.title == "Council’s “good” rating"
    assert "“We are proud" in result.text


def test_html_without_article_text():
    html = "<!DOCTYPE html><html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(InputError) as err:
        read_input(Path("empty.html"), html.encode())
    assert (err.value.stage, err.value.message) == ("read", "no article text found in HTML page")


@pytest.mark.parametrize("start", ["<!DOCTYPE html>", "<html lang='en'>", "\ufeff<!doctype HTML>"])
def test_txt_holding_html_goes_to_html_reader(start):
    html = html_page("Headline here", "2024-02-01", ARTICLE).replace("<!DOCTYPE html>\n<html lang=\"en\">", start
                                                                       + ("<html>" if "DOC" in start.upper()
                                                                          else ""))
    result = read_input(Path("saved.txt"), html.encode("utf-8"))
    assert result.format == "html"
    assert "Advertisement" not in result.text and ARTICLE[0] in result.text


# --- text -------------------------------------------------------------------------------------------

def test_utf8_text_kept_as_is():
    text = "Headline\n\n" + "\n\n".join(ARTICLE) + "\n"
    result = read_input(Path("a.txt"), text.encode("utf-8"))
    assert (result.text, result.format, result.encoding, result.notes) == (text, "txt", "utf-8", [])


def test_utf8_bom_is_stripped():
    result = read_input(Path("a.txt"), b"\xef\xbb\xbfCamden was judged good.\r\nSecond line.\r\n")
    assert result.text == "Camden was judged good.\nSecond line.\n"
    assert result.encoding == "utf-8"
    assert any("byte order mark" in n for n in result.notes)


@pytest.mark.parametrize(
    "text",
    [
        "The council\u2019s director said: \u201cWe are delighted with the \u2018good\u2019 rating.\u201d",
        "Inspectors said the service was \u201cgood\u201d \u2013 a rise from 2019 \u2026 costs were \u00a32m.",
        "Caf\u00e9 r\u00e9sum\u00e9 na\u00efve \u2018quoted\u2019 words in a short note.",
    ],
)
def test_cp1252_curly_quotes_decoded(text):
    data = text.encode("cp1252")
    assert b"\x91" in data or b"\x93" in data or b"\x96" in data
    result = read_input(Path("note.txt"), data)
    assert result.text == text
    assert result.encoding == "cp1252"
    assert any("cp1252" in n and "fallback" in n for n in result.notes)


def test_markdown_markup_removed():
    md = "# Camden rated good\n\nThe **council** was [praised](https://example.org) by inspectors.\n"
    result = read_input(Path("a.md"), md.encode())
    assert result.format == "md" and result.title == "Camden rated good"
    assert result.text == "Camden rated good\n\nThe council was praised by inspectors.\n"


# --- rejected inputs --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "data", "stage", "fragment"),
    [
        ("empty.txt", b"", "read", "empty file"),
        ("blank.txt", b"  \n\r\n\t ", "read", "empty file"),
        ("data.txt", b"abc\x00\x01\x02def" * 10, "decode", "binary"),
        ("image.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "decode", "PNG"),
        ("letter.txt", b"PK\x03\x04" + b"\x14\x00" * 40, "decode", "Word"),
        ("sheet.xyz", b"some text", "read", "unsupported file type .xyz; supported: .htm, .html, .md, .pdf, .txt"),
        ("noext", b"some text", "read", "unsupported file type (no extension)"),
    ],
)
def test_rejected_inputs(name, data, stage, fragment):
    with pytest.raises(InputError) as err:
        read_input(Path(name), data)
    assert err.value.stage == stage
    assert fragment in err.value.message


def test_too_large_rejected_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: no 20 MiB write
    with pytest.raises(InputError) as err:
        read_input(path)
    assert err.value.stage == "read" and "too large" in err.value.message


def test_too_large_bytes_rejected():
    with pytest.raises(InputError) as err:
        read_input(Path("huge.txt"), b"a" * (MAX_BYTES + 1))
    assert "too large" in err.value.message


def test_missing_file_is_a_read_error(tmp_path):
    with pytest.raises(InputError) as err:
        read_input(tmp_path / "gone.txt")
    assert err.value.stage == "read"


def test_supported_extensions():
    assert SUPPORTED_EXTENSIONS == frozenset({".txt", ".md", ".pdf", ".html", ".htm"})


# --- the same text in every format ------------------------------------------------------------------

def test_pdf_and_html_give_the_paragraphs_of_the_text_version(tmp_path):
    headline = "Northshire children’s services rated good"
    txt = read_input(Path("a.txt"), ("\n\n".join([headline, *ARTICLE])).encode()).text
    more = [f"Paragraph {n} of the report describes the work of team {n} with families in the area." for n in range(40)]
    pdf = read_input(make_pdf(tmp_path / "a.pdf", [headline, *ARTICLE, *more], page_break_inside=3)).text
    html = read_input(make_html(tmp_path / "a.html", headline, "2024-01-01", ARTICLE)).text
    assert html == txt
    assert pdf.split("\n\n")[: len(ARTICLE) + 1] == txt.split("\n\n")
