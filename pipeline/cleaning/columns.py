"""Re-join table cells that a PDF's layout-preserving text export wrapped over several lines.

Ofsted reports come as PDFs; exported with their layout, a judgement table's two columns wrap side by side:

    The experiences and progress of children who need      Requires improvement
    help and protection                                    to be good

Read line by line this is "... who need Requires improvement help and protection to be good": a grade in the
middle of a judgement name, and a stray "good". Here each row's left cells and right cells are put back
together: "The experiences and progress of children who need help and protection   Requires improvement to be
good". Only short blocks whose right-hand cells line up in one column are touched, so justified prose (which
also has runs of spaces, at varying places) is left alone.

A comparison table with one grade column per inspection ("Judgement  2019  2024") is joined the same way when
its wrapped lines carry only the left cell: each row keeps its right-hand cells, in order.

The rows of an aligned table of three or more columns ("Blackpool   Standard   Inadequate (2018)   Good") keep their
cell boundaries as " | " (mark_aligned_cells): once runs of spaces collapse, "Blackpool Standard Inadequate" would
read as one name ("Blackpool Standard") followed by a grade.
"""

from __future__ import annotations

import re

_GAP = re.compile(r"(?<=\S)(?: {3,}|\t+)(?=\S)")  # a column gap between two cells
_MAX_BLOCK_LINES = 14  # a table's rows wrap over a few lines each; a longer block is prose or a list
_MAX_RIGHT_WORDS = 6  # right-hand cells are grades or short values ("Requires improvement")
_MIN_RIGHT_INDENT = 10  # a right-only line starts far to the right
_COLUMN_SLACK = 3  # right-hand cells of one table start within this many characters of each other
_MIN_TABLE_CELLS = 3  # a name and two values: fewer is a label and its value, which reads fine collapsed


def _layout(line: str) -> tuple[str, int, list[re.Match]]:
    """(the line without its indent, the indent, its column gaps), tabs expanded."""
    expanded = line.expandtabs(8)
    stripped = expanded.lstrip(" ")
    return stripped, len(expanded) - len(stripped), list(_GAP.finditer(stripped))


def _cells(line: str) -> tuple[str, str, int, int] | None:
    """(left text, right cells joined by a column gap, right column, number of right cells) of a line, or None
    when it cannot be a table row."""
    stripped, indent, gaps = _layout(line)
    if gaps:
        g = gaps[0]
        if indent >= _MIN_RIGHT_INDENT:
            return None  # an indented line with a gap: not a row of a table with a left column
        rights = [stripped[a.end():b.start() if b else None].strip() for a, b in zip(gaps, gaps[1:] + [None])]
        return stripped[:g.start()].strip(), "   ".join(rights), indent + g.end(), len(rights)
    if indent >= _MIN_RIGHT_INDENT:
        return "", stripped.strip(), indent, 1
    return stripped.strip(), "", -1, 0


def _merge_block(lines: list[str]) -> list[str]:
    cells = [_cells(line) for line in lines]
    if any(c is None for c in cells):
        return lines
    right_cols = [c[2] for c in cells if c[1]]
    if not any(c[0] and c[1] for c in cells) or len(cells) < 2:
        return lines  # no row with both cells, or nothing wrapped
    if max(right_cols) - min(right_cols) > _COLUMN_SLACK:
        return lines
    if any(len(cell.split()) > _MAX_RIGHT_WORDS for c in cells for cell in c[1].split("   ")):
        return lines
    ncols = {c[3] for c in cells if c[1]}
    if len(ncols) > 1 or ncols != {1} and any(c[1] and not c[0] for c in cells):
        return lines  # several value columns: every row has all of them, and wrapped lines only a left cell
    if len(cells) > 8 and ncols == {1}:
        return lines  # a long two-column block is a list, not a wrapped table
    rows: list[tuple[list[str], list[str]]] = []
    for left, right, _, _ in cells:
        # a row starts with a left cell that does not start lower case ("2.1 Adoption performance"); a lower-case
        # or empty left cell continues the row above, and so does a row's first right cell
        if not rows or left and not left[:1].islower() and (rows[-1][1] or not right):
            rows.append(([], []))
        if left:
            rows[-1][0].append(left)
        if right:
            rows[-1][1].append(right)
    if len(rows) == len(lines):
        return lines  # nothing wrapped
    return [" ".join(lt) + ("   " + " ".join(rt) if rt else "") for lt, rt in rows]


def merge_wrapped_cells(text: str) -> str:
    """The text with wrapped two-column table rows joined (see the module docstring); other text unchanged."""
    if "   " not in text and "\t" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if 2 <= len(block) <= _MAX_BLOCK_LINES and any(_GAP.search(x.strip()) for x in block):
            out.extend(_merge_block(block))
        else:
            out.extend(block)
        block.clear()

    for line in lines:
        if line.strip():
            block.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def _cell_starts(line: str) -> list[int]:
    """Columns where the cells of a line start (tabs expanded); one entry for a line without a column gap."""
    _, indent, gaps = _layout(line.rstrip())
    return [indent] + [indent + g.end() for g in gaps]


def _aligned(rows: list[list[int]]) -> bool:
    """Every row's cells start where the widest row's do (within the slack), and two rows have 3+ cells."""
    if sum(len(r) >= _MIN_TABLE_CELLS for r in rows) < 2:
        return False
    columns = max(rows, key=len)
    return all(any(abs(c - k) <= _COLUMN_SLACK for k in columns) for r in rows for c in r)


def mark_aligned_cells(text: str) -> str:
    """The text with " | " between the cells of aligned tables of three or more columns (module docstring)."""
    if "   " not in text and "\t" not in text:
        return text
    lines = text.split("\n")
    out = list(lines)
    run: list[int] = []

    def flush() -> None:
        if len(run) >= 2 and _aligned([_cell_starts(lines[i]) for i in run]):
            for i in run:
                out[i] = " | ".join(c.strip() for c in _GAP.split(lines[i].strip()))
        run.clear()

    for i, line in enumerate(lines):
        if line.strip() and _GAP.search(line.strip()):
            run.append(i)
        else:
            flush()
    flush()
    return "\n".join(out)
