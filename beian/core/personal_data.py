"""The register of processing (PIPL art. 51–54): which model fields hold personal data, how each is
protected, who may read it and how long it is kept — declared next to the model, read from there.

A model declares its fields in a class attribute, merged from abstract bases where they share fields:

    PERSONAL_DATA = {
        "mobile": PersonalData(Category.CONTACT, Protection.PLAIN, readers=(Reader.OWNER,),
                               retention=Retention.ACCOUNT),
        "name": NotPersonal(_("the website's name")),
    }

`unmarked_fields()` finds fields that look personal (by name or kind) and have no entry; a test keeps
that list empty, so a new personal field cannot be added without saying what it is
(docs/adr/0104-register-of-personal-data.md).
"""

import re
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    NAME = "name", _("name of a person")
    IDENTIFICATION_NUMBER = "identification_number", _("identification number")
    IDENTITY_DOCUMENT = "identity_document", _("identity document details")
    ID_PHOTO = "id_photo", _("image of an identity document")
    CONTACT = "contact", _("telephone or e-mail")
    ADDRESS = "address", _("postal address")
    ACCOUNT = "account", _("account and credentials")
    ACCOUNT_LINK = "account_link", _("link to a person's account")
    NETWORK = "network", _("network identifier")
    MESSAGE = "message", _("message sent to a person")
    FREE_TEXT = "free_text", _("free text that may name persons")
    DOCUMENT = "document", _("uploaded document")


class Protection(models.TextChoices):
    ENCRYPTED = "encrypted", _("encrypted, shown masked")
    KEYED_HASH = "keyed_hash", _("keyed hash, never shown")
    HASHED = "hashed", _("one-way hash, never shown")
    PRIVATE_FILE = "private_file", _("private storage, served only after a permission check")
    PLAIN = "plain", _("plain, shown only inside its scope")


class Reader(models.TextChoices):
    OWNER = "owner", _("the applicant it belongs to")
    REVIEWER = "reviewer", _("reviewers of the jurisdiction")
    SUPERVISOR = "supervisor", _("supervisors of the jurisdiction")
    SYSTEM_ADMINISTRATOR = "system_administrator", _("system administrator")
    SECURITY_ADMINISTRATOR = "security_administrator", _("security administrator")
    AUDITOR = "auditor", _("auditor")
    NOBODY = "nobody", _("nobody: the platform only compares it")


class Retention(models.TextChoices):
    ACCOUNT = "account", _(
        "While the account exists; closing the account removes its username, mobile and e-mail at once.")
    PENDING_REGISTRATION = "pending_registration", _(
        "While the account exists; an unconfirmed registration is removed after its reservation ends.")
    STAFF_RECORD = "staff_record", _(
        "Kept with the decision or record it belongs to: staff accounts are deactivated, never deleted.")
    VERIFICATION_CODE = "verification_code", _("Until used or expired; then deleted.")
    SPONSOR = "sponsor", _(
        "While the sponsor entity exists; one never submitted is deleted after the retention period.")
    ID_PHOTO = "id_photo", _(
        "Deleted from storage when the retention period after the last website's cancellation ends.")
    FILING = "filing", _(
        "While the website is on record, and after its cancellation (its record number is never reused). "
        "A draft never submitted is deleted after the retention period.")
    OUTBOX = "outbox", _("Recipient and text: for the retention period after sending.")
    AUDIT_LOG = "audit_log", _("At least six months (SPEC §8); the log is append-only.")
    IMPORTED = "imported", _("Kept for the agency's enforcement list; not deleted automatically yet.")
    DATA_EXPORT = "data_export", _("Deleted when its download link expires.")
    IMPORT_FILE = "import_file", _("Deleted by the import task once the file is imported.")


# The settings that give each retention period (issue 15 item 3; beian.retention applies them).
# Names, not values: the register states where the figure is set, the setting states the figure.
RETENTION_SETTINGS = {
    Retention.PENDING_REGISTRATION: ("RETENTION_PENDING_REGISTRATION_DAYS",),
    Retention.VERIFICATION_CODE: ("RETENTION_VERIFICATION_CODE_DAYS",),
    Retention.SPONSOR: ("RETENTION_ABANDONED_DRAFT_DAYS",),
    Retention.ID_PHOTO: ("RETENTION_CANCELLED_SPONSOR_DOCUMENTS_DAYS",),
    Retention.FILING: ("RETENTION_ABANDONED_DRAFT_DAYS",),
    Retention.OUTBOX: ("RETENTION_OUTBOX_TEXT_DAYS",),
    Retention.AUDIT_LOG: ("RETENTION_AUDIT_LOG_DAYS",),
    Retention.DATA_EXPORT: ("DATA_EXPORT_VALID_HOURS",),
}


@dataclass(frozen=True)
class PersonalData:
    """A field that holds personal data. `sensitive`: sensitive personal information (PIPL art. 28),
    here identification numbers, their hashes and images of identity documents (SPEC §8)."""

    category: Category
    protection: Protection
    readers: tuple[Reader, ...]
    retention: Retention
    sensitive: bool = False

    @property
    def retention_settings(self) -> tuple[str, ...]:
        return RETENTION_SETTINGS.get(self.retention, ())


@dataclass(frozen=True)
class NotPersonal:
    """A field whose name looks personal but is not (a website's name, a public office's telephone)."""

    reason: str


Marker = PersonalData | NotPersonal


@dataclass(frozen=True)
class RegisterEntry:
    model: type[models.Model]
    field: models.Field
    marker: PersonalData

    @property
    def model_label(self) -> str:
        return self.model._meta.label

    @property
    def model_name(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def field_name(self) -> str:
        return self.field.name

    @property
    def field_label(self) -> str:
        return str(getattr(self.field, "verbose_name", "") or self.field.name)


@dataclass
class Problems:
    unmarked: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)


# Words of a field name that suggest it holds personal data (compared word by word, so "ip" does not
# match "description").
PERSONAL_WORDS = frozenset({
    "name", "username", "mobile", "phone", "telephone", "tel", "email", "mail", "certificate", "photo",
    "residence", "address", "ip", "ips", "person", "leader", "contact", "birth", "birthday", "passport",
    "identity", "actor", "owner", "recipient",
})
PERSONAL_FIELD_NAMES = frozenset({"to"})  # too short to be judged word by word ("to_status")
PERSONAL_FIELD_TYPES = (models.FileField, models.EmailField, models.GenericIPAddressField)
# Flags and dates describe a person's data (when a mobile was confirmed) without identifying anyone;
# a date that does identify is declared all the same (certificate_valid_until).
DESCRIPTIVE_FIELD_TYPES = (models.BooleanField, models.DateField, models.DateTimeField)


def project_models() -> list[type[models.Model]]:
    """Every concrete model of the project's own apps (third-party tables are described in the ADR)."""
    return [model for model in apps.get_models()
            if model.__module__.startswith("beian.") and not model._meta.proxy]


def declarations(model) -> dict[str, Marker]:
    return dict(getattr(model, "PERSONAL_DATA", {}))


def _is_user_link(model_field) -> bool:
    related = getattr(model_field, "related_model", None)
    if not model_field.is_relation or related is None:
        return False
    # A lazy reference ("accounts.User") until the registry resolves it.
    label = related if isinstance(related, str) else related._meta.label
    return label.lower() == settings.AUTH_USER_MODEL.lower()


def looks_personal(model_field) -> bool:
    """A link to an account, a file, an e-mail or IP field, or a text field named like personal data.
    Links to other models are not judged by their name: `certificate_type` names a code list."""
    if _is_user_link(model_field) or isinstance(model_field, PERSONAL_FIELD_TYPES):
        return True
    if model_field.is_relation or isinstance(model_field, DESCRIPTIVE_FIELD_TYPES):
        return False
    if model_field.name in PERSONAL_FIELD_NAMES:
        return True
    words = set(re.split(r"_+", model_field.name.lower()))
    return bool(words & PERSONAL_WORDS)


def check_models(model_list=None) -> Problems:
    problems = Problems()
    for model in model_list if model_list is not None else project_models():
        marked = declarations(model)
        names = {model_field.name for model_field in model._meta.concrete_fields}
        for model_field in model._meta.concrete_fields:
            if model_field.name not in marked and looks_personal(model_field):
                problems.unmarked.append(f"{model._meta.label}.{model_field.name}")
        problems.stale.extend(f"{model._meta.label}.{name}" for name in sorted(set(marked) - names))
    return problems


def register(model_list=None) -> list[RegisterEntry]:
    """The fields that hold personal data, by app, model and field order."""
    entries = []
    chosen = model_list if model_list is not None else project_models()
    for model in sorted(chosen, key=lambda m: m._meta.label):
        marked = declarations(model)
        for model_field in model._meta.concrete_fields:
            marker = marked.get(model_field.name)
            if isinstance(marker, PersonalData):
                entries.append(RegisterEntry(model=model, field=model_field, marker=marker))
    return entries


# Reader groups the declarations share.
APPLICANT_AND_POLICE = (Reader.OWNER, Reader.REVIEWER, Reader.SUPERVISOR)
POLICE = (Reader.REVIEWER, Reader.SUPERVISOR)
AUDIT_READERS = (Reader.AUDITOR,)
