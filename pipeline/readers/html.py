"""HTML pages: the article body via trafilatura, plus headline and published date from the page's metadata.

Headline: og:title, else the first <h1>, else trafilatura's title, else <title> without its " | Site" tail.
Published: article:published_time (and similar meta), else <time datetime>, else trafilatura (htmldate).
The text starts with the headline as its own paragraph (the cleaner's contract) and has one paragraph per
"\n\n"; navigation, adverts, comments and related links are left out by trafilatura (comments explicitly).
"""

from __future__ import annotations

import re

import lxml.html
import trafilatura

from pipeline.readers.base import InputError, ReadResult
from pipeline.readers.text import decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_DATE_META = (
    "article:published_time", "og:published_time", "datePublished", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "pubdate", "publish-date", "publication_date", "sailthru.date", "parsely-pub-date",
)
_MIN_WORDS = 8  # fewer words than this is a menu or an error page, not an article
_ISO_DATE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_TITLE_TAIL = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014]{2,60}$")


def decode_html(data: bytes) -> tuple[str, str, list[str]]:
    m = _META_CHARSET.search(data[:4096])
    return decode_bytes(data, declared=m.group(1).decode("ascii", "ignore") if m else None)


def read_html(html: str, encoding: str | None, notes: list[str]) -> ReadResult:
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise InputError("decode", f"HTML could not be parsed: {exc}") from exc
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
    )
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise InputError("read", "no article text found in HTML page")
    title = _title(tree, getattr(doc, "title", None))
    published = _published(tree) or _iso(getattr(doc, "date", None))
    paragraphs = [re.sub(r"\s+", " ", line).strip() for line in body.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if sum(len(p.split()) for p in paragraphs if not title or _norm(p) != _norm(title)) < _MIN_WORDS:
        raise InputError("read", "no article text found in HTML page")
    if title and (not paragraphs or _norm(paragraphs[0]) != _norm(title)):
        paragraphs.insert(0, title)
    return ReadResult(
        text="\n\n".join(paragraphs), format="html", encoding=encoding, title=title, published=published,
        notes=notes,
    )


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def _first(tree, xpath: str) -> str | None:
    for value in tree.xpath(xpath):
        text = value if isinstance(value, str) else value.text_content()
        text = re.sub(r"\s+", " ", text).strip()
        if text:
            return text
    return None


def _title(tree, extracted: str | None) -> str | None:
    title = _first(tree, "//meta[@property='og:title' or @name='og:title' or @name='twitter:title']/@content")
    title = title or _first(tree, "//h1")
    if not title and extracted:
        title = extracted.strip()
    if not title:
        page_title = _first(tree, "//title")
        if page_title:
            title = _TITLE_TAIL.sub("", page_title)
    return title or None


def _published(tree) -> str | None:
    for name in _DATE_META:
        value = _first(tree, f"//meta[@property='{name}' or @name='{name}' or @itemprop='{name}']/@content")
        if _iso(value):
            return _iso(value)
    for xp in ("//article//time/@datetime", "//time/@datetime", "//*[@itemprop='datePublished']/@datetime"):
        value = _first(tree, xp)
        if _iso(value):
            return _iso(value)
    return None


def _iso(value: str | None) -> str | None:
    m = _ISO_DATE.search(value or "")
    if not m or not (1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31):
        return None
    return m.group(0)
