"""A website filing application (SPEC §4.3, §5.1): the wizard's draft, then the reviewed application.

The state field changes only through its transitions (django-fsm-2, protected); the services in
beian/filings/services.py are the only callers. `version` grows with every saved step: a form carries
the version it was drawn from, and a save from an older version (another tab) is refused.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from beian.core import pii
from beian.core.personal_data import (
    APPLICANT_AND_POLICE,
    Category,
    NotPersonal,
    PersonalData,
    Protection,
    Reader,
    Retention,
)
from beian.core.pii_files import personal_storage
from beian.core.private_files import server_made_name
from beian.sponsors.models import seal_certificate


def security_scheme_path(instance, filename: str) -> str:
    return f"filings/security_schemes/{uuid.uuid4().hex}"


class WebsiteApplication(FSMModelMixin, models.Model):
    class Kind(models.TextChoices):
        NEW = "new", _("new website")
        CHANGE = "change", _("change of filing information")
        CLAIM = "claim", _("website claim")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted for review")
        IN_REVIEW = "in_review", _("in review")
        FACE_REVIEW = "face_review", _("face review")
        ONSITE_INSPECTION = "onsite_inspection", _("on-site inspection")
        INSPECTION_PASSED = "inspection_passed", _("inspection passed")
        APPROVED = "approved", _("approved")
        RETURNED = "returned", _("returned for correction")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Hosting(models.TextChoices):
        VIRTUAL_HOST = "virtual_host", _("virtual host")
        COLOCATION = "colocation", _("colocation")
        OWN_DATA_CENTRE = "own_data_centre", _("own data centre")
        CLOUD_SERVER = "cloud_server", _("cloud server")

    # States in which the domains are held and the application waits for the police.
    UNDER_REVIEW = (Status.SUBMITTED, Status.IN_REVIEW, Status.FACE_REVIEW, Status.ONSITE_INSPECTION,
                    Status.INSPECTION_PASSED)
    # States in which a reviewer may decide on the preliminary review.
    AWAITING_DECISION = (Status.SUBMITTED, Status.IN_REVIEW)

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.PROTECT,
                              related_name="website_applications")
    sponsor = models.ForeignKey("sponsors.SponsorEntity", verbose_name=_("sponsor entity"),
                                on_delete=models.PROTECT, related_name="website_applications")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NEW)
    status = FSMField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT,
                      protected=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    # For a change: the filed website it changes (the record stays valid while the change is reviewed).
    website = models.ForeignKey("filings.Website", verbose_name=_("filed website"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="change_applications")

    # --- website basic information (SPEC §4.3 step 2) ---
    name = models.CharField(_("website name"), max_length=100, blank=True)
    home_url = models.CharField(_("home page URL"), max_length=300, blank=True)
    has_own_domain = models.BooleanField(_("has its own domain"), default=True)
    ips = models.JSONField(_("IP addresses"), default=list, blank=True)
    icp_number = models.CharField(_("ICP record number"), max_length=40, blank=True)
    opened_on = models.DateField(_("opening date"), null=True, blank=True)
    access_provider = models.CharField(_("network access provider"), max_length=100, blank=True)
    access_provider_region = models.ForeignKey(
        "core.Division", verbose_name=_("region of the access provider"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+")
    registrar = models.CharField(_("domain registrar"), max_length=100, blank=True)
    hosting = models.CharField(_("hosting method"), max_length=20, choices=Hosting.choices, blank=True)
    service_types = models.JSONField(_("service types"), default=list, blank=True)
    interactive = models.BooleanField(_("interactive services"), null=True, blank=True)
    interactive_services = models.JSONField(_("interactive services"), default=list, blank=True)
    controlled_goods = models.BooleanField(_("controlled goods"), null=True, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)

    # --- prompt step ---
    agreement_version = models.CharField(_("accepted notice version"), max_length=20, blank=True)
    agreement_accepted_at = models.DateTimeField(_("notice accepted at"), null=True, blank=True)

    # Attached by the applicant of an interactive website (SPEC §4.3 step 4); private storage.
    security_scheme = models.FileField(_("security protection scheme"), upload_to=security_scheme_path,
                                       blank=True, storage=personal_storage)
    security_scheme_type = models.CharField(max_length=40, blank=True)

    # --- review ---
    agency = models.ForeignKey("core.Agency", verbose_name=_("filing agency"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="website_applications")
    findings = models.JSONField(_("automatic findings at submission"), default=list, blank=True)
    return_reasons = models.JSONField(_("return reasons"), default=list, blank=True)
    return_note = models.TextField(_("note of the reviewer"), blank=True)
    # What the reviewer compares with: for a change the filed data when the change was started, for a
    # resubmission the answers as they were returned ({label path: display value}, see snapshots.py).
    base_snapshot = models.JSONField(_("filed data before the change"), default=dict, blank=True)
    returned_snapshot = models.JSONField(_("answers when returned"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    PERSONAL_DATA = {
        "owner": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, APPLICANT_AND_POLICE,
                              Retention.FILING),
        "name": NotPersonal(_("the website's name")),
        "ips": NotPersonal(_("addresses of the website's servers, not of persons")),
        "security_scheme": NotPersonal(_("describes the website's security measures; the persons "
                                         "responsible are recorded as leaders")),
        "return_note": PersonalData(Category.FREE_TEXT, Protection.PLAIN, APPLICANT_AND_POLICE,
                                    Retention.FILING),
        # Display copies of the answers (names, telephones); certificate numbers in them are masked.
        "base_snapshot": PersonalData(Category.FREE_TEXT, Protection.PLAIN, APPLICANT_AND_POLICE,
                                      Retention.FILING),
        "returned_snapshot": PersonalData(Category.FREE_TEXT, Protection.PLAIN, APPLICANT_AND_POLICE,
                                          Retention.FILING),
    }

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("website filing application")
        verbose_name_plural = _("website filing applications")

    def __str__(self) -> str:
        return self.name or f"#{self.pk}"

    def reindex_pii_hashes(self) -> dict:
        """For rotate_pii_keys: the snapshots' certificate hashes under the newest key."""
        # Imported here: snapshots imports these models (a cycle at module level).
        from beian.filings.snapshots import reindex_certificate_hashes

        return reindex_certificate_hashes(self)

    # --- transitions (called only by beian.filings.services) --------------------------------------
    @transition(field=status, source=Status.DRAFT, target=Status.SUBMITTED)
    def submit(self):
        pass

    @transition(field=status, source=Status.SUBMITTED, target=Status.IN_REVIEW)
    def start_review(self):
        """A reviewer took the application (SPEC §5.1 submitted → in_review)."""

    @transition(field=status, source=Status.RETURNED, target=Status.DRAFT)
    def reopen(self):
        """The applicant starts correcting a returned application."""

    @transition(field=status, source=AWAITING_DECISION, target=Status.FACE_REVIEW)
    def ask_for_face_review(self):
        pass

    @transition(field=status, source=AWAITING_DECISION, target=Status.ONSITE_INSPECTION)
    def ask_for_onsite_inspection(self):
        pass

    @transition(field=status, source=[Status.FACE_REVIEW, Status.ONSITE_INSPECTION],
                target=Status.INSPECTION_PASSED)
    def pass_inspection(self):
        pass

    @property
    def needs_inspection(self) -> bool:
        """SPEC §5.1: an interactive website is approved only after a passed face review or on-site
        inspection. A change needs one only when it adds interactive services the filed website did
        not have (ADR 0054): a new telephone number is no reason to meet the police again."""
        if not self.interactive:
            return False
        if self.kind == self.Kind.CHANGE and self.website_id:
            filed = self.website.data_application
            added = set(self.interactive_services) - set(filed.interactive_services)
            return not filed.interactive or bool(added)
        return True

    def _may_be_approved(self) -> bool:
        return self.status == self.Status.INSPECTION_PASSED or not self.needs_inspection

    @transition(field=status, source=[Status.FACE_REVIEW, Status.ONSITE_INSPECTION], target=Status.RETURNED)
    def fail_inspection(self):
        """A failed face review or inspection returns the application with the reasons (ADR 0053)."""

    @transition(field=status, source=[*AWAITING_DECISION, Status.INSPECTION_PASSED], target=Status.APPROVED,
                conditions=[_may_be_approved])
    def approve(self):
        pass

    @transition(field=status, source=UNDER_REVIEW, target=Status.RETURNED)
    def return_for_correction(self):
        pass

    @transition(field=status, source=[Status.DRAFT, Status.SUBMITTED], target=Status.WITHDRAWN)
    def withdraw(self):
        pass

    # --- reading -----------------------------------------------------------------------------------
    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def is_under_review(self) -> bool:
        return self.status in self.UNDER_REVIEW

    @property
    def main_domain(self) -> str:
        return self.domain_list[0] if self.domain_list else ""

    @property
    def domain_list(self) -> list[str]:
        """Domains as the applicant wrote them (Unicode), the main one first."""
        return [domain.display for domain in self.domains.all()]


class WebsiteDomain(models.Model):
    """One domain of an application; position 0 is the main domain."""

    application = models.ForeignKey(WebsiteApplication, on_delete=models.CASCADE, related_name="domains")
    display = models.CharField(_("domain"), max_length=253)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]


class DomainHold(models.Model):
    """A domain taken by a filing under review or filed (the A-label, lower case). The unique constraint
    is what makes "a domain is filed only once" hold under concurrent submissions (ADR 0050)."""

    name = models.CharField(_("domain (A-label)"), max_length=253, unique=True)
    application = models.ForeignKey(WebsiteApplication, on_delete=models.CASCADE, related_name="holds")
    created_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {"name": NotPersonal(_("a domain name"))}

    class Meta:
        verbose_name = _("held domain")
        verbose_name_plural = _("held domains")


def pre_approval_scan_path(instance, filename: str) -> str:
    return f"filings/pre_approvals/{uuid.uuid4().hex}"


class ApplicationPreApproval(models.Model):
    application = models.ForeignKey(WebsiteApplication, on_delete=models.CASCADE,
                                    related_name="pre_approvals")
    pre_approval = models.ForeignKey("core.PreApproval", verbose_name=_("pre-approval"),
                                     on_delete=models.PROTECT, related_name="+")
    document_number = models.CharField(_("approval document number"), max_length=100, blank=True)
    # Private storage, served only by filings:pre_approval_scan.
    scan = models.FileField(upload_to=pre_approval_scan_path, blank=True, storage=personal_storage)
    scan_content_type = models.CharField(max_length=40, blank=True)

    PERSONAL_DATA = {
        # An authority's approval for the sponsor; for a person sponsor it names the person.
        "scan": PersonalData(Category.DOCUMENT, Protection.PRIVATE_FILE, APPLICANT_AND_POLICE,
                             Retention.FILING),
    }

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "pre_approval"],
                                               name="one_declaration_per_pre_approval")]


class WebsiteLeader(models.Model):
    class Role(models.TextChoices):
        SECURITY_LEADER = "security_leader", _("website security leader")
        EMERGENCY_CONTACT = "emergency_contact", _("emergency contact")

    application = models.ForeignKey(WebsiteApplication, on_delete=models.CASCADE, related_name="leaders")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    same_as_person_in_charge = models.BooleanField(_("same as the sponsor's person in charge"),
                                                   default=False)
    name = models.CharField(_("name"), max_length=50, blank=True)
    certificate_type = models.ForeignKey("core.CertificateType", verbose_name=_("certificate type"),
                                         null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    certificate_number_encrypted = models.TextField(blank=True)
    certificate_hash = models.CharField(max_length=64, blank=True, db_index=True)
    mobile = models.CharField(_("mobile phone"), max_length=20, blank=True)
    office_phone = models.CharField(_("office telephone"), max_length=40, blank=True)
    email = models.CharField(_("e-mail"), max_length=254, blank=True)

    PII_SEALED = (pii.Sealed("certificate_number_encrypted", "certificate_hash", "certificate_type"),)
    PERSONAL_DATA = {
        "name": PersonalData(Category.NAME, Protection.PLAIN, APPLICANT_AND_POLICE, Retention.FILING),
        "certificate_number_encrypted": PersonalData(
            Category.IDENTIFICATION_NUMBER, Protection.ENCRYPTED, APPLICANT_AND_POLICE, Retention.FILING,
            sensitive=True),
        "certificate_hash": PersonalData(Category.IDENTIFICATION_NUMBER, Protection.KEYED_HASH,
                                         (Reader.NOBODY,), Retention.FILING, sensitive=True),
        "mobile": PersonalData(Category.CONTACT, Protection.PLAIN, APPLICANT_AND_POLICE, Retention.FILING),
        "office_phone": PersonalData(Category.CONTACT, Protection.PLAIN, APPLICANT_AND_POLICE,
                                     Retention.FILING),
        "email": PersonalData(Category.CONTACT, Protection.PLAIN, APPLICANT_AND_POLICE, Retention.FILING),
    }

    class Meta:
        ordering = ["role"]
        constraints = [models.UniqueConstraint(fields=["application", "role"], name="one_leader_per_role")]

    def __str__(self) -> str:
        return self.name

    def set_certificate_number(self, number: str) -> None:
        if not number or self.certificate_type is None:
            self.certificate_number_encrypted, self.certificate_hash = "", ""
            return
        self.certificate_number_encrypted, self.certificate_hash = seal_certificate(
            self.certificate_type.code, number)

    @property
    def certificate_number(self) -> str:
        encrypted = self.certificate_number_encrypted
        return pii.decrypt(encrypted) if encrypted else ""

    @property
    def masked_certificate_number(self) -> str:
        return pii.mask(self.certificate_number)


def leader_document_path(instance, filename: str) -> str:
    return server_made_name("filings/leaders", instance.content_type)


class LeaderDocument(models.Model):
    """The security leader's ID photos (SPEC §4.3 step 3: required, same rules as §4.2)."""

    class Kind(models.TextChoices):
        ID_FRONT = "id_front", _("ID photo of the security leader (front)")
        ID_BACK = "id_back", _("ID photo of the security leader (back)")

    application = models.ForeignKey(WebsiteApplication, on_delete=models.CASCADE,
                                    related_name="leader_documents")
    kind = models.CharField(_("document"), max_length=20, choices=Kind.choices)
    # Encrypted in the private storage (settings.STORAGES["default"]), served only by
    # filings:leader_document.
    file = models.FileField(upload_to=leader_document_path, storage=personal_storage)
    content_type = models.CharField(max_length=20)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        "file": PersonalData(Category.ID_PHOTO, Protection.PRIVATE_FILE, APPLICANT_AND_POLICE,
                             Retention.ID_PHOTO, sensitive=True),
    }

    class Meta:
        verbose_name = _("ID photo of the security leader")
        verbose_name_plural = _("ID photos of the security leader")
        constraints = [models.UniqueConstraint(fields=["application", "kind"],
                                               name="one_leader_document_per_kind")]

    def __str__(self) -> str:
        return self.get_kind_display()
