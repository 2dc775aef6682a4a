"""The register of personal data: every personal-looking field is declared, the detector finds one that
is not, the declarations are consistent, and docs/personal-data-register.md matches the code."""

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import models
from django.test.utils import isolate_apps
from django.utils import translation

from beian.accounts.models import User
from beian.core import personal_data_register
from beian.core.personal_data import (
    RETENTION_SETTINGS,
    Category,
    NotPersonal,
    PersonalData,
    Protection,
    Reader,
    Retention,
    check_models,
    declarations,
    looks_personal,
    project_models,
    register,
)
from beian.sponsors.models import SponsorEntity


def test_every_field_that_looks_personal_is_declared():
    problems = check_models()
    assert problems.unmarked == [], (
        "Declare these fields in their model's PERSONAL_DATA (PersonalData or NotPersonal with a reason), "
        "then run `manage.py personal_data_register --write`")
    assert problems.stale == [], "PERSONAL_DATA names fields that do not exist"


def test_the_walk_covers_every_app_of_the_project():
    labels = {model._meta.app_label for model in project_models()}
    assert {"accounts", "core", "sponsors", "filings", "notifications", "unregistered", "legacy",
            "inspections", "cancellations", "review"} <= labels
    assert all(model.__module__.startswith("beian.") for model in project_models())


def test_a_known_personal_field_is_flagged_when_its_declaration_is_removed(monkeypatch):
    without_mobile = {name: marker for name, marker in declarations(User).items() if name != "mobile"}
    monkeypatch.setattr(User, "PERSONAL_DATA", without_mobile)
    assert check_models([User]).unmarked == ["accounts.User.mobile"]


def test_a_declaration_of_a_field_that_does_not_exist_is_reported(monkeypatch):
    monkeypatch.setattr(SponsorEntity, "PERSONAL_DATA", {
        **declarations(SponsorEntity), "fax": NotPersonal("gone")})
    assert check_models([SponsorEntity]).stale == ["sponsors.SponsorEntity.fax"]


@isolate_apps("beian.core")
def test_the_detector_judges_a_new_model_by_field_names_and_kinds():
    class Volunteer(models.Model):
        guardian_phone = models.CharField(max_length=20)
        home_address = models.CharField(max_length=200)
        contact_email = models.EmailField()
        id_photo = models.ImageField()
        last_seen_ip = models.GenericIPAddressField()
        account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
        to = models.CharField(max_length=20)
        # Not personal by their look: a code list, a description, flags and dates.
        certificate_type = models.ForeignKey("core.CertificateType", on_delete=models.PROTECT)
        description = models.TextField()
        to_status = models.CharField(max_length=10)
        phone_verified_at = models.DateTimeField()
        same_as_person_in_charge = models.BooleanField()

        class Meta:
            app_label = "core"

    flagged = [name.rsplit(".", 1)[1] for name in check_models([Volunteer]).unmarked]
    assert flagged == ["guardian_phone", "home_address", "contact_email", "id_photo", "last_seen_ip",
                       "account", "to"]

    Volunteer.PERSONAL_DATA = {
        name: PersonalData(Category.CONTACT, Protection.PLAIN, (Reader.OWNER,), Retention.ACCOUNT)
        for name in flagged}
    assert check_models([Volunteer]).unmarked == []
    assert [entry.field_name for entry in register([Volunteer])] == flagged


def test_name_words_are_compared_whole():
    description = models.TextField(name="description")
    description.name = "description"
    shipping = models.CharField(name="shipping_zip", max_length=10)
    shipping.name = "shipping_zip"
    assert not looks_personal(description) and not looks_personal(shipping)


def test_declarations_are_well_formed():
    entries = register()
    assert len(entries) > 50
    for entry in entries:
        marker = entry.marker
        where = f"{entry.model_label}.{entry.field_name}"
        assert marker.readers and all(isinstance(reader, Reader) for reader in marker.readers), where
        assert isinstance(marker.category, Category) and isinstance(marker.retention, Retention), where
        assert isinstance(marker.protection, Protection), where
        # SPEC §8: sensitive information is never stored as plain text.
        if marker.sensitive:
            assert marker.protection != Protection.PLAIN, where
    assert set(RETENTION_SETTINGS) <= set(Retention)
    assert all(name.endswith(("_DAYS", "_HOURS")) for names in RETENTION_SETTINGS.values() for name in names)


def test_certificate_numbers_and_id_photos_are_sensitive_and_protected():
    """SPEC §8 names them: every encrypted certificate number and every ID photo is in the register as
    sensitive, encrypted or in private storage."""
    entries = {f"{entry.model_label}.{entry.field_name}": entry.marker for entry in register()}
    numbers = {name: marker for name, marker in entries.items() if name.endswith("number_encrypted")}
    assert len(numbers) >= 6  # the sponsor's two, the identity change, the leader, two imports
    assert all(marker.sensitive and marker.protection == Protection.ENCRYPTED for marker in numbers.values())
    for name in ("sponsors.SponsorDocument.file", "filings.LeaderDocument.file"):
        assert entries[name].sensitive and entries[name].protection == Protection.PRIVATE_FILE
    for name in ("sponsors.SponsorEntity.person_certificate_hash", "filings.WebsiteLeader.certificate_hash"):
        assert entries[name].protection == Protection.KEYED_HASH and entries[name].readers == (Reader.NOBODY,)


def test_the_committed_document_is_the_generated_one():
    assert personal_data_register.DOCUMENT_PATH.read_text(encoding="utf-8") == \
        personal_data_register.render_markdown(), "run `manage.py personal_data_register --write`"
    call_command("personal_data_register", "--check")


def test_the_document_is_the_same_whatever_language_is_active():
    with translation.override("zh-hans"):
        text = personal_data_register.render_markdown()
    assert text == personal_data_register.render_markdown()
    assert "encrypted, shown masked" in text and "加密" not in text


def test_the_command_writes_the_document_and_check_fails_when_it_drifts(tmp_path, monkeypatch, capsys):
    from beian.core.management.commands import personal_data_register as command

    document = tmp_path / "register.md"
    monkeypatch.setattr(command, "DOCUMENT_PATH", document)
    with pytest.raises(CommandError, match="out of date"):
        call_command("personal_data_register", "--check")
    call_command("personal_data_register", "--write")
    text = document.read_text(encoding="utf-8")
    assert "| `sponsors.SponsorEntity` | `person_certificate_number_encrypted`" in text
    assert "`RETENTION_CANCELLED_SPONSOR_DOCUMENTS_DAYS`" in text
    call_command("personal_data_register", "--check")
    document.write_text(text.replace("| yes |", "| no |", 1), encoding="utf-8")
    with pytest.raises(CommandError, match="out of date"):
        call_command("personal_data_register", "--check")
    capsys.readouterr()
    call_command("personal_data_register")
    assert capsys.readouterr().out == text


def test_the_command_refuses_to_write_while_a_field_is_undeclared(tmp_path, monkeypatch):
    from beian.core.management.commands import personal_data_register as command

    monkeypatch.setattr(command, "DOCUMENT_PATH", tmp_path / "register.md")
    monkeypatch.setattr(User, "PERSONAL_DATA", {
        name: marker for name, marker in declarations(User).items() if name != "real_name"})
    with pytest.raises(CommandError, match="accounts.User.real_name"):
        call_command("personal_data_register", "--write")
    assert not (tmp_path / "register.md").exists()


def test_every_retention_rule_names_a_setting_that_exists():
    from django.conf import settings as django_settings

    from beian.core.personal_data import RETENTION_SETTINGS

    named = {name for names in RETENTION_SETTINGS.values() for name in names}
    assert named and all(hasattr(django_settings, name) for name in named), sorted(
        name for name in named if not hasattr(django_settings, name))
