"""The error report of an import (one row per rejected row), for every import kind; written as CSV by
beian.core.tabular (formula-safe)."""

from django.utils.translation import gettext as _


def error_rows(errors):
    yield [_("Row"), _("Column"), _("Problem")]
    for error in errors:
        yield [error["row"], error["field"], error["reason"]]
