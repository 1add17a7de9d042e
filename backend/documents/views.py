"""Documents: CRUD over the visibility-scoped base viewset, plus the review workflow,
translations, versions and attachments as actions of the same resource."""

from django.conf import settings
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from core.errors import PayloadTooLarge
from core.pagination import CappedPageNumberPagination
from core.schema import IF_MATCH, crud_docs, with_precondition
from core.viewsets import FastListMixin, VisibleModelViewSet

from . import services
from .examples import DOCUMENT
from .filters import DocumentFilter
from .markdown import render_markdown
from .models import Document, DocumentRevision, DocumentVersion
from .serializers import (
    AttachmentSerializer,
    AttachmentUploadSerializer,
    DiffParamsSerializer,
    DiffSerializer,
    DocumentCardSerializer,
    DocumentDetailSerializer,
    DocumentSerializer,
    DocumentVersionListSerializer,
    DocumentVersionSerializer,
    PreviewHtmlSerializer,
    PreviewSerializer,
    TranslationParamsSerializer,
)
from .uploads import ALLOWED as ACCEPTED_KINDS
from .uploads import UploadRejected, UploadTooLarge, inspect_upload

TAG = "documents"
READ_NOTE = (
    "Published documents by their visibility, never more visible than the author organization; "
    "drafts, documents in review and archived ones only to the author organization and admins."
)
GUIDE_EXAMPLE = OpenApiExample(
    "A guide",
    value={
        "organization": 1,
        "title": "Asylum in Germany for objectors and deserters (example data)",
        "summary": "What to expect at the hearing and which papers to bring.",
        "body": "## Before the hearing\n\nCollect every paper about your call-up.",
        "language": "en",
        "topics": ["asylum", "desertion"],
        "countries": ["DE"],
        "visibility": "public",
    },
    request_only=True,
)


def _workflow_docs(summary: str, description: str):
    """A workflow action moves the document on only from the version the caller read (`If-Match`)."""
    return extend_schema(
        summary=summary,
        description=description,
        request=None,
        parameters=[IF_MATCH],
        responses=with_precondition(DocumentDetailSerializer),
        tags=[TAG],
    )


@crud_docs(
    "document",
    "documents",
    TAG,
    read_note=READ_NOTE,
    write_note=(
        "Coordinators of the author organization write drafts; once submitted, only admins change it. "
        "`status` changes only through submit, publish, archive and revise."
    ),
    examples=[GUIDE_EXAMPLE],
    sample=DOCUMENT,
)
@extend_validation_errors(["invalid"], field_name="status", actions=list(services.TRANSITIONS))
@extend_validation_errors(
    ["invalid"], field_name="translation_of", actions=["create", "update", "partial_update"]
)
@extend_validation_errors(["invalid"], field_name="language", actions=["create", "update", "partial_update"])
@extend_validation_errors(["invalid_choice"], field_name="language", actions=["translation"])
@extend_validation_errors(
    ["required", "invalid", "min_value", "max_value", "max_string_length"],
    field_name="from_version",
    actions=["diff"],
)
@extend_validation_errors(
    ["invalid", "min_value", "max_value", "max_string_length"], field_name="to_version", actions=["diff"]
)
@extend_validation_errors(
    ["required", "invalid", "empty", "no_name", "max_length"], field_name="file", actions=["attachments"]
)
@extend_validation_errors(
    ["blank", "max_length", "null_characters_not_allowed", "surrogate_characters_not_allowed"],
    field_name="name",
    actions=["attachments"],
)
class DocumentViewSet(FastListMixin, VisibleModelViewSet):
    queryset = Document.objects.select_related("organization")
    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter
    ordering_fields = ["title", "language", "published_at", "updated_at", "created_at"]
    ordering = ["title", "id"]
    admin_actions = tuple(step for step, (*_, admins_only) in services.TRANSITIONS.items() if admins_only)

    # A preview writes nothing: there is no answer worth keeping for a retry (core/idempotency.py).
    idempotency_exempt_actions = frozenset({"preview"})

    DETAIL_ACTIONS = ("retrieve", "translation", "create", "update", "partial_update", *services.TRANSITIONS)

    def get_queryset(self):
        return super().get_queryset().prefetch_related("attachments")

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        rows = response.data["results"]
        # The revisions this viewer may see, one query a page (the compiled list reads no viewer).
        statuses = dict(
            DocumentRevision.objects.visible_to(self.viewer)
            .filter(document_id__in=[row["id"] for row in rows])
            .values_list("document_id", "status")
        )
        for row in rows:
            row["revision_status"] = statuses.get(row["id"])
        return response

    def changes_nothing(self, serializer) -> bool:
        # A revision's text is compared with nothing here: the write goes to the revision.
        return services.open_revision(serializer.instance) is None and super().changes_nothing(serializer)

    def get_serializer_class(self):
        if self.action in self.DETAIL_ACTIONS:
            return DocumentDetailSerializer
        return super().get_serializer_class()

    def perform_content_negotiation(self, request, force=False):
        # A download answers with the file whatever the client says it accepts.
        return super().perform_content_negotiation(request, force=force or self.action == "download")

    # -- writes --------------------------------------------------------------------------

    def perform_create(self, serializer):
        serializer.instance = services.document_create(
            viewer=self.viewer, actor=self.request.user, **serializer.validated_data
        )
        self._etag_object = serializer.instance

    def perform_update(self, serializer):
        serializer.instance = services.document_update(
            document=serializer.instance,
            viewer=self.viewer,
            actor=self.request.user,
            **serializer.validated_data,
        )

    def perform_destroy(self, instance):
        services.document_delete(document=instance, viewer=self.viewer)

    @_workflow_docs(
        "Submit a draft for review",
        "Coordinators of the author organization and admins; the document must be a draft.",
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def submit(self, request, pk=None):
        return self.act_on_object(lambda document: services.document_submit(document=document))

    @_workflow_docs(
        "Publish a document",
        "Admins only. From review (or archived); readers see it from now on, and its text is kept "
        "as a new version.",
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def publish(self, request, pk=None):
        return self.act_on_object(
            lambda document: services.document_publish(document=document, actor=request.user)
        )

    @_workflow_docs(
        "Archive a document", "Admins only. Readers no longer see it; its versions stay in the history."
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def archive(self, request, pk=None):
        return self.act_on_object(lambda document: services.document_archive(document=document))

    @_workflow_docs(
        "Turn a document back into a draft",
        "Coordinators of the author organization and admins: to revise a published or archived "
        "document, or to return one from review. A published document stays published: the revision "
        "is written beside it (`revision` in the detail, for its authors and admins) and readers keep "
        "the published text until the revision is published.",
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def revise(self, request, pk=None):
        return self.act_on_object(lambda document: services.document_revise(document=document))

    @extend_schema(
        summary="Preview Markdown as a document body",
        description=(
            "Renders `body` with the same renderer and sanitizer that make a document's `body_html`, "
            "so an editor shows exactly what readers will see. Writes nothing. For those who write "
            "documents: coordinators and admins."
        ),
        request=PreviewSerializer,
        responses=PreviewHtmlSerializer,
        tags=[TAG],
    )
    @action(detail=False, methods=["post"], filter_backends=[], pagination_class=None)
    def preview(self, request):
        params = PreviewSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        return Response({"html": render_markdown(params.validated_data["body"])})

    # -- translations --------------------------------------------------------------------

    def _siblings(self, document: Document):
        return (
            Document.objects.visible_to(self.viewer)
            .select_related("organization")
            .filter(translation_group=document.translation_group)
        )

    @extend_schema(
        summary="List the languages of a document",
        description="Every language of this document that you may see, itself included.",
        responses=DocumentCardSerializer(many=True),
        tags=[TAG],
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=CappedPageNumberPagination)
    def translations(self, request, pk=None):
        document = self.get_object()
        page = self.paginate_queryset(self._siblings(document).order_by("language", "id"))
        return self.get_paginated_response(DocumentCardSerializer(page, many=True).data)

    @extend_schema(
        summary="Get a document in the reader's language",
        description=(
            "The translation of this document in `language`; without it, or when there is none, "
            "the first language of the Accept-Language header that exists; otherwise this document."
        ),
        parameters=[TranslationParamsSerializer],
        responses=DocumentDetailSerializer,
        tags=[TAG],
    )
    @action(detail=True, methods=["get"], filter_backends=[])
    def translation(self, request, pk=None):
        params = TranslationParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        document = self.get_object()
        wanted = [params.validated_data["language"]] if "language" in params.validated_data else []
        header = request.headers.get("Accept-Language", "")[:500]
        wanted += [tag.split("-")[0].lower() for tag, _ in parse_accept_lang_header(header) if tag != "*"]
        by_language: dict[str, Document] = {}
        for sibling in self._siblings(document).prefetch_related("attachments").order_by("-updated_at"):
            current = by_language.get(sibling.language)
            if current is None or (
                current.status != Document.Status.PUBLISHED and sibling.status == Document.Status.PUBLISHED
            ):
                by_language[sibling.language] = sibling
        chosen = next((by_language[code] for code in wanted if code in by_language), document)
        self._etag_object = chosen
        response = Response(self.get_serializer(chosen).data, headers={"Content-Language": chosen.language})
        patch_vary_headers(response, ["Accept-Language"])
        return response

    # -- versions ------------------------------------------------------------------------

    def _versions(self, document: Document):
        """The versions of `document` the viewer may read: not those published while fewer could see it.

        A document widened from restricted to public must not show its restricted past to the
        public; each version keeps the level it was published at (its `visibility_rule`).
        """
        return DocumentVersion.objects.visible_to(self.viewer).filter(document=document)

    @extend_schema(
        summary="List the published versions of a document",
        description="Each publication is kept; the newest comes first.",
        responses=DocumentVersionListSerializer(many=True),
        tags=[TAG],
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=CappedPageNumberPagination)
    def versions(self, request, pk=None):
        document = self.get_object()
        page = self.paginate_queryset(self._versions(document).order_by("-number"))
        return self.get_paginated_response(DocumentVersionListSerializer(page, many=True).data)

    @extend_schema(
        summary="Get one published version of a document",
        description="The title, summary and body as they were published.",
        responses=DocumentVersionSerializer,
        tags=[TAG],
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"versions/(?P<number>[0-9]{1,9})",
        filter_backends=[],
    )
    def version(self, request, pk=None, number=None):
        document = self.get_object()
        version = get_object_or_404(self._versions(document), number=int(number))
        self._etag_object = document
        return Response(DocumentVersionSerializer(version).data)

    @extend_schema(
        summary="Compare two versions of a document",
        description="A unified diff (plain text) of the title, summary and Markdown body.",
        parameters=[DiffParamsSerializer],
        responses=DiffSerializer,
        tags=[TAG],
    )
    @action(detail=True, methods=["get"], filter_backends=[])
    def diff(self, request, pk=None):
        params = DiffParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        document = self.get_object()
        versions = {v.number: v for v in self._versions(document)}
        older_number = params.validated_data["from_version"]
        newer_number = params.validated_data.get("to_version", max(versions, default=0))
        errors = {}
        for name, number in (("from_version", older_number), ("to_version", newer_number)):
            if number not in versions:
                errors[name] = [f"This document has no version {number}; it has {len(versions)}."]
        if errors:
            raise serializers.ValidationError(errors)
        diff = services.version_diff(older=versions[older_number], newer=versions[newer_number])
        self._etag_object = document
        return Response(
            DiffSerializer({"from_version": older_number, "to_version": newer_number, "diff": diff}).data
        )

    # -- attachments ---------------------------------------------------------------------

    @extend_schema(
        summary="Attach a file to a document",
        description=(
            "multipart/form-data with `file`. Accepted: PDF, ODT, DOCX, PNG, JPEG and UTF-8 plain "
            f"text, recognized by content; at most {settings.UPLOAD_MAX_BYTES // (1024 * 1024)} MB. "
            "The name must end in the extension of what the content is. Coordinators of the author "
            "organization (drafts) and admins."
        ),
        request=AttachmentUploadSerializer,
        responses={201: AttachmentSerializer},
        tags=[TAG],
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="attachments",
        parser_classes=[MultiPartParser],
        filter_backends=[],
    )
    def attachments(self, request, pk=None):
        document = self.get_object()
        services.document_check_editable(document=document, viewer=self.viewer)
        declared = request.META.get("CONTENT_LENGTH", "")
        if declared.isdigit() and int(declared) > settings.UPLOAD_MAX_BYTES + 64 * 1024:
            # Refused before the multipart body is read and spooled to disk.
            raise PayloadTooLarge(
                f"The upload is larger than the limit of {settings.UPLOAD_MAX_BYTES:,} bytes."
            )
        upload = AttachmentUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        file = upload.validated_data["file"]
        try:
            inspected = inspect_upload(file, upload.validated_data.get("name"))
            attachment = services.attachment_add(
                document=document, upload=file, inspected=inspected, actor=request.user
            )
        except UploadTooLarge as exc:
            raise PayloadTooLarge(str(exc)) from exc
        except UploadRejected as exc:
            raise serializers.ValidationError({"file": [str(exc)]}) from exc
        data = AttachmentSerializer(attachment).data
        location = request.build_absolute_uri(data["download_url"])
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": location})

    def _attachment(self, document: Document, attachment_id: str):
        return get_object_or_404(document.attachments.all(), pk=int(attachment_id))

    @extend_schema(
        summary="Remove an attachment",
        description=(
            "Coordinators of the author organization (drafts) and admins. `If-Match` takes the "
            "document's ETag: removing an attachment changes the document."
        ),
        request=None,
        responses={204: None},
        tags=[TAG],
    )
    @action(
        detail=True,
        methods=["delete"],
        url_path=r"attachments/(?P<attachment_id>[0-9]{1,18})",
        filter_backends=[],
    )
    def attachment(self, request, pk=None, attachment_id=None):
        document = self.get_object()
        services.document_check_editable(document=document, viewer=self.viewer)
        attachment = self._attachment(document, attachment_id)
        self.check_precondition(document)
        services.attachment_delete(attachment=attachment)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Download an attachment",
        description=(
            "The file, to anyone who may see the document (404 otherwise). Always sent as a "
            "download, with the type detected at upload and `X-Content-Type-Options: nosniff`."
        ),
        responses={
            (200, kind.content_type): OpenApiResponse(
                OpenApiTypes.BINARY, description="The file, as the type detected when it was uploaded."
            )
            for kind in ACCEPTED_KINDS
        },
        tags=[TAG],
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"attachments/(?P<attachment_id>[0-9]{1,18})/download",
        filter_backends=[],
    )
    def download(self, request, pk=None, attachment_id=None):
        document = self.get_object()
        attachment = self._attachment(document, attachment_id)
        self._etag_object = document
        response = FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.name,
            content_type=attachment.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        response["Content-Length"] = str(attachment.size)
        return response
