"""Administrators manage sessions, the toolkit and the quiz bank here. Quiz attempts are not
listed: a person's answers are for them alone."""

from django.contrib import admin

from copro.learning.models import Booking, QuizQuestion, ToolkitEntry, TrainingSession


class AuditedAdmin(admin.ModelAdmin):
    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


class BookingInline(admin.TabularInline):
    model = Booking
    fields = ["person", "status", "queued_at", "attended", "completed"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # people book through the service, so the waiting list stays right


@admin.register(TrainingSession)
class TrainingSessionAdmin(AuditedAdmin):
    list_display = ["level", "date", "starts_at", "venue", "ambassador", "capacity"]
    list_filter = ["level"]
    list_select_related = ["level", "venue", "ambassador"]
    autocomplete_fields = ["ambassador"]
    inlines = [BookingInline]


@admin.register(ToolkitEntry)
class ToolkitEntryAdmin(AuditedAdmin):
    list_display = ["title", "kind", "order", "is_published"]
    list_filter = ["kind", "is_published"]


@admin.register(QuizQuestion)
class QuizQuestionAdmin(AuditedAdmin):
    list_display = ["order", "question", "kind", "is_active"]
    list_display_links = ["question"]
    list_filter = ["kind", "is_active"]
