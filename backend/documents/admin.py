"""Django admin for documents: edits go through the same services as the API, so the
workflow, version history, change feed and stored files stay consistent."""

from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.errors import DomainError

from . import services
from .models import Attachment, Document, DocumentVersion


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    can_delete = True
    fields = ["name", "content_type", "size", "sha256", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False  # uploads are checked by content through the API only


class DocumentVersionInline(admin.TabularInline):
    model = DocumentVersion
    extra = 0
    can_delete = False
    fields = ["number", "title", "language", "published_at", "published_by"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


def _workflow_action(step, label):
    # Only publishing records who acted (in the version it keeps); the other steps take no actor.
    by_actor = step is services.document_publish

    def run(modeladmin, request, queryset):
        done = 0
        for document in queryset.select_related("organization"):
            try:
                step(document=document, **({"actor": request.user} if by_actor else {}))
                done += 1
            except DomainError as exc:
                modeladmin.message_user(request, f"{document}: {exc}", messages.WARNING)
        if done:
            modeladmin.message_user(request, f"{label}: {done} document(s).", messages.SUCCESS)

    run.short_description = f"{label} selected documents"
    run.__name__ = f"workflow_{step.__name__}"
    return run


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "language", "status", "visibility", "organization", "published_at", "is_example"]
    list_filter = ["status", "visibility", "language", "is_example", "organization"]
    search_fields = ["title", "summary"]
    list_select_related = ["organization"]
    readonly_fields = [
        "status", "published_at", "translation_group", "attachment_count", "rendered", "version",
        "created_at", "updated_at", "created_by",
    ]  # fmt: skip
    fields = [
        "organization", "title", "summary", "body", "rendered", "language", "topics", "countries",
        "visibility", "status", "published_at", "translation_group", "attachment_count", "is_example",
        "created_by", "version", "created_at", "updated_at",
    ]  # fmt: skip
    inlines = [AttachmentInline, DocumentVersionInline]
    actions = [
        _workflow_action(services.document_submit, "Submit for review"),
        _workflow_action(services.document_publish, "Publish"),
        _workflow_action(services.document_archive, "Archive"),
        _workflow_action(services.document_revise, "Turn back into draft"),
    ]

    @admin.display(description="Rendered body")
    def rendered(self, obj):
        # body_html was sanitized by nh3 when the document was saved.
        return format_html("<div>{}</div>", mark_safe(obj.body_html)) if obj.pk else ""  # noqa: S308

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        services.document_record_version(document=obj, actor=request.user)


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["name", "document", "content_type", "size", "created_at"]
    list_select_related = ["document"]
    search_fields = ["name", "sha256"]
    fields = ["document", "stored_as", "name", "content_type", "size", "sha256", "uploaded_by", "created_at"]
    readonly_fields = fields

    @admin.display(description="Stored as")
    def stored_as(self, obj):
        return obj.file.name  # never a link: files are served only through the API download

    def has_add_permission(self, request):
        return False
