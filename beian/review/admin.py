from django.contrib import admin

from beian.review.models import ReturnReason


@admin.register(ReturnReason)
class ReturnReasonAdmin(admin.ModelAdmin):
    list_display = ["code", "text_zh", "text_en", "field", "position", "active"]
    list_filter = ["active"]
