"""Geometry of the server-drawn bar charts (beian.core.charts)."""

import re

from beian.core import charts
from beian.core.charts import bar_chart

ROOM = charts.CHART_WIDTH - charts.LABEL_WIDTH - charts.VALUE_ROOM


def widths(chart, series=0):
    return [bar["width"] for row in chart["rows"] for bar in row["bars"] if bar["series"] == series]


def test_bars_are_proportional_to_their_values_the_largest_filling_the_room():
    chart = bar_chart([{"n": 100, "name": "a"}, {"n": 50, "name": "b"}, {"n": 25, "name": "c"}], "n",
                      lambda row: row["name"])
    assert widths(chart) == [ROOM, ROOM // 2, ROOM // 4]
    assert [row["label"] for row in chart["rows"]] == ["a", "b", "c"]
    assert [row["bars"][0]["y"] for row in chart["rows"]] == [0, 28, 56]
    assert chart["height"] == 3 * (charts.BAR_HEIGHT + charts.ROW_GAP)
    first = chart["rows"][0]["bars"][0]
    assert first["value"] == 100 and first["value_x"] == charts.LABEL_WIDTH + ROOM + charts.VALUE_GAP
    assert chart["rows"][0]["label_y"] == first["text_y"] == 15.4


def test_zero_values_and_no_rows_divide_nothing_by_zero():
    assert widths(bar_chart([{"n": 0}, {"n": 0}], "n", str)) == [1, 1]  # a sliver shows the row
    assert widths(bar_chart([{"n": 4}, {"n": 0}], "n", str)) == [ROOM, 1]
    empty = bar_chart([], "n", str)
    assert empty["rows"] == [] and empty["height"] == 1 and empty["width"] == charts.CHART_WIDTH


def test_a_second_series_is_drawn_under_the_first_on_the_same_scale():
    rows = [{"week": "11-09", "submitted": 10, "decided": 20},
            {"week": "11-16", "submitted": 0, "decided": 5}]
    chart = bar_chart(rows, "submitted", lambda row: row["week"], second_value="decided")
    assert widths(chart, 0) == [ROOM // 2, 1] and widths(chart, 1) == [ROOM, ROOM // 4]
    first, second = chart["rows"][1]["bars"]
    assert (first["value"], second["value"]) == (0, 5)
    assert second["y"] == first["y"] + chart["bar_height"] + charts.SERIES_GAP
    row_height = 2 * charts.PAIRED_BAR_HEIGHT + charts.SERIES_GAP
    assert chart["height"] == 2 * (row_height + charts.ROW_GAP)
    assert first["y"] < chart["rows"][1]["label_y"] < second["text_y"]  # the label sits between the bars


LONG_AGENCY = "Cyber Security Brigade, Chaoyang District Public Security Sub-bureau, Beijing City"


def test_a_long_label_wraps_onto_lines_that_fit_the_label_column_and_its_row_grows():
    chart = bar_chart([{"n": 3, "name": LONG_AGENCY}, {"n": 1, "name": "朝阳区"}], "n",
                      lambda row: row["name"])
    long_row, short_row = chart["rows"]
    lines = [line["text"] for line in long_row["label_lines"]]
    assert len(lines) > 1 and " ".join(lines) == LONG_AGENCY
    assert all(charts.text_width(line) <= charts.LABEL_WIDTH - charts.LABEL_GAP for line in lines)
    assert long_row["label_lines"][0]["y"] > 0  # the first line starts inside the chart
    assert short_row["label_lines"] == [{"text": "朝阳区", "y": short_row["label_y"]}]
    assert short_row["bars"][0]["y"] >= len(lines) * charts.LINE_HEIGHT  # below the long label
    assert chart["height"] >= short_row["bars"][0]["y"] + charts.BAR_HEIGHT


def test_the_drawn_svg_holds_every_label_whole():
    from django.template.loader import render_to_string

    chart = bar_chart([{"n": 3, "name": LONG_AGENCY}, {"n": 1, "name": "北京市公安局朝阳分局网安大队"}], "n",
                      lambda row: row["name"])
    svg = render_to_string("includes/bar_chart.html", {"chart": chart, "chart_id": "c", "title": "t"})
    labels = re.findall(r'<text class="label"[^>]*>(.*?)</text>', svg)
    whole = [" ".join(re.findall(r"<tspan[^>]*>(.*?)</tspan>", label)) or label for label in labels]
    assert whole == [LONG_AGENCY, "北京市公安局朝阳分局网安大队"]
    assert "…" not in svg and "..." not in svg
