"""Document, version and attachment representations.

`body` is Markdown as written; `body_html` is what to show: rendered and sanitized on the
server, so a client inserts it as is. Titles and summaries are plain text.
"""

import re

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.representation import Computed
from core.serializers import (
    OwnedByOrganizationMixin,
    StrictInputMixin,
    countries_field,
    topics_field,
    visibility_field,
)
from core.vocabulary import LANGUAGE_CHOICES

from .models import Attachment, Document, DocumentRevision, DocumentVersion

MAX_BODY_LENGTH = 200_000
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class CleanTextField(serializers.CharField):
    """Text without control characters (line breaks and tabs stay)."""

    def to_internal_value(self, data):
        return CONTROL_CHARACTERS.sub("", super().to_internal_value(data))


def language_field(**kwargs) -> serializers.ChoiceField:
    kwargs.setdefault("help_text", "ISO 639-1 code.")
    return serializers.ChoiceField(choices=LANGUAGE_CHOICES, **kwargs)


def attachment_download_url(document_id: int, attachment_id: int) -> str:
    return reverse("document-download", kwargs={"pk": document_id, "attachment_id": attachment_id})


class AttachmentSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField(help_text="Where to download the file (API path).")

    computed_fields = {"download_url": Computed(("document_id", "id"), attachment_download_url)}

    class Meta:
        model = Attachment
        fields = ["id", "name", "content_type", "size", "sha256", "is_example", "created_at", "download_url"]
        read_only_fields = fields

    def get_download_url(self, attachment) -> str:
        return attachment_download_url(attachment.document_id, attachment.pk)


def no_revision_read(_id) -> None:
    """A list fills `revision_status` per viewer after reading its page (DocumentViewSet.list)."""
    return None


class DocumentRevisionSerializer(serializers.ModelSerializer):
    """The text a published document's authors are revising; readers still see the published one."""

    topics = topics_field()
    countries = countries_field(help_text="Countries the document is about (ISO 3166-1 alpha-2).")
    visibility = visibility_field()

    class Meta:
        model = DocumentRevision
        fields = [
            "status", "title", "summary", "body", "body_html", "topics", "countries", "visibility",
            "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields
        extra_kwargs = {"body_html": {"help_text": "The body as sanitized HTML, safe to insert as is."}}


class AttachmentUploadSerializer(serializers.Serializer):
    file = serializers.FileField(
        allow_empty_file=False,
        use_url=False,
        help_text="PDF, ODT, DOCX, PNG, JPEG or UTF-8 plain text; the type is read from the content.",
    )
    name = serializers.CharField(
        required=False, max_length=200, help_text="File name to show; defaults to the uploaded file's name."
    )


class DocumentCardSerializer(serializers.ModelSerializer):
    """A document without its body: translations, country profiles."""

    organization_name = serializers.CharField(source="organization.name", read_only=True)
    language = language_field()
    topics = topics_field()
    countries = countries_field(help_text="Countries the document is about (ISO 3166-1 alpha-2).")
    visibility = visibility_field(required=False)

    class Meta:
        model = Document
        fields = [
            "id", "title", "summary", "language", "translation_group", "topics", "countries",
            "organization", "organization_name", "visibility", "status", "published_at",
            "attachment_count", "is_example", "version", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields


class DocumentSerializer(StrictInputMixin, OwnedByOrganizationMixin, serializers.ModelSerializer):
    """The full document. Status changes go through the workflow actions, never through a write."""

    organization_name = serializers.CharField(source="organization.name", read_only=True)
    title = CleanTextField(max_length=300)
    summary = CleanTextField(required=False, allow_blank=True, max_length=2000, help_text="Plain text.")
    body = CleanTextField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        max_length=MAX_BODY_LENGTH,
        help_text="Markdown.",
    )
    language = language_field()
    topics = topics_field()
    countries = countries_field(help_text="Countries the document is about (ISO 3166-1 alpha-2).")
    visibility = visibility_field(required=False)
    translation_of = serializers.PrimaryKeyRelatedField(
        queryset=Document.objects.none(),
        write_only=True,
        required=False,
        help_text="On creation: the document this one translates; both then list each other as translations.",
    )
    attachments = AttachmentSerializer(many=True, read_only=True)
    # `status` and the text are what readers see. While a published document is revised, its
    # authors and admins also get `revision_status` (and in the detail the `revision` itself);
    # their writes change the revision.
    revision_status = serializers.SerializerMethodField(
        help_text=(
            "For the authors and admins: the status of the revision under way of this published "
            "document (null when none, or not yours to see)."
        )
    )

    computed_fields = {"revision_status": Computed(("id",), no_revision_read)}

    class Meta:
        model = Document
        fields = [
            "id", "title", "summary", "body", "body_html", "language", "translation_group",
            "translation_of", "topics", "countries", "organization", "organization_name",
            "visibility", "status", "revision_status", "published_at", "attachment_count",
            "attachments", "is_example", "version", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = [
            "id", "body_html", "translation_group", "status", "published_at", "attachment_count",
            "is_example", "version", "created_at", "updated_at",
        ]  # fmt: skip
        extra_kwargs = {"body_html": {"help_text": "The body as sanitized HTML, safe to insert as is."}}

    def revision_seen(self, document) -> DocumentRevision | None:
        """The revision under way the viewer may see (read once per document and serializer)."""
        if "request" not in self.context:
            return None
        seen = self.__dict__.setdefault("_revisions_seen", {})
        if document.pk not in seen:
            seen[document.pk] = (
                DocumentRevision.objects.visible_to(self.viewer).filter(document=document).first()
            )
        return seen[document.pk]

    @extend_schema_field(serializers.ChoiceField(choices=DocumentRevision.Status.choices, allow_null=True))
    def get_revision_status(self, document) -> str | None:
        revision = self.revision_seen(document)
        return revision.status if revision is not None else None

    def get_fields(self):
        fields = super().get_fields()
        if "request" in self.context and not fields["translation_of"].read_only:
            fields["translation_of"].queryset = Document.objects.visible_to(self.viewer)
        return fields


class PreviewSerializer(serializers.Serializer):
    """Markdown to preview, limited as a document's body is."""

    body = CleanTextField(
        allow_blank=True, trim_whitespace=False, max_length=MAX_BODY_LENGTH, help_text="Markdown."
    )


class PreviewHtmlSerializer(serializers.Serializer):
    html = serializers.CharField(
        read_only=True, help_text="The body as sanitized HTML, exactly as `body_html` would be."
    )


class TranslationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Document
        fields = ["id", "title", "language", "status", "updated_at"]
        read_only_fields = fields


class DocumentDetailSerializer(DocumentSerializer):
    """One document with the translations the viewer may see and its latest version number."""

    translations = serializers.SerializerMethodField(
        help_text="Other languages of this document you may see."
    )
    latest_version = serializers.SerializerMethodField(help_text="Number of the latest published version.")
    revision = serializers.SerializerMethodField(
        help_text="For the authors and admins: the revision under way (null when none, or not yours to see)."
    )

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "translations", "latest_version", "revision"]

    @extend_schema_field(DocumentRevisionSerializer(allow_null=True))
    def get_revision(self, document) -> dict | None:
        revision = self.revision_seen(document)
        return DocumentRevisionSerializer(revision).data if revision is not None else None

    def get_translations(self, document) -> list[dict]:
        siblings = (
            Document.objects.visible_to(self.viewer)
            .filter(translation_group=document.translation_group)
            .exclude(pk=document.pk)
            .order_by("language", "id")
        )
        return TranslationSerializer(siblings[:50], many=True).data

    def get_latest_version(self, document) -> int | None:
        # The latest version the viewer may read (a version keeps the audience it was published to).
        versions = DocumentVersion.objects.visible_to(self.viewer).filter(document=document)
        return versions.order_by("-number").values_list("number", flat=True).first()


class DocumentVersionListSerializer(serializers.ModelSerializer):
    class Meta:
        model = DocumentVersion
        fields = ["number", "title", "language", "published_at"]
        read_only_fields = fields


class DocumentVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = DocumentVersion
        fields = ["number", "title", "summary", "body", "body_html", "language", "published_at"]
        read_only_fields = fields


class DiffParamsSerializer(serializers.Serializer):
    from_version = serializers.IntegerField(
        min_value=1, max_value=10**9, help_text="The older version number."
    )
    to_version = serializers.IntegerField(
        min_value=1,
        max_value=10**9,
        required=False,
        help_text="The newer version number; the latest when left out.",
    )


class DiffSerializer(serializers.Serializer):
    from_version = serializers.IntegerField()
    to_version = serializers.IntegerField()
    diff = serializers.CharField(help_text="A unified diff of title, summary and Markdown body (plain text).")


class TranslationParamsSerializer(serializers.Serializer):
    language = language_field(
        required=False,
        help_text="The language wanted; when there is none, the Accept-Language header decides.",
    )
