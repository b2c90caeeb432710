"""Shared types of the readers (kept apart from __init__ so the format modules can import them)."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_BYTES: int = 20 * 1024 * 1024
SUPPORTED_EXTENSIONS: frozenset[str] = frozenset({".txt", ".md", ".pdf", ".html", ".htm"})


@dataclass
class ReadResult:
    text: str  # decoded text; for PDF/HTML already reduced to the article/report body
    format: str  # "txt" | "md" | "pdf" | "html"
    encoding: str | None  # detected text encoding where relevant
    title: str | None = None
    published: str | None = None  # ISO YYYY-MM-DD
    notes: list[str] = field(default_factory=list)


class InputError(Exception):
    """An input that cannot be read; `stage` is "read" or "decode", `message` says what to do about it."""

    def __init__(self, stage: str, message: str):
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.message = message
