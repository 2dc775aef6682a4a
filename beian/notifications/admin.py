"""Read-only views for operators: the outbox is the SMS log, the inbox belongs to its account."""

from django.contrib import admin

from beian.notifications.models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "template", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status", "template"]
    readonly_fields = [field.name for field in OutboxMessage._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
