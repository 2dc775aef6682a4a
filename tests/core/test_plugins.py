"""The registry apps plug into (ADR 0106): by key, in registration order, idempotent."""

import pytest

from beian.core.plugins import Registry
from beian.core.reference.loader import reference_loaders
from beian.filings.changes import change_blockers
from beian.review.kinds import review_kinds


def test_entries_by_key_in_registration_order():
    registry = Registry("test plug-ins")
    registry.register("b", 2)
    registry.register("a", 1)
    assert registry["a"] == 1 and registry.get("b") == 2 and registry.get("c") is None
    assert list(registry) == [2, 1] and registry.keys() == ["b", "a"]
    assert "a" in registry and "c" not in registry


def test_registering_again_replaces_in_place():
    registry = Registry("test plug-ins")
    registry.register("a", 1)
    registry.register("b", 2)
    registry.register("a", 3)  # a second AppConfig.ready()
    assert list(registry) == [3, 2]


def test_a_missing_key_names_the_registry():
    registry = Registry("test plug-ins")
    registry.register("a", 1)
    with pytest.raises(KeyError, match="'z' in test plug-ins; registered: a"):
        registry["z"]


def test_the_apps_plug_in_at_start_up():
    assert reference_loaders.keys() == ["review"]
    assert change_blockers.keys() == ["cancellations"]
    assert [d.name for d in review_kinds["claim"].decisions][:3] == ["approve", "return", "face_review"]
