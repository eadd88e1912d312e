from django.contrib import admin

from copro.meetings.models import Venue


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "is_active"]
    fields = ["name", "address", "how_to_get_there", "features", "is_active"]
