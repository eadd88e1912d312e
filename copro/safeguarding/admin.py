"""Administrators designate safeguarding leads here. Concerns themselves are not in the admin:
only leads read them, on the safeguarding pages, where every view is logged."""

from django.contrib import admin

from copro.safeguarding.models import SafeguardingLead


@admin.register(SafeguardingLead)
class SafeguardingLeadAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    autocomplete_fields = ["user"]
