"""Shared bits of the retention tests: moments around a rule's cutoff, stored file names."""

import datetime

from django.conf import settings
from django.core.files.storage import default_storage

from beian.retention import services

SECOND = datetime.timedelta(seconds=1)


def days(setting: str) -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, setting))


def on_the_cutoff(moment: datetime.datetime, setting: str) -> datetime.datetime:
    """The run at which a row stamped `moment` is exactly as old as the figure: not yet due."""
    return moment + days(setting)


def just_past(moment: datetime.datetime, setting: str) -> datetime.datetime:
    return on_the_cutoff(moment, setting) + SECOND


def outcome(outcomes, rule_name: str):
    return next(found for found in outcomes if found.rule.name == rule_name)


def run(now, **kwargs):
    return services.apply_retention(now=now, **kwargs)


def stored(*field_files) -> list[str]:
    names = [field_file.name for field_file in field_files]
    assert names and all(default_storage.exists(name) for name in names)
    return names


def all_gone(names) -> bool:
    return not any(default_storage.exists(name) for name in names)
