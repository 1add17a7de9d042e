"""Django admin for the network office: resources, responses and their threads."""

from django.contrib import admin

from .models import Resource, ResourceResponse, ResponseMessage


class ResponseInline(admin.TabularInline):
    model = ResourceResponse
    fields = ["organization", "status", "message", "decided_at"]
    readonly_fields = ["decided_at"]
    extra = 0
    show_change_link = True


class MessageInline(admin.TabularInline):
    model = ResponseMessage
    fields = ["organization", "author", "body", "created_at"]
    readonly_fields = ["created_at"]
    extra = 0


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "kind",
        "category",
        "organization",
        "status",
        "valid_until",
        "visibility",
        "is_example",
    ]
    list_filter = ["kind", "category", "status", "visibility", "is_example"]
    search_fields = ["title", "description", "organization__name"]
    raw_id_fields = ["organization", "created_by"]
    inlines = [ResponseInline]


@admin.register(ResourceResponse)
class ResourceResponseAdmin(admin.ModelAdmin):
    list_display = ["resource", "organization", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["resource__title", "organization__name", "message"]
    raw_id_fields = ["resource", "organization", "created_by", "decided_by"]
    inlines = [MessageInline]
