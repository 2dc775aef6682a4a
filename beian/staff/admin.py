"""Accounts in the Django admin: the accounts duty (beian.staff.admin_site) — the security
administrator, and the operator who creates the first security administrators.

The security administrator works here under the rules of the staff pages (ADR 0030): roles only from
the list they may give, never on their own account, a superuser's or a fellow security
administrator's; Django's own rights (superuser, staff, groups, permissions) stay with the operator.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from beian.accounts.models import User
from beian.staff.admin_site import is_operator
from beian.staff.permissions import creatable_roles

OPERATOR_ONLY_FIELDS = ["is_superuser", "is_staff", "groups", "user_permissions"]


@admin.register(User)
class PlatformUserAdmin(UserAdmin):
    list_display = ["username", "real_name", "role", "agency", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["username", "real_name", "mobile", "email"]
    autocomplete_fields = ["agency"]
    fieldsets = UserAdmin.fieldsets + (
        (_("Platform"), {"fields": ["role", "agency", "real_name", "mobile",
                                    "mobile_verified_at", "email_verified_at", "closed_at"]}),
    )
    readonly_fields = ["closed_at"]

    def has_delete_permission(self, request, obj=None):
        # Accounts are deactivated (staff) or closed by their holder (applicants), never deleted:
        # decisions and the audit log point at them (ADR 0103; beian.accounts.never_deleted).
        return False

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or is_operator(request.user):
            return True
        return (obj.pk != request.user.pk and not obj.is_superuser
                and obj.role in creatable_roles(request.user) + (User.Role.APPLICANT,))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if is_operator(request.user) else fields + OPERATOR_ONLY_FIELDS

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role" and not is_operator(request.user):
            allowed = {str(role) for role in creatable_roles(request.user)} | {User.Role.APPLICANT}
            kwargs["choices"] = [(value, label) for value, label in db_field.choices if value in allowed]
        return super().formfield_for_choice_field(db_field, request, **kwargs)
