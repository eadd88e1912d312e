"""Administrators give the moderator role here (every project, or one project)."""

from django.contrib import admin

from copro.conversations.models import Moderator


@admin.register(Moderator)
class ModeratorAdmin(admin.ModelAdmin):
    list_display = ["user", "project", "created_at"]
    autocomplete_fields = ["user"]
    raw_id_fields = ["project"]
