"""Organizations and contact points: declarations over the visibility-scoped base viewset."""

from django.utils.translation import ngettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from core.errors import PROBLEM_JSON, PROBLEM_KINDS, problem_type
from core.exports import FORMULA_NOTE, FileFormat, FileListMixin, csv_format, localized_rows
from core.filters import UnlessUnfilteredFilterBackend
from core.renderers import VCardRenderer
from core.schema import IF_MATCH, ValidationProblemSerializer, crud_docs, with_precondition
from core.viewsets import FastListMixin, VisibleModelViewSet

from .examples import CONTACT_POINT, ORGANIZATION
from .filters import ContactPointFilter, ContactPointOrdering, OrganizationFilter
from .imports import ImportReport, contact_points_import
from .models import ContactPoint, Organization
from .serializers import (
    ContactPointImportSerializer,
    ContactPointSerializer,
    ImportOptionsSerializer,
    ImportReportSerializer,
    OrganizationSerializer,
)
from .services import contact_point_verify
from .vcard import VCARD_FIELDS, vcard, vcards

FILES_NOTE = (
    " With `Accept: text/csv` or `?format=csv`: every object of the filtered list you may see, not a "
    f"page, as CSV (UTF-8 with a byte order mark; texts in your language; {FORMULA_NOTE})."
)
VCARD_NOTE = (
    " With `Accept: text/vcard` or `?format=vcf`: the active contacts of the filtered list as vCards "
    "(RFC 6350); `ids=1,2` picks contacts by id."
)

HOTLINE_EXAMPLE = OpenApiExample(
    "Network office hotline",
    value={
        "organization": 1,
        "channel": "phone",
        "value": "+49 30 1234567",
        "label": "Hotline (example data)",
        "languages": ["ru", "en", "de"],
        "countries": ["DE"],
        "topics": ["desertion", "asylum"],
        "hours": "Mon-Fri 10:00-18:00 CET",
        "security_advice": "Write first on Signal; calls from unknown numbers are not answered.",
        "visibility": "public",
    },
    request_only=True,
)


def import_problem(request, report: ImportReport) -> dict:
    """The refusal of an import: problem details whose errors also name their row."""
    count = len({error.row for error in report.errors})
    return {
        "type": problem_type("validation-error"),
        "title": str(PROBLEM_KINDS["validation-error"].title),
        "status": 400,
        "detail": ngettext(
            "%(count)d row is refused; nothing was imported.",
            "%(count)d rows are refused; nothing was imported.",
            count,
        )
        % {"count": count},
        "instance": request.path,
        "errors": [
            {"row": error.row, "attr": error.attr, "code": error.code, "detail": error.detail}
            for error in report.errors
        ],
    }


@crud_docs(
    "organization",
    "organizations",
    "organizations",
    read_note=(
        "Partner organizations you may see: public ones to anyone, network ones to members, "
        "restricted ones to their own members."
    ),
    list_note=FILES_NOTE,
    write_note=(
        "Admins create and delete organizations; coordinators update their own. "
        "Only admins may set `verified` and `slug`."
    ),
    sample=ORGANIZATION,
)
class OrganizationViewSet(FileListMixin, FastListMixin, VisibleModelViewSet):
    queryset = Organization.objects.all()
    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilter
    ordering_fields = ["name", "updated_at", "created_at"]
    ordering = ["name"]
    owner_field = "id"
    admin_actions = ("create", "destroy")
    list_files = (
        csv_format(
            "id",
            "name",
            "slug",
            "description",
            "countries",
            "kinds",
            "languages",
            "website",
            "visibility",
            "verified",
            "localized_language",
            "updated_at",
        ),
    )
    file_name = "organizations"

    @extend_schema(
        summary="Import contact points from CSV",
        description=(
            "Creates and updates the organization's contact points from a CSV file, each row as the "
            "API's create or update would write it. A row's `external_id` names the contact: the "
            "organization's contact with that id is updated (the columns the file has; an unchanged "
            "contact keeps its version), otherwise one is created, so importing a file twice changes "
            "nothing the second time. The external id is shown with the contact to everyone who may see "
            "it: use an opaque one, never a name or a place. All or nothing: if any row is refused, "
            "nothing is saved and the 400 lists every refusal with its `row`. `dry_run=true` checks and "
            "reports without saving. Coordinators of the organization and admins."
        ),
        request={"multipart/form-data": ContactPointImportSerializer},
        parameters=[ImportOptionsSerializer],
        responses={
            200: ImportReportSerializer,
            400: OpenApiResponse(
                ValidationProblemSerializer,
                description=(
                    "The file, or rows of it, are refused; nothing was saved. A refused row is named by "
                    "`errors[].row` and its column by `attr`; a file that cannot be read, or whose header "
                    "is wrong, by `attr` `file`."
                ),
            ),
        },
        tags=["contact-points"],
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="contact-points/import",
        parser_classes=[MultiPartParser],
        serializer_class=ContactPointImportSerializer,
        filterset_class=None,
    )
    def import_contact_points(self, request, pk=None):
        organization = self.get_object()
        options = ImportOptionsSerializer(data=request.query_params)
        options.is_valid(raise_exception=True)
        upload = self.get_serializer(data=request.data)
        upload.is_valid(raise_exception=True)
        report = contact_points_import(
            organization=organization,
            data=upload.validated_data["file"].read(),
            context={"request": request, "view": self},
            dry_run=options.validated_data["dry_run"],
        )
        if report.errors:
            return Response(import_problem(request, report), status=400, content_type=PROBLEM_JSON)
        return Response(ImportReportSerializer(report).data)


@crud_docs(
    "contact point",
    "contact points",
    "contact-points",
    read_note=(
        "Contact points never more visible than their organization; paused and compromised ones "
        "only to their organization and admins. `is_stale` says when the last verification is too old."
    ),
    list_note=FILES_NOTE + VCARD_NOTE,
    write_note="Coordinators of the owning organization and admins.",
    examples=[HOTLINE_EXAMPLE],
    sample=CONTACT_POINT,
)
class ContactPointViewSet(FileListMixin, FastListMixin, VisibleModelViewSet):
    queryset = ContactPoint.objects.select_related("organization")
    serializer_class = ContactPointSerializer
    filterset_class = ContactPointFilter
    filter_backends = [UnlessUnfilteredFilterBackend, ContactPointOrdering]
    ordering_fields = ["updated_at", "created_at", "last_verified_at", "channel"]
    ordering = ["organization__name", "channel", "id"]
    list_files = (
        csv_format(
            "id",
            "external_id",
            "organization",
            "organization_name",
            "channel",
            "value",
            "label",
            "languages",
            "countries",
            "topics",
            "hours",
            "time_zone",
            "security_advice",
            "status",
            "status_reason",
            "visibility",
            "last_verified_at",
            "is_stale",
            "localized_language",
            "updated_at",
        ),
        FileFormat(VCardRenderer, VCARD_FIELDS, vcards, only={"status": ContactPoint.Status.ACTIVE}),
    )
    file_name = "contact-points"

    @extend_schema(
        summary="A contact point as a vCard",
        description=(
            "The contact as a vCard 4.0 (RFC 6350) for an address book, texts in your language. Active "
            "contacts only: a paused or compromised one answers 404, since an address book would keep it."
        ),
        responses={(200, "text/vcard"): OpenApiResponse(OpenApiTypes.STR, description="One vCard.")},
        tags=["contact-points"],
    )
    @action(detail=True, methods=["get"], renderer_classes=[VCardRenderer], filterset_class=None)
    def vcard(self, request, pk=None):
        contact = self.get_object()
        if contact.status != ContactPoint.Status.ACTIVE:
            raise NotFound()
        data = self.get_serializer(contact).data
        (row,) = localized_rows([dict(data)], ContactPoint.translated_fields)
        return Response(
            vcard(row).encode(),
            content_type="text/vcard; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="contact-point-{contact.pk}.vcf"'},
        )

    @extend_schema(
        summary="Mark a contact point verified",
        description=(
            "Records that you checked this contact works, and when. "
            "Coordinators of the owning organization and admins."
        ),
        request=None,
        parameters=[IF_MATCH],
        responses=with_precondition(ContactPointSerializer),
        tags=["contact-points"],
    )
    @action(detail=True, methods=["post"])
    def verify(self, request, pk=None):
        return self.act_on_object(
            lambda contact_point: contact_point_verify(contact_point=contact_point, actor=request.user)
        )
