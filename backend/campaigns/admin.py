"""Django admin for campaigns and events; personal feed tokens are never shown."""

from django.contrib import admin

from .models import CalendarFeed, Campaign, Event


class EventInline(admin.TabularInline):
    model = Event
    fields = ["title", "organization", "starts_at", "timezone", "city", "country", "visibility"]
    raw_id_fields = ["organization"]
    extra = 0
    show_change_link = True


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "hashtag", "start_date", "end_date", "visibility", "is_example"]
    list_filter = ["visibility", "is_example"]
    search_fields = ["name", "hashtag", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [EventInline]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organization",
        "campaign",
        "starts_at",
        "timezone",
        "city",
        "country",
        "visibility",
    ]
    list_filter = ["campaign", "visibility", "is_online", "is_example"]
    search_fields = ["title", "description", "city", "organization__name"]
    raw_id_fields = ["organization", "campaign"]
    date_hierarchy = "starts_at"


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at", "last_used_at"]
    fields = ["user", "created_at", "last_used_at"]
    readonly_fields = ["user", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False
