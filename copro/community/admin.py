from django.contrib import admin

from copro.community.models import CaseStudy, ClinicSlot


@admin.register(ClinicSlot)
class ClinicSlotAdmin(admin.ModelAdmin):
    list_display = ["topic", "date", "starts_at", "host"]
    list_filter = ["date"]
    fields = ["host", "topic", "date", "starts_at", "duration_minutes", "venue", "online_link"]
    raw_id_fields = ["host"]


@admin.register(CaseStudy)
class CaseStudyAdmin(admin.ModelAdmin):
    list_display = ["project", "status", "published_at"]
    list_filter = ["status"]
    fields = ["project", "summary", "idea", "design", "delivery", "evaluation", "lessons", "status"]
    raw_id_fields = ["project"]
