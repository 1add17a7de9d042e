"""The Open Referral HSDS 3.1 API: read-only, scoped to what the caller may see like every read.

Lists answer HSDS's page envelope (`page`, `per_page`); a page past the last is a 404, bad
parameters a 400, and an id that names nothing the caller may see a 404. Each list costs the
same few queries at any page size: the count, and the page's rows with their organization.
"""

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.conditional import ConditionalRequestsMixin
from core.viewer import request_viewer
from organizations.models import ContactPoint, Organization

from . import mapping
from .ids import Kind, primary_key
from .serializers import (
    HSDS_PROFILE_URL,
    HSDS_VERSION,
    HsdsListQuerySerializer,
    HsdsOrganizationDetailSerializer,
    HsdsOrganizationPageSerializer,
    HsdsRootSerializer,
    HsdsServiceAtLocationDetailSerializer,
    HsdsServiceAtLocationPageSerializer,
    HsdsServicePageSerializer,
    HsdsServiceQuerySerializer,
    HsdsServiceSerializer,
)

TAG = "hsds"
NUMBER_ERRORS = ["invalid", "min_value", "max_value", "max_string_length"]
LIST_ERRORS = {"page": NUMBER_ERRORS, "per_page": NUMBER_ERRORS, "modified_after": ["invalid", "date"]}


def list_errors(**extra: list[str]):
    """Documents the 400 of a list: the codes each query parameter can be refused with."""

    def decorate(view):
        for name, codes in {**LIST_ERRORS, **extra}.items():
            view = extend_validation_errors(codes, field_name=name, actions=["list"])(view)
        return view

    return decorate


class HsdsRootView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="hsds_root",
        summary="HSDS: version of this API",
        description="Which HSDS version this API serves, and where its OpenAPI description is. Anyone.",
        responses=HsdsRootSerializer,
        tags=[TAG],
    )
    def get(self, request):
        body = {
            "version": HSDS_VERSION,
            "profile": HSDS_PROFILE_URL,
            "openapi_url": request.build_absolute_uri(f"{reverse('schema')}?format=json"),
        }
        return Response(HsdsRootSerializer(body).data)


class HsdsViewSet(ConditionalRequestsMixin, viewsets.GenericViewSet):
    """Lists and single objects of one HSDS kind; `present` maps one row, `filter_rows` a list's query.

    A single object is read like every other detail: with its ETag, and 304 to `If-None-Match`.
    """

    permission_classes = [AllowAny]
    # HSDS pages by `page` and `per_page` in its own envelope (`list`), and filters by its own names.
    pagination_class = None
    filter_backends = []
    http_method_names = ["get", "head", "options"]
    kind: Kind
    query_serializer_class = HsdsListQuerySerializer
    page_serializer_class: type

    def get_queryset(self):
        return self.queryset.visible_to(request_viewer(self.request))

    def get_object(self):
        pk = primary_key(self.kind, self.kwargs["id"])
        if pk is None:
            raise NotFound()
        return get_object_or_404(self.get_queryset(), pk=pk)

    def get_serializer(self, instance=None, *args, **kwargs):
        # The serializer renders what the mapping makes of the row.
        if instance is not None:
            instance = self.present(instance)
        return super().get_serializer(instance, *args, **kwargs)

    def filter_rows(self, queryset, query: dict):
        return queryset

    def present(self, obj) -> dict:
        raise NotImplementedError

    def list(self, request):
        params = self.query_serializer_class(data=request.query_params)
        params.is_valid(raise_exception=True)
        query = params.validated_data
        rows = self.filter_rows(self.get_queryset(), query)
        paginator = Paginator(rows, query["per_page"])
        try:
            page = paginator.page(query["page"])
        except EmptyPage as exc:
            raise NotFound(str(exc)) from exc  # Django's message, in the request's language
        body = {
            "total_items": paginator.count,
            "total_pages": paginator.num_pages,
            "page_number": page.number,
            "size": len(page.object_list),
            "first_page": not page.has_previous(),
            "last_page": not page.has_next(),
            "empty": paginator.count == 0,
            "contents": [self.present(obj) for obj in page.object_list],
        }
        return Response(self.page_serializer_class(body).data)


def changed_since(query: dict, *fields: str) -> Q:
    """Rows where any of `fields` (times of change) is at or after `modified_after`, if given."""
    since = query.get("modified_after")
    if since is None:
        return Q()
    condition = Q(pk__in=[])
    for name in fields:
        condition |= Q(**{f"{name}__gte": since})
    return condition


@list_errors()
class HsdsOrganizationViewSet(HsdsViewSet):
    queryset = Organization.objects.order_by("name", "id")
    serializer_class = HsdsOrganizationDetailSerializer
    page_serializer_class = HsdsOrganizationPageSerializer
    kind = Kind.ORGANIZATION

    def filter_rows(self, queryset, query):
        return queryset.filter(changed_since(query, "updated_at"))

    def present(self, obj) -> dict:
        if self.action == "list":
            return mapping.organization(obj)
        contacts = (
            ContactPoint.objects.visible_to(request_viewer(self.request))
            .filter(organization=obj)
            .select_related("organization")
            .order_by("channel", "id")
        )
        return mapping.organization_with_services(obj, contacts)

    @extend_schema(
        operation_id="hsds_organizations_list",
        summary="HSDS: organizations",
        description=(
            "The organizations you may see, by name, as HSDS organizations, a page at a time: public "
            "ones to anyone, network ones to members, restricted ones to their own members."
        ),
        parameters=[HsdsListQuerySerializer],
        responses=HsdsOrganizationPageSerializer,
        tags=[TAG],
    )
    def list(self, request):
        return super().list(request)

    @extend_schema(
        operation_id="hsds_organizations_retrieve",
        summary="HSDS: one organization with its services",
        description="An organization you may see, with its contact points you may see as its services.",
        responses=HsdsOrganizationDetailSerializer,
        tags=[TAG],
    )
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)


@list_errors(organization_id=["invalid"])
class HsdsServiceViewSet(HsdsViewSet):
    queryset = ContactPoint.objects.select_related("organization").order_by(
        "organization__name", "channel", "id"
    )
    serializer_class = HsdsServiceSerializer
    page_serializer_class = HsdsServicePageSerializer
    query_serializer_class = HsdsServiceQuerySerializer
    kind = Kind.SERVICE

    def filter_rows(self, queryset, query):
        queryset = queryset.filter(changed_since(query, "updated_at", "organization__updated_at"))
        if "organization_id" in query:
            organization = primary_key(Kind.ORGANIZATION, query["organization_id"])
            # Not an organization of ours: no services, as for one the caller may not see.
            queryset = queryset.filter(organization_id=organization) if organization else queryset.none()
        return queryset

    def present(self, obj) -> dict:
        return mapping.service(obj)

    @extend_schema(
        operation_id="hsds_services_list",
        summary="HSDS: services",
        description=(
            "The contact points you may see, as HSDS services, a page at a time, by organization: "
            "never more visible than their organization; paused and compromised ones only to their "
            "organization and admins."
        ),
        parameters=[HsdsServiceQuerySerializer],
        responses=HsdsServicePageSerializer,
        tags=[TAG],
    )
    def list(self, request):
        return super().list(request)

    @extend_schema(
        operation_id="hsds_services_retrieve",
        summary="HSDS: one service",
        description=(
            "A contact point you may see, as an HSDS service with its phones, schedules and languages."
        ),
        responses=HsdsServiceSerializer,
        tags=[TAG],
    )
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)


class HsdsServiceAtLocationViewSet(HsdsServiceViewSet):
    """Offices, the contact points that are places, under the services' rules and filters."""

    queryset = HsdsServiceViewSet.queryset.filter(channel=ContactPoint.Channel.OFFICE)
    serializer_class = HsdsServiceAtLocationDetailSerializer
    page_serializer_class = HsdsServiceAtLocationPageSerializer
    kind = Kind.SERVICE_AT_LOCATION

    def present(self, obj) -> dict:
        return mapping.service_at_location(obj)

    @extend_schema(
        operation_id="hsds_service_at_locations_list",
        summary="HSDS: services at locations",
        description=(
            "The offices you may see, as HSDS services at a physical location, a page at a time, by "
            "organization; visible as the services are."
        ),
        parameters=[HsdsServiceQuerySerializer],
        responses=HsdsServiceAtLocationPageSerializer,
        tags=[TAG],
    )
    def list(self, request):
        return super().list(request)

    @extend_schema(
        operation_id="hsds_service_at_locations_retrieve",
        summary="HSDS: one service at a location",
        description="An office you may see, with its location and its service.",
        responses=HsdsServiceAtLocationDetailSerializer,
        tags=[TAG],
    )
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)
