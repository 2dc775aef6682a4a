from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from beian.accounts.models import User


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
