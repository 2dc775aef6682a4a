import pytest
from django.core.management import CommandError, call_command

from beian.unregistered.models import UnregisteredWebsite
from tests.unregistered.helpers import csv_bytes, row

pytestmark = pytest.mark.usefixtures("reference_data")


def test_import_command_imports_and_writes_the_error_report(tmp_path, capsys):
    source, errors = tmp_path / "sites.csv", tmp_path / "errors.csv"
    source.write_bytes(csv_bytes([row("a.cn"), row("b.cn", ip="bad")], bom=True))
    call_command("import_unregistered", str(source), "--errors", str(errors))
    assert "imported 1, updated 0, rejected rows 1" in capsys.readouterr().out
    assert UnregisteredWebsite.objects.count() == 1
    assert "3,ip," in errors.read_bytes().decode("utf-8-sig")


def test_import_command_scoped_to_an_agency(tmp_path):
    source = tmp_path / "sites.csv"
    source.write_bytes(csv_bytes([row("a.cn"), row("b.cn", agency_code="330106")]))
    call_command("import_unregistered", str(source), "--agency", "110000")
    assert list(UnregisteredWebsite.objects.values_list("domain", flat=True)) == ["a.cn"]


def test_import_command_reports_file_problems(tmp_path):
    source = tmp_path / "sites.csv"
    source.write_bytes(b"domain\nexample.cn\n")
    with pytest.raises(CommandError, match="Required columns are missing"):
        call_command("import_unregistered", str(source))
    with pytest.raises(CommandError):
        call_command("import_unregistered", str(tmp_path / "missing.csv"))
    with pytest.raises(CommandError, match="No agency"):
        call_command("import_unregistered", str(source), "--agency", "999999")
