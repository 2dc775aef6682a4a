"""Geometry of the platform's bar charts: SVG drawn on the server, no JavaScript.

The geometry is computed here, in plain Python, so that a chart can be tested without rendering and
so that the template (templates/includes/bar_chart.html) only draws what it is given. Every chart is
also shown as a table of the same numbers next to it: the SVG is a picture, the table is the data.

Labels are never cut: a label longer than the label column wraps onto more lines (issue 18: every
English agency name used to end as "Cyber Securit…"), and its row grows to hold them. SVG text does
not wrap by itself, so the lines are measured here with a conservative estimate of glyph widths.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

CHART_WIDTH = 640
LABEL_WIDTH = 208
LABEL_GAP = 8  # between the end of a label and the bars
VALUE_GAP = 6  # between the end of a bar and its value
VALUE_ROOM = 80  # right of the longest bar, so that its value fits in the chart
BAR_HEIGHT = 22
PAIRED_BAR_HEIGHT = 16  # two bars per row: thinner, so that a dozen rows stay about one screen high
SERIES_GAP = 2  # between the two bars of one row
ROW_GAP = 6
BASELINE = 0.7  # where the baseline of a 13-px text sits inside a bar, as a share of its height
# The lines of a wrapped label: room for the tall line box of a Chinese font (about 1.45 em at 13 px),
# the baseline 13 units below the top of its line, and a little room above and below the block.
LINE_HEIGHT = 17
LINE_BASELINE = 13
LABEL_PADDING = 3
WIDE_GLYPH = 13  # a Chinese character is as wide as the font is high
# Latin glyphs of a 13-px sans-serif, measured on the wide side so that a line never overruns.
BROAD_GLYPH = 10  # capitals, m and w
NARROW_GLYPH = 7.5  # any other letter, digit or sign
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
# The pieces a label may break between: a Chinese character, a run of other visible characters, spaces.
_PIECES = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+|\s+")


def bar_chart(rows: list[dict], value: str, label: Callable[[dict], str], *,
              second_value: str | None = None) -> dict:
    """Horizontal bars, one row of the chart per row given, top to bottom in the order given.

    `value` is the key of the number drawn; `label(row)` the text left of the bars. With
    `second_value` (the key of a second number, e.g. decided next to submitted) every row has two bars,
    the second under the first; both series share one scale so that their bars compare.

    Bars are proportional to their value, the largest value filling the room left for bars. A bar is
    at least one unit wide, so that a row whose value is zero still shows where it is; when every value
    is zero (or there is no row) nothing is divided by zero, and the chart is at least one unit high
    because an SVG with no height is not drawn at all.

    Returns SVG units: {"rows": [{"label", "label_y", "label_lines": [{"text", "y"}], "bars":
    [{"series": 0 or 1, "value", "y", "text_y", "width", "value_x"}]}], "width", "height",
    "label_width", "label_x", "bar_height"}. `label_y` is the baseline of a one-line label, centred
    on its row; the lines of a wrapped label are centred on the row as a block.
    """
    keys = [value] if second_value is None else [value, second_value]
    bar_height = BAR_HEIGHT if len(keys) == 1 else PAIRED_BAR_HEIGHT
    bars_height = len(keys) * bar_height + (len(keys) - 1) * SERIES_GAP
    largest = max((row[key] for row in rows for key in keys), default=0) or 1
    room = CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM
    drawn = []
    top = 0.0
    for row in rows:
        text = str(label(row))
        lines = wrap_label(text, LABEL_WIDTH - LABEL_GAP)
        block_height = len(lines) * LINE_HEIGHT + 2 * LABEL_PADDING
        row_height = bars_height if len(lines) == 1 else max(bars_height, block_height)
        bars_top = top + (row_height - bars_height) / 2  # the bars stand in the middle of a tall row
        bars = [_bar(series, row[key], _round(bars_top + series * (bar_height + SERIES_GAP)), bar_height,
                     round(room * row[key] / largest)) for series, key in enumerate(keys)]
        # The label is centred on its row, as a bar's text would be if a bar stood in the middle.
        label_y = _round(top + (row_height - bar_height) / 2 + bar_height * BASELINE)
        if len(lines) == 1:
            label_lines = [{"text": lines[0], "y": label_y}]
        else:  # the block of lines centred on the row
            first = top + (row_height - block_height) / 2 + LABEL_PADDING + LINE_BASELINE
            label_lines = [{"text": line, "y": _round(first + number * LINE_HEIGHT)}
                           for number, line in enumerate(lines)]
        drawn.append({"label": text, "label_y": label_y, "label_lines": label_lines, "bars": bars})
        top += row_height + ROW_GAP
    return {"rows": drawn, "width": CHART_WIDTH, "height": max(1, round(top)),
            "label_width": LABEL_WIDTH, "label_x": LABEL_WIDTH - LABEL_GAP, "bar_height": bar_height}


def text_width(text: str) -> float:
    """The width of `text` in 13-px type, erring wide."""
    return sum(_glyph_width(char) for char in text)


def _glyph_width(char: str) -> float:
    if unicodedata.east_asian_width(char) in "WF":
        return WIDE_GLYPH
    return BROAD_GLYPH if char.isupper() or char in "mwMW" else NARROW_GLYPH


def wrap_label(text: str, width: float) -> list[str]:
    """`text` in lines no wider than `width`, broken between words (English) or characters (Chinese);
    a single word wider than a line is broken between its letters. Nothing is left out."""
    lines, line = [], ""
    for piece in _PIECES.findall(text.strip()):
        if text_width(line + piece.rstrip()) <= width:
            line += piece
            continue
        if line.strip():
            lines.append(line.strip())
        line = "" if piece.isspace() else piece
        while text_width(line) > width:  # a word longer than a whole line
            cut = max(1, next(i for i in range(len(line), 0, -1) if text_width(line[:i]) <= width))
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip() or not lines:
        lines.append(line.strip())
    return lines


def _bar(series: int, number, y: float, bar_height: int, length: int) -> dict:
    width = max(1, length)
    return {"series": series, "value": number, "y": y, "text_y": _round(y + bar_height * BASELINE),
            "width": width, "value_x": LABEL_WIDTH + width + VALUE_GAP}


def _round(coordinate: float) -> float:
    """A tenth of a unit is finer than a pixel; fewer digits keep the SVG short and readable."""
    return round(coordinate, 1)
