"""Every catalog is complete and its compiled .mo (committed: fresh machines have no gettext) matches."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = sorted(ROOT.glob("beian/**/locale/*/LC_MESSAGES/django.po"))


def test_there_are_catalogs():
    assert len(CATALOGS) >= 1


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_message_is_translated(po_path):
    catalog = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalog if not entry.translated() and not entry.obsolete]
    assert not untranslated, f"untranslated in {po_path.name}: {untranslated[:10]}"


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_compiled_catalog_matches(po_path):
    source = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(po_path)) if e.translated()}
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(po_path.with_suffix(".mo")))
                if e.msgid}
    assert compiled == source, "run `make messages` (or compile the catalog) and commit the .mo"
