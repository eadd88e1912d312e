"""Administrators manage the audit statements here. Rounds, scores and readiness are changed
through the service's own pages, so every change leaves its history."""

from django.contrib import admin

from copro.readiness.models import AuditStatement


@admin.register(AuditStatement)
class AuditStatementAdmin(admin.ModelAdmin):
    list_display = ["text", "principle", "order", "is_active"]
    list_filter = ["principle", "is_active"]
    fields = ["principle", "order", "text", "is_active"]
    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
