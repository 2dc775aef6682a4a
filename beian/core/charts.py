"""Geometry of the platform's bar charts: SVG drawn on the server, no JavaScript.

The geometry is computed here, in plain Python, so that a chart can be tested without rendering and
so that the template (templates/includes/bar_chart.html) only draws what it is given. Every chart is
also shown as a table of the same numbers next to it: the SVG is a picture, the table is the data.
"""

from __future__ import annotations

from collections.abc import Callable

CHART_WIDTH = 640
LABEL_WIDTH = 150
LABEL_GAP = 8  # between the end of a label and the bars
VALUE_GAP = 6  # between the end of a bar and its value
VALUE_ROOM = 80  # right of the longest bar, so that its value fits in the chart
BAR_HEIGHT = 22
PAIRED_BAR_HEIGHT = 16  # two bars per row: thinner, so that a dozen rows stay about one screen high
SERIES_GAP = 2  # between the two bars of one row
ROW_GAP = 6
BASELINE = 0.7  # where the baseline of a 13-px text sits inside a bar, as a share of its height


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

    Returns SVG units: {"rows": [{"label", "label_y", "bars": [{"series": 0 or 1, "value", "y",
    "text_y", "width", "value_x"}]}], "width", "height", "label_width", "label_x", "bar_height"}.
    """
    keys = [value] if second_value is None else [value, second_value]
    bar_height = BAR_HEIGHT if len(keys) == 1 else PAIRED_BAR_HEIGHT
    row_height = len(keys) * bar_height + (len(keys) - 1) * SERIES_GAP
    largest = max((row[key] for row in rows for key in keys), default=0) or 1
    room = CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM
    drawn = []
    for index, row in enumerate(rows):
        top = index * (row_height + ROW_GAP)
        bars = [_bar(series, row[key], top + series * (bar_height + SERIES_GAP), bar_height,
                     round(room * row[key] / largest)) for series, key in enumerate(keys)]
        # The label is centred on its row, as a bar's text would be if a bar stood in the middle.
        label_y = _round(top + (row_height - bar_height) / 2 + bar_height * BASELINE)
        drawn.append({"label": label(row), "label_y": label_y, "bars": bars})
    return {"rows": drawn, "width": CHART_WIDTH, "height": max(1, len(rows) * (row_height + ROW_GAP)),
            "label_width": LABEL_WIDTH, "label_x": LABEL_WIDTH - LABEL_GAP, "bar_height": bar_height}


def _bar(series: int, number, y: float, bar_height: int, length: int) -> dict:
    width = max(1, length)
    return {"series": series, "value": number, "y": y, "text_y": _round(y + bar_height * BASELINE),
            "width": width, "value_x": LABEL_WIDTH + width + VALUE_GAP}


def _round(coordinate: float) -> float:
    """A tenth of a unit is finer than a pixel; fewer digits keep the SVG short and readable."""
    return round(coordinate, 1)
