"""Sponsor entities (开办主体, SPEC §4.2), the reviewed changes of an approved entity's identity, and
their documents.

Certificate numbers are never stored in clear: each is kept encrypted (beian.core.pii) with a keyed
hash beside it for exact-match search. The state fields change only through their transitions
(django-fsm-2, protected); the services in beian/sponsors/services.py are the only callers.
"""


from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from beian.core import pii
from beian.core.personal_data import (
    APPLICANT_AND_POLICE,
    Category,
    PersonalData,
    Protection,
    Reader,
    Retention,
)
from beian.core.pii_files import personal_storage
from beian.core.private_files import server_made_name
from beian.rules import normalize_certificate_number


def seal_certificate(certificate_type: str, number: str) -> tuple[str, str]:
    """(encrypted, search hash) of a certificate number in its canonical spelling."""
    canonical = normalize_certificate_number(number, certificate_type)
    return pii.encrypt(canonical), pii.search_hash(certificate_type, canonical)


class SealedCertificate(models.Model):
    """An identity: sponsor type, name, certificate type, number (sealed) and validity. Shared by
    the entity and a proposed change of it, so that comparing and applying is field by field."""

    sponsor_type = models.ForeignKey("core.SponsorType", verbose_name=_("sponsor type"), null=True,
                                     on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("unit or person name"), max_length=200, blank=True)
    certificate_type = models.ForeignKey("core.CertificateType", verbose_name=_("certificate type"),
                                         null=True, on_delete=models.PROTECT, related_name="+")
    certificate_number_encrypted = models.TextField(blank=True)
    certificate_hash = models.CharField(max_length=64, blank=True, db_index=True)
    certificate_valid_until = models.DateField(_("certificate valid until"), null=True, blank=True)
    certificate_long_term = models.BooleanField(_("long-term certificate"), default=False)

    # For a person sponsor the name and certificate are the person's; for a unit, the unit's.
    PERSONAL_DATA = {
        "name": PersonalData(Category.NAME, Protection.PLAIN, APPLICANT_AND_POLICE, Retention.SPONSOR),
        "certificate_number_encrypted": PersonalData(
            Category.IDENTIFICATION_NUMBER, Protection.ENCRYPTED, APPLICANT_AND_POLICE, Retention.SPONSOR,
            sensitive=True),
        "certificate_hash": PersonalData(Category.IDENTIFICATION_NUMBER, Protection.KEYED_HASH,
                                         (Reader.NOBODY,), Retention.SPONSOR, sensitive=True),
        "certificate_valid_until": PersonalData(Category.IDENTITY_DOCUMENT, Protection.PLAIN,
                                                APPLICANT_AND_POLICE, Retention.SPONSOR),
        "certificate_long_term": PersonalData(Category.IDENTITY_DOCUMENT, Protection.PLAIN,
                                              APPLICANT_AND_POLICE, Retention.SPONSOR),
    }

    # The number itself, not its hash: a hash made before a key rotation differs from one made after.
    IDENTITY_FIELDS = ("sponsor_type_id", "name", "certificate_type_id", "certificate_number",
                       "certificate_valid_until", "certificate_long_term")
    PII_SEALED = (pii.Sealed("certificate_number_encrypted", "certificate_hash", "certificate_type"),)

    class Meta:
        abstract = True

    def set_certificate_number(self, number: str) -> None:
        self.certificate_number_encrypted, self.certificate_hash = seal_certificate(
            self.certificate_type.code, number)

    @property
    def certificate_number(self) -> str:
        """The full number: only for the owner's own pages and a logged reviewer "show"."""
        return pii.decrypt(self.certificate_number_encrypted) if self.certificate_number_encrypted else ""

    @property
    def masked_certificate_number(self) -> str:
        return pii.mask(self.certificate_number)

    def identity(self) -> tuple:
        return tuple(getattr(self, name) for name in self.IDENTITY_FIELDS)

    @property
    def is_unit(self) -> bool:
        return bool(self.sponsor_type and self.sponsor_type.is_unit)


class SponsorEntity(FSMModelMixin, SealedCertificate):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted for review")
        APPROVED = "approved", _("approved")
        RETURNED = "returned", _("returned for correction")

    # SPEC §4.2: one account holds one sponsor entity.
    owner = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("account"),
                                 on_delete=models.PROTECT, related_name="sponsor_entity")
    status = FSMField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT,
                      protected=True)
    investor = models.CharField(_("investor or competent unit"), max_length=200, blank=True)
    division = models.ForeignKey("core.Division", verbose_name=_("address division"), null=True,
                                 on_delete=models.PROTECT, related_name="+")
    address = models.CharField(_("detailed address"), max_length=300, blank=True)
    person_name = models.CharField(_("person in charge"), max_length=50, blank=True)
    person_certificate_type = models.ForeignKey(
        "core.CertificateType", verbose_name=_("certificate type of the person in charge"), null=True,
        on_delete=models.PROTECT, related_name="+")
    person_certificate_number_encrypted = models.TextField(blank=True)
    person_certificate_hash = models.CharField(max_length=64, blank=True, db_index=True)
    person_residence = models.CharField(_("permanent residence"), max_length=300, blank=True)
    office_phone = models.CharField(_("office telephone"), max_length=40, blank=True)
    mobile = models.CharField(_("mobile phone"), max_length=20, blank=True)
    email = models.CharField(_("e-mail"), max_length=254, blank=True)
    # Set at each submission: the county agency of the address (beian.sponsors.divisions).
    agency = models.ForeignKey("core.Agency", verbose_name=_("filing agency"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="sponsor_entities")
    findings = models.JSONField(_("automatic findings at submission"), default=list, blank=True)
    return_reasons = models.JSONField(_("return reasons"), default=list, blank=True)
    return_note = models.TextField(_("note of the reviewer"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    PII_SEALED = (*SealedCertificate.PII_SEALED,
                  pii.Sealed("person_certificate_number_encrypted", "person_certificate_hash",
                             "person_certificate_type"))
    PERSONAL_DATA = {
        **SealedCertificate.PERSONAL_DATA,
        "owner": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, APPLICANT_AND_POLICE,
                              Retention.SPONSOR),
        "investor": PersonalData(Category.NAME, Protection.PLAIN, APPLICANT_AND_POLICE, Retention.SPONSOR),
        "address": PersonalData(Category.ADDRESS, Protection.PLAIN, APPLICANT_AND_POLICE, Retention.SPONSOR),
        "person_name": PersonalData(Category.NAME, Protection.PLAIN, APPLICANT_AND_POLICE, Retention.SPONSOR),
        "person_certificate_number_encrypted": PersonalData(
            Category.IDENTIFICATION_NUMBER, Protection.ENCRYPTED, APPLICANT_AND_POLICE, Retention.SPONSOR,
            sensitive=True),
        "person_certificate_hash": PersonalData(Category.IDENTIFICATION_NUMBER, Protection.KEYED_HASH,
                                                (Reader.NOBODY,), Retention.SPONSOR, sensitive=True),
        "person_residence": PersonalData(Category.ADDRESS, Protection.PLAIN, APPLICANT_AND_POLICE,
                                         Retention.SPONSOR),
        "office_phone": PersonalData(Category.CONTACT, Protection.PLAIN, APPLICANT_AND_POLICE,
                                     Retention.SPONSOR),
        "mobile": PersonalData(Category.CONTACT, Protection.PLAIN, APPLICANT_AND_POLICE, Retention.SPONSOR),
        "email": PersonalData(Category.CONTACT, Protection.PLAIN, APPLICANT_AND_POLICE, Retention.SPONSOR),
        "return_note": PersonalData(Category.FREE_TEXT, Protection.PLAIN, APPLICANT_AND_POLICE,
                                    Retention.SPONSOR),
    }

    class Meta:
        verbose_name = _("sponsor entity")
        verbose_name_plural = _("sponsor entities")

    def __str__(self) -> str:
        return self.name or f"#{self.pk}"

    # --- transitions (called only by beian.sponsors.services) ---------------------------------
    @transition(field=status, source=[Status.DRAFT, Status.RETURNED], target=Status.SUBMITTED)
    def submit(self):
        pass

    @transition(field=status, source=Status.SUBMITTED, target=Status.APPROVED)
    def approve(self):
        pass

    @transition(field=status, source=Status.SUBMITTED, target=Status.RETURNED)
    def return_for_correction(self):
        pass

    # --- person in charge ------------------------------------------------------------------------
    def set_person_certificate_number(self, number: str) -> None:
        self.person_certificate_number_encrypted, self.person_certificate_hash = seal_certificate(
            self.person_certificate_type.code, number)

    @property
    def person_certificate_number(self) -> str:
        encrypted = self.person_certificate_number_encrypted
        return pii.decrypt(encrypted) if encrypted else ""

    @property
    def masked_person_certificate_number(self) -> str:
        return pii.mask(self.person_certificate_number)

    @property
    def is_editable(self) -> bool:
        return self.status != self.Status.SUBMITTED

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class SponsorIdentityChange(FSMModelMixin, SealedCertificate):
    """A proposed new identity (type, name, certificate) of an approved entity. The approved data
    stays in force until a reviewer approves this; then it is copied onto the entity (ADR 0040)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted for review")
        APPROVED = "approved", _("approved")
        RETURNED = "returned", _("returned for correction")

    entity = models.ForeignKey(SponsorEntity, verbose_name=_("sponsor entity"), on_delete=models.CASCADE,
                               related_name="identity_changes")
    status = FSMField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT,
                      protected=True)
    findings = models.JSONField(_("automatic findings at submission"), default=list, blank=True)
    return_reasons = models.JSONField(_("return reasons"), default=list, blank=True)
    return_note = models.TextField(_("note of the reviewer"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("change of sponsor identity")
        verbose_name_plural = _("changes of sponsor identity")
        constraints = [models.UniqueConstraint(fields=["entity"], condition=~Q(status="approved"),
                                               name="one_pending_identity_change_per_entity")]

    def __str__(self) -> str:
        return self.name

    @transition(field=status, source=[Status.DRAFT, Status.RETURNED], target=Status.SUBMITTED)
    def submit(self):
        pass

    @transition(field=status, source=Status.SUBMITTED, target=Status.APPROVED)
    def approve(self):
        pass

    @transition(field=status, source=Status.SUBMITTED, target=Status.RETURNED)
    def return_for_correction(self):
        pass

    @property
    def owner(self):
        return self.entity.owner


def document_path(instance, filename: str) -> str:
    return server_made_name("sponsors", instance.content_type)


class SponsorDocument(models.Model):
    class Kind(models.TextChoices):
        ID_FRONT = "id_front", _("ID photo of the person in charge (front)")
        ID_BACK = "id_back", _("ID photo of the person in charge (back)")
        LICENCE = "licence", _("business licence or registration certificate")

    entity = models.ForeignKey(SponsorEntity, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=20, choices=Kind.choices)
    # Encrypted in the private storage (settings.STORAGES["default"]), served only by sponsors:document.
    file = models.FileField(upload_to=document_path, storage=personal_storage)
    content_type = models.CharField(max_length=20)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        # ID photos of the person in charge, or the unit's licence (which names its representative).
        "file": PersonalData(Category.ID_PHOTO, Protection.PRIVATE_FILE, APPLICANT_AND_POLICE,
                             Retention.ID_PHOTO, sensitive=True),
    }

    class Meta:
        verbose_name = _("sponsor document")
        verbose_name_plural = _("sponsor documents")
        constraints = [models.UniqueConstraint(fields=["entity", "kind"], name="one_document_per_kind")]

    def __str__(self) -> str:
        return self.get_kind_display()
