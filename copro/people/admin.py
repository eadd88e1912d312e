from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from copro.people.models import GroupMembership, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_staff", "is_active"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("About them", {"fields": ["display_name"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"fields": ["email", "display_name", "password1", "password2"]})]
    filter_horizontal = ["groups"]


@admin.register(GroupMembership)
class GroupMembershipAdmin(admin.ModelAdmin):
    """Administrators manage who is in the Advisory Board, Ambassadors' Network and so on."""

    list_display = ["user", "group", "joined_on"]
    list_filter = ["group"]
    search_fields = ["user__display_name", "user__email"]
    autocomplete_fields = ["user"]

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
