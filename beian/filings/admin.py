"""Reference data of the filing wizard, editable by administrators."""

from django.contrib import admin

from beian.filings.models import AccessProvider, SecurityNotice


@admin.register(AccessProvider)
class AccessProviderAdmin(admin.ModelAdmin):
    list_display = ("name", "position", "active")
    list_editable = ("position", "active")
    search_fields = ("name",)


@admin.register(SecurityNotice)
class SecurityNoticeAdmin(admin.ModelAdmin):
    """A published notice is never edited (applicants accepted that text): publish a new version."""

    list_display = ("version", "published_at")

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)
