"""The review workbench's own tables (SPEC §5).

Every reviewable thing — a sponsor entity, a new website, a change, a cancellation, a claim — keeps
its data and its state machine in its own app. When it is submitted it gets one ReviewItem here: a
denormalised row with just what the queue shows, filters and sorts on, so the queue is one indexed
query over one table however many kinds exist and however many millions of rows there are. The
subject's services keep the row in step inside their own transactions (beian.review.services).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from beian.core.models.bilingual import pick_language
from beian.core.personal_data import POLICE, Category, NotPersonal, PersonalData, Protection, Retention


class Kind(models.TextChoices):
    SPONSOR_ENTITY = "sponsor_entity", _("sponsor entity")
    NEW_WEBSITE = "new_website", _("new website")
    CHANGE = "change", _("change of filing information")
    CANCELLATION = "cancellation", _("cancellation")
    CLAIM = "claim", _("website claim")


class Status(models.TextChoices):
    """Every state a reviewed subject can be in, whatever its kind (each kind uses a subset)."""

    SUBMITTED = "submitted", _("submitted")
    IN_REVIEW = "in_review", _("in review")
    FACE_REVIEW = "face_review", _("face review")
    ONSITE_INSPECTION = "onsite_inspection", _("on-site inspection")
    INSPECTION_PASSED = "inspection_passed", _("inspection passed")
    APPROVED = "approved", _("approved")
    RETURNED = "returned", _("returned")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Action(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")
    ASSIGNED = "assigned", _("assigned")
    UNASSIGNED = "unassigned", _("put back in the queue")
    IN_REVIEW = "in_review", _("review started")
    APPROVED = "approved", _("approved")
    RETURNED = "returned", _("returned")
    REJECTED = "rejected", _("rejected")
    FACE_REVIEW = "face_review", _("face review asked for")
    ONSITE_INSPECTION = "onsite_inspection", _("on-site inspection asked for")
    INSPECTION_PASSED = "inspection_passed", _("inspection passed")
    INSPECTION_FAILED = "inspection_failed", _("inspection failed")
    WITHDRAWN = "withdrawn", _("withdrawn")


def status_label(value: str) -> str:
    return dict(Status.choices).get(value, value)


class ReviewItem(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    agency = models.ForeignKey("core.Agency", verbose_name=_("filing agency"), on_delete=models.PROTECT,
                               related_name="review_items")
    # The prefecture- and province-level agencies above (or equal to) the filing agency: a supervisor's
    # jurisdiction becomes one equality on an index ordered by due date, however large the province.
    scope_prefecture = models.ForeignKey("core.Agency", null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="+")
    scope_province = models.ForeignKey("core.Agency", null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+")
    # The subject's state, mirrored for filtering; it changes only through the subject's transitions.
    status = models.CharField(_("status"), max_length=30, choices=Status.choices)
    is_open = models.BooleanField(_("open"), default=True)
    title = models.CharField(_("title"), max_length=200)
    sponsor_name = models.CharField(_("sponsor"), max_length=200, blank=True)
    # A copy of the website's "interactive services" answer (False for kinds that are no website), so
    # the queue filters on it without reading the subject apps' tables.
    interactive = models.BooleanField(_("interactive"), default=False)
    submitted_at = models.DateTimeField(_("submitted at"))
    due_date = models.DateField(_("due date"))
    due_date_exact = models.BooleanField(_("due date exact"), default=True)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("assignee"), null=True,
                                 blank=True, on_delete=models.PROTECT, related_name="review_items")
    findings = models.JSONField(_("automatic findings"), default=list, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    PERSONAL_DATA = {
        # A copy for the queue: the sponsor's name is a person's name for a person sponsor.
        "sponsor_name": PersonalData(Category.NAME, Protection.PLAIN, POLICE, Retention.FILING),
        "assignee": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, POLICE, Retention.STAFF_RECORD),
    }

    class Meta:
        verbose_name = _("review item")
        verbose_name_plural = _("review items")
        constraints = [models.UniqueConstraint(fields=["subject_type", "subject_id"],
                                               name="one_review_item_per_subject")]
        indexes = [
            models.Index(fields=["agency", "due_date", "submitted_at", "id"], condition=Q(is_open=True),
                         name="review_open_by_agency_due"),
            models.Index(fields=["scope_prefecture", "due_date", "submitted_at", "id"],
                         condition=Q(is_open=True), name="review_open_by_prefecture_due"),
            models.Index(fields=["scope_province", "due_date", "submitted_at", "id"],
                         condition=Q(is_open=True), name="review_open_by_province_due"),
            models.Index(fields=["assignee", "due_date"], condition=Q(is_open=True),
                         name="review_open_by_assignee_due"),
            models.Index(fields=["agency", "kind", "decided_at"], name="review_decided_by_agency"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def subject(self):
        return self.subject_type.get_object_for_this_type(pk=self.subject_id)


class ReviewSearchKey(models.Model):
    """Exact-match search keys of an item: "domain:example.cn", "certificate:<keyed hash>",
    "record:<14 digits>". One indexed lookup however large the queue."""

    item = models.ForeignKey(ReviewItem, on_delete=models.CASCADE, related_name="search_keys")
    key = models.CharField(max_length=120, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "key"], name="unique_search_key")]


class ReviewEvent(models.Model):
    """The history timeline of an item: who did what, when, from which state to which, and why."""

    item = models.ForeignKey(ReviewItem, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    action = models.CharField(_("action"), max_length=40, choices=Action.choices)
    from_status = models.CharField(_("from"), max_length=30, blank=True, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=30, blank=True, choices=Status.choices)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    PERSONAL_DATA = {
        "actor": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, POLICE, Retention.STAFF_RECORD),
        "note": PersonalData(Category.FREE_TEXT, Protection.PLAIN, POLICE, Retention.FILING),
    }

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("review event")
        verbose_name_plural = _("review events")


class SavedQueueView(models.Model):
    """A named set of queue filters a reviewer keeps (the query string of the queue page), per user."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="saved_queue_views")
    name = models.CharField(_("name"), max_length=60)
    query = models.CharField(_("filters"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    PERSONAL_DATA = {
        "owner": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, POLICE, Retention.STAFF_RECORD),
        "name": NotPersonal(_("the name a reviewer gives a set of queue filters")),
    }

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("saved queue view")
        verbose_name_plural = _("saved queue views")
        constraints = [models.UniqueConstraint(fields=["owner", "name"],
                                               name="one_saved_view_name_per_owner")]

    def __str__(self) -> str:
        return self.name


class ReturnReason(models.Model):
    """The catalogue of return reasons (data, editable by administrators)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    text_zh = models.CharField(_("text (Chinese)"), max_length=300)
    text_en = models.CharField(_("text (English)"), max_length=300)
    kinds = models.JSONField(_("for kinds"), default=list, blank=True,
                             help_text=_("Empty: every kind."))
    field = models.CharField(_("usual field"), max_length=120, blank=True,
                             help_text=_("Dotted path of the field this reason usually concerns."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("return reason")
        verbose_name_plural = _("return reasons")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return pick_language(self.text_zh, self.text_en)
