"""What the platform holds about one applicant: the `data.json` of their copy, and the files beside it.

Rows are written field by field from the models (so a field added later appears without a change
here), leaving out what is not the person's data or would only confuse: the encrypted forms and
keyed hashes of certificate numbers (the numbers are given decrypted instead: they are the person's
own), and the accounts of staff (who decided is the police's record; the decision itself is here).
Files are listed with the name they have in the archive, under `files/`.
"""

import itertools

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.db.models.fields.files import FieldFile

from beian.cancellations.models import CancellationApplication
from beian.core.models import AuditEntry
from beian.filings.models import Website, WebsiteApplication
from beian.inspections.models import Appointment
from beian.legacy.models import LegacyRecord
from beian.notifications.models import OutboxMessage, SystemMessage
from beian.sponsors.models import SponsorEntity
from beian.unregistered.models import UnregisteredWebsite

# Fields that are the protected form of a value, or internal bookkeeping of no meaning to the person.
HIDDEN_SUFFIXES = ("_encrypted", "_hash")
HIDDEN_FIELDS = {"password", "previous_hash", "entry_hash", "base_snapshot", "returned_snapshot"}
FORMAT_VERSION = 1


class PersonalData:
    """Collects `document` (JSON-ready, through DjangoJSONEncoder) and `files` [(archive name, file)]."""

    def __init__(self, user):
        self.user = user
        self.files: list[tuple[str, FieldFile]] = []
        self._numbers = itertools.count(1)

    # ---- rows ---------------------------------------------------------------------------------
    def row(self, obj, **extra) -> dict:
        data = {}
        for field in obj._meta.concrete_fields:
            if field.name in HIDDEN_FIELDS or field.name.endswith(HIDDEN_SUFFIXES):
                continue
            if isinstance(field, models.FileField):
                data[field.name] = self.file(getattr(obj, field.name), obj._meta.model_name)
            elif field.is_relation:
                data[field.name] = self._related(obj, field)
            else:
                data[field.name] = field.value_from_object(obj)
        data.update(extra)
        return data

    def _related(self, obj, field):
        related_id = getattr(obj, field.attname)
        if related_id is None:
            return None
        if field.related_model is get_user_model():
            # The person's own account by name; staff accounts are not the person's data.
            return self.user.get_username() if related_id == self.user.pk else None
        return str(getattr(obj, field.name))

    def file(self, field_file: FieldFile, folder: str) -> str | None:
        if not field_file:
            return None
        extension = field_file.name.rsplit(".", 1)[-1] if "." in field_file.name.rsplit("/", 1)[-1] else "bin"
        name = f"files/{folder}/{next(self._numbers):03d}.{extension}"
        self.files.append((name, field_file))
        return name

    # ---- the document -------------------------------------------------------------------------
    def document(self, *, generated_at) -> dict:
        user = self.user
        return {
            "format_version": FORMAT_VERSION,
            "generated_at": generated_at,
            "account": self.account(),
            "sponsor_entity": self.sponsor_entity(),
            "website_applications": [self.application(a) for a in self._applications()],
            "websites": [self.row(w) for w in Website.objects.filter(sponsor__owner=user).order_by("id")],
            "cancellations": [self.row(c) for c in
                              CancellationApplication.objects.filter(owner=user).order_by("id")],
            "claimed_records": [self.row(r) for r in
                                LegacyRecord.objects.filter(application__owner=user).order_by("id")],
            "unregistered_websites": [self.row(u) for u in UnregisteredWebsite.objects.filter(
                matched_entity__owner=user).order_by("id")],
            "appointments": [self.row(a, slots=[self.row(s) for s in a.slots.all()]) for a in
                             Appointment.objects.filter(application__owner=user).prefetch_related("slots")
                             .order_by("id")],
            "system_messages": [self.row(m) for m in SystemMessage.objects.filter(user=user).order_by("id")],
            "sms": [self.row(m) for m in self._sms()],
            "activity": [self.row(e) for e in AuditEntry.objects.filter(actor=user).order_by("id")],
        }

    def account(self) -> dict:
        user = self.user
        fields = ("username", "real_name", "mobile", "email", "language", "role", "date_joined",
                  "last_login", "mobile_verified_at", "email_verified_at", "is_active")
        return {name: getattr(user, name) for name in fields}

    def sponsor_entity(self) -> dict | None:
        entity = SponsorEntity.objects.filter(owner=self.user).first()
        if entity is None:
            return None
        return self.row(
            entity, certificate_number=entity.certificate_number,
            person_certificate_number=entity.person_certificate_number,
            documents=[self.row(d) for d in entity.documents.order_by("id")],
            identity_changes=[self.row(c, certificate_number=c.certificate_number)
                              for c in entity.identity_changes.order_by("id")])

    def _applications(self):
        return (WebsiteApplication.objects.filter(owner=self.user).order_by("id")
                .prefetch_related("domains", "leaders", "leader_documents", "pre_approvals"))

    def application(self, application) -> dict:
        return self.row(
            application,
            domains=[self.row(d) for d in application.domains.all()],
            leaders=[self.row(leader, certificate_number=leader.certificate_number)
                     for leader in application.leaders.all()],
            leader_documents=[self.row(d) for d in application.leader_documents.all()],
            pre_approvals=[self.row(p) for p in application.pre_approvals.all()])

    def _sms(self):
        mine = Q(user=self.user)
        if self.user.mobile:
            mine |= Q(to=self.user.mobile)
        return OutboxMessage.objects.filter(mine).order_by("id")
