"""Administrators edit reference data here (SPEC §3: all of it data, editable)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from beian.core.audit_actions import labelled
from beian.core.models import (
    Agency,
    AuditEntry,
    CalendarOverride,
    CertificateType,
    Division,
    InteractiveService,
    PreApproval,
    ProvinceAbbreviation,
    RuleKeywordSet,
    ServiceType,
    SponsorType,
)
from beian.core.rule_context import keyword_lists_in_force


@admin.register(Division)
class DivisionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_zh", "name_en", "level", "active"]
    list_filter = ["level", "active"]
    search_fields = ["code", "name_zh", "name_en"]
    raw_id_fields = ["parent"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name_zh", "level", "telephone", "active"]
    list_filter = ["level", "active"]
    search_fields = ["code", "name_zh", "name_en"]
    raw_id_fields = ["division", "parent"]
    # Contact details change on the staff page only, where the telephone is checked and every change
    # is audited (beian.staff.services.update_agency_contacts).
    readonly_fields = ["telephone", "address", "office_hours", "contact_details_page"]

    @admin.display(description=_("change the contact details"))
    def contact_details_page(self, obj):
        if obj is None or not obj.pk:
            return _("on the staff page, once the agency is saved")
        return format_html('<a href="{}">{}</a>', reverse("staff:agency_contacts", args=[obj.code]),
                           _("on the staff page"))


@admin.register(ProvinceAbbreviation)
class ProvinceAbbreviationAdmin(admin.ModelAdmin):
    list_display = ["prefix", "abbreviation", "icp_abbreviations"]


@admin.register(CertificateType, ServiceType, InteractiveService)
class CodeListAdmin(admin.ModelAdmin):
    list_display = ["code", "name_zh", "name_en", "position", "active"]


@admin.register(SponsorType)
class SponsorTypeAdmin(CodeListAdmin):
    filter_horizontal = ["certificate_types"]


@admin.register(PreApproval)
class PreApprovalAdmin(CodeListAdmin):
    list_display = ["code", "name_zh", "authority_zh", "keywords", "active"]


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    list_display = ["date", "is_working_day", "note"]


class AuditActionFilter(admin.SimpleListFilter):
    """The actions the log holds, by their labels (a code no member declares shows as itself)."""

    title = _("action")
    parameter_name = "action"

    def lookups(self, request, model_admin):
        stored = AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct()
        return labelled(stored)

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only."""

    list_display = ["created_at", "actor_label", "action_shown", "object_type", "object_id",
                    "client_address"]
    list_filter = [AuditActionFilter]
    search_fields = ["actor_label", "object_id"]

    @admin.display(description=_("action"), ordering="action")
    def action_shown(self, entry):
        # The label to read, the stored code on hover (ADR 0108).
        return format_html('<span title="{}">{}</span>', entry.action, entry.action_label)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RuleKeywordSet)
class RuleKeywordSetAdmin(admin.ModelAdmin):
    """A change is a new version: versions are added, never edited, so findings stay explainable."""

    list_display = ["id", "note", "created_at", "created_by"]
    readonly_fields = ["created_at", "created_by"]

    def get_changeform_initial_data(self, request):
        return {"lists": keyword_lists_in_force()}

    def has_change_permission(self, request, obj=None):
        return obj is None

    def save_model(self, request, obj, form, change):
        obj.created_by = request.user
        super().save_model(request, obj, form, change)


admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    """Task results without their arguments: an e-mail task carries the whole message, confirmation
    link included (a secret of its addressee)."""

    HIDDEN = ("args_kwargs",)

    def get_readonly_fields(self, request, obj=None):
        return [name for name in super().get_readonly_fields(request, obj) if name not in self.HIDDEN]
