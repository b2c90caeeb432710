"""Input readers: bytes of a .txt/.md/.pdf/.html file -> decoded text for the cleaner.

`read_input` picks the reader from the extension and the bytes: a PDF is read as PDF whatever its name, a .txt
holding an HTML page goes to the HTML reader. Every failure is an InputError whose stage ("read" or "decode")
and message go into the errors table.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.readers.base import MAX_BYTES, SUPPORTED_EXTENSIONS, InputError, ReadResult
from pipeline.readers.text import check_not_binary, decode_bytes, read_text

__all__ = ["MAX_BYTES", "SUPPORTED_EXTENSIONS", "InputError", "ReadResult", "read_input"]

_HTML_START = ("<!doctype html", "<html")


def _too_large(size: int) -> InputError:
    return InputError("read", f"file too large ({size / 1048576:.1f} MiB; the limit is {MAX_BYTES // 1048576} MiB)")


def _looks_like_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2:].lstrip()
    return head.startswith(_HTML_START)


def read_input(path: Path, data: bytes | None = None) -> ReadResult:
    """Read and decode one input file (or its already-loaded bytes) into a ReadResult."""
    path = Path(path)
    ext = path.suffix.lower()
    if data is None:
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise _too_large(size)
            data = path.read_bytes()
        except OSError as exc:
            raise InputError("read", f"cannot read file: {exc.strerror or exc}") from exc
    if not data:
        raise InputError("read", "empty file")
    if len(data) > MAX_BYTES:
        raise _too_large(len(data))

    if b"%PDF-" in data[:1024]:
        from pipeline.readers.pdf import read_pdf

        result = read_pdf(data)
        if ext != ".pdf":
            result.notes.insert(0, f"content is a PDF although the file is named {ext or '(no extension)'}")
        return result
    if ext not in SUPPORTED_EXTENSIONS:
        supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
        raise InputError("read", f"unsupported file type {ext or '(no extension)'}; supported: {supported}")
    if ext == ".pdf":
        raise InputError("decode", "file is named .pdf but is not a PDF (no %PDF- header); it may be a "
                         "download error page or a renamed file")
    check_not_binary(data)

    if ext in (".html", ".htm"):
        from pipeline.readers.html import decode_html, read_html

        text, encoding, notes = decode_html(data)
        return read_html(text, encoding, notes)
    text, encoding, notes = decode_bytes(data)
    if _looks_like_html(text):
        from pipeline.readers.html import decode_html, read_html

        text, encoding, notes = decode_html(data)  # honour the page's own charset declaration
        notes.insert(0, f"{ext} file holds an HTML page: read as HTML")
        return read_html(text, encoding, notes)
    return read_text(text, encoding, notes, "md" if ext == ".md" else "txt")
