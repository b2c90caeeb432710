"""Builders for realistic test inputs: Ofsted-style PDFs (fpdf2) and news pages with clutter (HTML).

Used by tests/test_readers.py and by end-to-end tests that check a PDF or HTML rendering of a text gives
the same rows as the plain-text version. Everything is generated here: no fixture files, no network.
"""

from __future__ import annotations

import html as _html
import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from fpdf import FPDF

# A paragraph is a string; a tuple of strings is one table row (consecutive rows form one table).
Block = str | tuple[str, ...]

OFSTED_FOOTER = "{authority} inspection of children's social care services"


class _ReportPDF(FPDF):
    def __init__(self, header_text: str | None, footer_text: str | None, page_numbers: str | None):
        super().__init__(format="A4")
        self.header_text = header_text
        self.footer_text = footer_text
        self.page_numbers = page_numbers
        self.core_fonts_encoding = "cp1252"  # lets Helvetica draw curly quotes, dashes and the pound sign

    def header(self):
        if self.header_text:
            self.set_font("helvetica", size=8)
            self.cell(0, 6, self.header_text, align="L")
            self.ln(10)

    def footer(self):
        self.set_y(-15)
        self.set_font("helvetica", size=8)
        if self.footer_text:
            self.cell(0, 5, self.footer_text.format(page=self.page_no()), align="L")
            self.set_x(self.l_margin)
        if self.page_numbers:
            self.cell(0, 5, self.page_numbers.format(page=self.page_no(), nb="{nb}"), align="R")


def pdf_bytes(
    paragraphs: Sequence[Block],
    page_break_after: int | None = None,
    *,
    page_break_inside: int | None = None,
    title: str | None = None,
    created: datetime | None = None,
    header: str | None = None,
    footer: str | None = None,
    page_numbers: str | None = "Page {page} of {nb}",
    font_size: float = 11,
    align: str = "L",
    paragraph_gap: bool = True,
) -> bytes:
    """Lay out paragraphs and table rows as a report PDF and return its bytes.

    page_break_after=i forces a new page after block i; page_break_inside=i breaks the page in the middle of
    paragraph i, between two words (a sentence split across pages). Long texts also break pages by themselves,
    often mid-sentence, as real reports do. header/footer are repeated on every page ("{page}" is replaced);
    page_numbers is drawn at the bottom right ("{page}", "{nb}" = total pages). title/created go into the
    PDF metadata (Title, CreationDate; without `created` the PDF has no CreationDate). align="J" justifies
    the text; paragraph_gap=False leaves no extra space between paragraphs. Characters that Helvetica's cp1252
    set lacks (emoji, some symbols) are dropped.
    """
    paragraphs = [
        tuple(_cp1252(c) for c in b) if isinstance(b, tuple) else _cp1252(b) for b in paragraphs
    ]
    pdf = _ReportPDF(header, footer, page_numbers)
    pdf.set_auto_page_break(True, margin=22)
    if title:
        pdf.set_title(title)
    if created:
        pdf.set_creation_date(created)
    pdf.add_page()
    pdf.set_font("helvetica", size=font_size)
    line_h = font_size * 0.5
    width = pdf.w - pdf.l_margin - pdf.r_margin
    i = 0
    while i < len(paragraphs):
        block = paragraphs[i]
        if isinstance(block, tuple):
            rows = []
            while i < len(paragraphs) and isinstance(paragraphs[i], tuple):
                rows.append(paragraphs[i])
                i += 1
            ncols = max(len(r) for r in rows)
            widths = [width * 0.72] + [width * 0.28 / (ncols - 1)] * (ncols - 1) if ncols > 1 else [width]
            with pdf.table(col_widths=tuple(widths), first_row_as_headings=False, line_height=line_h + 1) as t:
                for row in rows:
                    r = t.row()
                    for cell in row:
                        r.cell(cell)
            pdf.ln(line_h)
            if page_break_after is not None and i - 1 == page_break_after:
                pdf.add_page()
            continue
        if page_break_inside == i:
            words = block.split(" ")
            half = max(1, len(words) // 2)
            pdf.multi_cell(0, line_h, " ".join(words[:half]), align=align, new_x="LMARGIN", new_y="NEXT")
            pdf.add_page()
            pdf.multi_cell(0, line_h, " ".join(words[half:]), align=align, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(0, line_h, block, align=align, new_x="LMARGIN", new_y="NEXT")
        if paragraph_gap:
            pdf.ln(line_h)
        if page_break_after == i:
            pdf.add_page()
        i += 1
    data = bytes(pdf.output())
    return data if created else _without_creation_date(data)


def _cp1252(text: str) -> str:
    return text.encode("cp1252", errors="ignore").decode("cp1252")


def _without_creation_date(data: bytes) -> bytes:
    """fpdf2 always stamps CreationDate (now); drop it so that the reader's published date stays None."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=io.BytesIO(data))
    info = writer._info.get_object() if writer._info is not None else None
    if info is not None and NameObject("/CreationDate") in info:
        del info[NameObject("/CreationDate")]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_pdf(path: Path, paragraphs: Sequence[Block], page_break_after: int | None = None, **kwargs) -> Path:
    """Write pdf_bytes(...) to path and return the path."""
    path = Path(path)
    path.write_bytes(pdf_bytes(paragraphs, page_break_after, **kwargs))
    return path


def scanned_pdf_bytes(pages: int = 2) -> bytes:
    """A PDF like a scan: each page is a picture (grey lines standing for text), with no text layer."""
    from PIL import Image, ImageDraw

    pdf = FPDF(format="A4")
    for _ in range(pages):
        img = Image.new("L", (620, 877), 255)
        draw = ImageDraw.Draw(img)
        for y in range(60, 800, 22):
            draw.rectangle((50, y, 570 - (y * 7) % 120, y + 9), fill=60)
        pdf.add_page()
        pdf.image(img, x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())


def make_scanned_pdf(path: Path, pages: int = 2) -> Path:
    path = Path(path)
    path.write_bytes(scanned_pdf_bytes(pages))
    return path


def ofsted_report_blocks(authority: str = "Camden") -> list[Block]:
    """A short, realistic ILACS-style report: front matter, judgement table, findings paragraphs."""
    return [
        f"{authority} London Borough Council",
        "Inspection of children's social care services",
        "Inspection dates: 9 October to 20 October 2023",
        "Lead inspector: Naomi Clarke, His Majesty's Inspector",
        ("Judgement", "Grade"),
        ("The impact of leaders on social work practice with children and families", "Outstanding"),
        ("The experiences and progress of children who need help and protection", "Good"),
        ("The experiences and progress of children in care", "Good"),
        ("The experiences and progress of care leavers", "Requires improvement"),
        ("Overall effectiveness", "Good"),
        f"Children in {authority} benefit from a stable, well-led service in which senior leaders know their "
        "strengths and weaknesses well. Since the last inspection in April 2019, when services were judged to be "
        "good, leaders have strengthened early help and reduced the number of children who are re-referred.",
        "Headline findings",
        "Social workers are positive about working for the council and say that their caseloads are "
        "manageable. They describe managers as accessible and supportive, and they receive regular, reflective "
        "supervision that helps them to think about the child’s experience. One social worker told inspectors "
        "that “this is the best place I have worked in twenty years of practice”.",
        "What needs to improve?",
        "The timeliness of initial health assessments for children who come into care, and the quality of "
        "pathway plans for care leavers aged over 21, which are not always updated when circumstances change.",
        "Main findings",
        "Children who need help and protection receive a prompt and proportionate response when concerns are "
        "first raised. Thresholds are well understood by partner agencies, and decisions in the front door are "
        "made by experienced managers who take account of the family’s history. Strategy meetings are held "
        "quickly and are well attended by the police, health and education, so that risks to children are "
        "understood and acted upon. Multi-agency work to tackle exploitation is a strength, with a well-"
        "established panel that tracks the progress of each child and disrupts the activities of adults who "
        "pose a risk to them.",
        "Care leavers are supported by personal advisers who know them well and keep in touch regularly. Most "
        "live in suitable accommodation, and the council has extended its local offer so that young people can "
        "stay with their foster carers up to the age of 21. However, too few care leavers are in education, "
        "employment or training, and leaders recognise that more needs to be done to help them into work.",
    ]


# --- HTML -------------------------------------------------------------------------------------------

def html_page(
    title: str,
    published: str | None,
    paragraphs: Sequence[str],
    *,
    site: str = "Children's Services Weekly",
    clutter: bool = True,
    time_tag: bool = True,
    og_title: bool = True,
    charset: str = "utf-8",
) -> str:
    """A news article page: the headline (h1, og:title, <title>), the published date (meta and <time>), the
    paragraphs in <article>, and, when clutter=True, navigation, adverts, a cookie banner, a newsletter box,
    related links, comments and a footer around it. Paragraphs may contain inline HTML (links, <em>)."""
    esc = _html.escape
    meta = [f'<meta charset="{charset}">', f"<title>{esc(title)} | {esc(site)}</title>"]
    if og_title:
        meta.append(f'<meta property="og:title" content="{esc(title)}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}T09:30:00+00:00">')
    body_paras = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    time_html = (
        f'<p class="byline">By Sam Reporter, <time datetime="{published}">{published}</time></p>'
        if published and time_tag
        else '<p class="byline">By Sam Reporter</p>'
    )
    article = f"""<article class="post">
  <h1 class="headline">{esc(title)}</h1>
  {time_html}
  <div class="entry-content">
{body_paras}
  </div>
</article>"""
    if not clutter:
        return f"<!DOCTYPE html>\n<html lang=\"en\"><head>{''.join(meta)}</head><body>{article}</body></html>\n"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{chr(10).join(meta)}
<script>window.dataLayer = window.dataLayer || []; function track() {{ return 'Subscribe now'; }}</script>
<style>.advert {{ width: 300px; }}</style>
</head>
<body>
<div class="cookie-banner" id="cookie-notice">We use cookies to improve your experience on our website.
  <button>Accept all cookies</button></div>
<header class="site-header">
  <a class="logo" href="/">{esc(site)}</a>
  <nav class="main-nav"><ul>
    <li><a href="/news">News</a></li><li><a href="/social-work">Social work practice</a></li>
    <li><a href="/jobs">Jobs in children's services</a></li><li><a href="/events">Events and training</a></li>
    <li><a href="/subscribe">Subscribe</a></li></ul></nav>
  <div class="advert leaderboard"><a href="https://ads.example/click">Advertisement: Agency social workers
    wanted now, top rates paid weekly, apply today</a></div>
</header>
<main>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/news">News</a></div>
{article}
<aside class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></aside>
<div class="newsletter-signup"><h3>Sign up to our daily newsletter</h3>
  <p>Get the latest children's services news delivered straight to your inbox every morning.</p>
  <form><input type="email"><button>Sign up</button></form></div>
<section class="related-articles"><h2>Related articles</h2><ul>
  <li><a href="/news/1">Council rated inadequate after inspectors find children left at risk</a></li>
  <li><a href="/news/2">Minister announces review of residential care market for looked-after children</a></li>
  <li><a href="/news/3">Social worker vacancies hit record high, survey of directors finds</a></li>
</ul></section>
<section id="comments" class="comments-area"><h2>3 comments</h2><ol class="comment-list">
  <li class="comment"><p class="comment-author">Frontline worker</p>
    <p>I worked there for six years and the managers were always brilliant with the whole team.</p></li>
  <li class="comment"><p class="comment-author">Anon</p>
    <p>Ratings like this never reflect what families actually experience on the ground in my view.</p></li>
</ol></section>
<div class="advert mpu"><p>Advertisement: Fostering agency seeks carers in your area, generous allowances</p></div>
</main>
<footer class="site-footer"><p>Copyright 2024 {esc(site)}. All rights reserved.</p>
  <ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms and conditions</a></li>
  <li><a href="/contact">Contact us</a></li></ul></footer>
</body>
</html>
"""


def make_html(path: Path, title: str, published: str | None, paragraphs: Sequence[str], **kwargs) -> Path:
    """Write html_page(...) to path (in the page's declared charset) and return the path."""
    path = Path(path)
    charset = kwargs.get("charset", "utf-8")
    path.write_bytes(html_page(title, published, paragraphs, **kwargs).encode(charset))
    return path


# Sentences that must never reach the extracted text of html_page(clutter=True).
HTML_CLUTTER_MARKERS = (
    "cookies",
    "Jobs in children's services",
    "Advertisement",
    "Sign up to our daily newsletter",
    "Related articles",
    "Council rated inadequate after inspectors",
    "I worked there for six years",
    "never reflect what families",
    "All rights reserved",
    "Privacy policy",
    "Share on Facebook",
    "Subscribe",
)
