"""The retention figures refuse values the law or common sense rules out, naming the variable."""

import pytest

from tests.test_settings import _start


@pytest.mark.parametrize(("name", "value"), [
    ("RETENTION_AUDIT_LOG_DAYS", "182"),  # network logs are kept at least 6 months
    ("RETENTION_OUTBOX_TEXT_DAYS", "-1"),
    ("RETENTION_ABANDONED_DRAFT_DAYS", "half a year"),
])
def test_a_figure_out_of_range_stops_start_up(tmp_path, name, value):
    result = _start(tmp_path, **{name: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and name in result.stderr
