"""Plain text and Markdown: byte decoding shared by every text-based reader.

UTF-8 first (a BOM is dropped); otherwise charset-normalizer's guess, except that Western single-byte guesses
become cp1252, because council documents saved from Word use cp1252 curly quotes (0x91-0x94) that latin-1
would turn into control characters.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from pipeline.readers.base import InputError, ReadResult

# Guesses that mean "some Western European single-byte code page": decode those as cp1252.
_WESTERN = {
    "ascii", "cp1252", "latin_1", "iso8859_1", "iso8859_15", "cp850", "cp437", "mac_roman", "iso8859_9",
    "cp1254", "cp1250", "iso8859_2", "windows_1252", "mac_latin2", "cp858", "iso8859_3",
}
# Languages written in Latin script: a guess in a non-Western code page but one of these languages is
# charset-normalizer hedging on a short text, and cp1252 reads it as well.
_LATIN_LANGS = {"English", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch", "Unknown", ""}

_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive or Word/Excel (.docx/.xlsx) document; save it as PDF or plain text"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Excel (.doc/.xls) document; save it as PDF or plain text"),
    (b"\x89PNG", "a PNG image; OCR is not supported"),
    (b"\xff\xd8\xff", "a JPEG image; OCR is not supported"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document; save it as PDF or plain text"),
)


def check_not_binary(data: bytes) -> None:
    """Raise InputError("decode") for bytes that are not text (known binary formats, NUL bytes)."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError("decode", f"binary file: looks like {what}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in data[:65536] or b"\x00" in data[-65536:]:
        raise InputError("decode", "binary file (contains NUL bytes); expected text, Markdown, HTML or PDF")


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Decode text bytes: (text, encoding, notes). `declared` is a charset the document names (HTML meta)."""
    notes: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        notes.append("UTF-8 byte order mark removed")
        text, enc = data[3:].decode("utf-8", errors="replace"), "utf-8"
        if "\ufffd" in text:
            notes.append("invalid UTF-8 bytes replaced")
        return text, enc, notes
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), "utf-16", notes
    try:
        return data.decode("utf-8"), "utf-8", notes
    except UnicodeDecodeError:
        pass
    if declared:
        enc = _codec_name(declared)
        if enc and enc not in ("utf_8", "utf-8"):
            if enc in _WESTERN:
                enc = "cp1252"
            try:
                text = data.decode(enc)
                notes.append(f"decoded as {enc} (declared by the document)")
                return text, enc, notes
            except UnicodeDecodeError:
                pass
    enc = _guess(data)
    text = data.decode(enc, errors="replace")
    notes.append(f"decoded as {enc} (fallback: not valid UTF-8)")
    if "\ufffd" in text:
        notes.append("undecodable bytes replaced with U+FFFD")
    return text, enc, notes


def _codec_name(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().lower()).name.replace("-", "_")
    except LookupError:
        return None


def _guess(data: bytes) -> str:
    best = from_bytes(data[:200_000]).best()
    cp1252_ok = _decodes(data, "cp1252")
    if best is None:
        return "cp1252" if cp1252_ok else "latin_1"
    enc = _codec_name(best.encoding) or best.encoding
    if cp1252_ok and (enc in _WESTERN or (best.language or "") in _LATIN_LANGS):
        return "cp1252"
    return enc


def _decodes(data: bytes, enc: str) -> bool:
    try:
        data.decode(enc)
    except UnicodeDecodeError:
        return False
    return True


_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")


def normalise_newlines(text: str) -> str:
    # `in` runs at C speed; the alternation regex costs a pass per character even when nothing matches
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        return _NEWLINES.sub("\n", text)
    return text


def read_text(text: str, encoding: str, notes: list[str], fmt: str) -> ReadResult:
    """A decoded .txt or .md file. Markdown loses its markup (headings, links, bold) but keeps its words."""
    text = normalise_newlines(text)
    title = None
    if fmt == "md":
        lines = []
        for line in text.split("\n"):
            m = _MD_HEADING.match(line)
            if m:
                line = m.group(1)
                if title is None and line.strip():
                    title = line.strip()
            elif _MD_RULE.match(line):
                line = ""
            line = _MD_IMAGE.sub("", line)
            line = _MD_LINK.sub(r"\1", line)
            line = _MD_EMPHASIS.sub(r"\2", line)
            lines.append(line)
        text = "\n".join(lines)
    if not text.strip():
        raise InputError("read", "empty file (only whitespace)")
    return ReadResult(text=text, format=fmt, encoding=encoding, title=title, notes=notes)
