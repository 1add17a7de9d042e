"""Resources, their matches, responses and threads: declarations over the visibility-scoped base viewset."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from core.exports import FORMULA_NOTE, FileListMixin, csv_format
from core.references import with_visible_references
from core.schema import IF_MATCH, crud_docs, with_precondition
from core.viewsets import VisibleModelViewSet

from .examples import RESOURCE
from .filters import ResourceFilter, ResourceResponseFilter
from .models import Resource, ResourceResponse, ResponseMessage
from .serializers import (
    DecisionSerializer,
    MatchSerializer,
    ResourceResponseSerializer,
    ResourceResponseUpdateSerializer,
    ResourceSerializer,
    ResponseMessageSerializer,
)
from .services import (
    message_post,
    resource_create,
    resource_delete,
    resource_update,
    response_accept,
    response_create,
    response_decline,
    response_side,
    response_update,
    response_withdraw,
)

DECIDED = with_precondition(ResourceResponseSerializer)

FUNDING_OFFER_EXAMPLE = OpenApiExample(
    "Funding offer",
    value={
        "kind": "offer",
        "category": "funding",
        "organization": 1,
        "title": "Emergency fund for court fees (example data)",
        "description": "Covers court and translation fees of asylum appeals.",
        "countries": ["DE", "LT"],
        "languages": ["ru", "en"],
        "amount": "5000.00",
        "currency": "EUR",
        "valid_until": "2027-03-31",
        "visibility": "network",
    },
    request_only=True,
)


@crud_docs(
    "resource",
    "resources",
    "resources",
    read_note=(
        "Offers and requests of organizations, never more visible than their organization. "
        "`status` is `expired` for an open or in-progress resource past `valid_until`."
    ),
    list_note=(
        " With `Accept: text/csv` or `?format=csv`: every resource of the filtered list you may see, not a "
        f"page, as CSV (UTF-8 with a byte order mark; {FORMULA_NOTE})."
    ),
    write_note=(
        "Coordinators of the owning organization and admins. Funding needs `amount` and `currency`; "
        "other categories `capacity` (or an amount). `status` follows the workflow "
        "open → in_progress → fulfilled | withdrawn; any other move is a 400."
    ),
    examples=[FUNDING_OFFER_EXAMPLE],
    sample=RESOURCE,
)
# A currency without an amount is refused; so is a workflow move the status does not allow,
# and deleting a resource that has responses.
@extend_validation_errors(["invalid"], field_name="currency", actions=["create", "update", "partial_update"])
@extend_validation_errors(
    ["invalid"], field_name="status", actions=["create", "update", "partial_update", "destroy"]
)
class ResourceViewSet(FileListMixin, VisibleModelViewSet):
    queryset = Resource.objects.with_status().select_related("organization")
    serializer_class = ResourceSerializer
    filterset_class = ResourceFilter
    ordering_fields = ["created_at", "updated_at", "valid_until", "title"]
    ordering = ["-created_at", "id"]
    list_files = (
        csv_format(
            "id",
            "kind",
            "category",
            "organization",
            "organization_name",
            "title",
            "description",
            "countries",
            "languages",
            "amount",
            "currency",
            "capacity",
            "valid_until",
            "visibility",
            "status",
            "updated_at",
        ),
    )
    file_name = "resources"

    def perform_create(self, serializer):
        serializer.instance = resource_create(actor=self.request.user, **serializer.validated_data)
        self._etag_object = serializer.instance

    def perform_update(self, serializer):
        serializer.instance = resource_update(
            resource=serializer.instance, actor=self.request.user, **serializer.validated_data
        )

    def perform_destroy(self, instance):
        resource_delete(resource=instance)

    @extend_schema(
        summary="Matching resources",
        description=(
            "Open, unexpired resources of the opposite kind and the same category, of other organizations, "
            "that share at least one country or language with this one; the largest overlap first. "
            "Only resources you may see are listed."
        ),
        responses=MatchSerializer(many=True),
        tags=["resources"],
    )
    @action(detail=True, methods=["get"], serializer_class=MatchSerializer, filterset_class=None)
    def matches(self, request, pk=None):
        resource = self.get_object()
        matches = Resource.objects.matching(resource).visible_to(self.viewer).select_related("organization")
        page = self.paginate_queryset(matches)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@crud_docs(
    "response",
    "responses",
    "responses",
    read_note=(
        "Responses to resources. Only the owning organization of the resource, the responding "
        "organization and admins see a response; for anyone else it does not exist."
    ),
    write_note=(
        "A coordinator responds for an organization other than the resource's owner, to an open resource "
        "they can see; the responder may edit a pending response."
    ),
)
# The workflow refuses a decision or an edit on a response that is no longer pending, and a
# response to, or acceptance for, a resource that is no longer open.
@extend_validation_errors(["invalid"], field_name="resource", actions=["create", "accept"])
@extend_validation_errors(
    ["invalid"], field_name="status", actions=["partial_update", "accept", "decline", "withdraw"]
)
class ResourceResponseViewSet(VisibleModelViewSet):
    queryset = ResourceResponse.objects.select_related("organization", "resource__organization")
    serializer_class = ResourceResponseSerializer
    filterset_class = ResourceResponseFilter
    http_method_names = ["get", "post", "patch", "head", "options"]
    ordering_fields = ["created_at", "updated_at"]
    ordering = ["-created_at", "id"]

    def get_serializer_class(self):
        if self.action == "partial_update":
            return ResourceResponseUpdateSerializer
        return super().get_serializer_class()

    def owner_id_of(self, obj) -> int | None:
        return response_side(response=obj, viewer=self.viewer, action=self.action)

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = response_create(
            resource=data["resource"],
            organization=data["organization"],
            message=data["message"],
            contribution=data.get("contribution", ""),
            actor=self.request.user,
        )
        self._etag_object = serializer.instance

    def perform_update(self, serializer):
        serializer.instance = response_update(response=serializer.instance, **serializer.validated_data)

    def _decided(self, service, request, **kwargs):
        return self.act_on_object(lambda response: service(response=response, actor=request.user, **kwargs))

    def _noted(self, service, request):
        decision = DecisionSerializer(data=request.data)
        decision.is_valid(raise_exception=True)
        return self._decided(service, request, note=decision.validated_data.get("note", ""))

    @extend_schema(
        summary="Accept a response",
        description=(
            "Coordinators of the resource's organization and admins. The resource moves to `in_progress` "
            "and the responding organization finds the decision in its inbox. Only pending responses."
        ),
        request=DecisionSerializer,
        parameters=[IF_MATCH],
        responses=DECIDED,
        tags=["responses"],
    )
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._noted(response_accept, request)

    @extend_schema(
        summary="Decline a response",
        description="Coordinators of the resource's organization and admins. Only pending responses.",
        request=DecisionSerializer,
        parameters=[IF_MATCH],
        responses=DECIDED,
        tags=["responses"],
    )
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        return self._noted(response_decline, request)

    @extend_schema(
        summary="Withdraw a response",
        description="Coordinators of the responding organization and admins. Only pending responses.",
        request=None,
        parameters=[IF_MATCH],
        responses=DECIDED,
        tags=["responses"],
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        return self._decided(response_withdraw, request)

    @extend_schema(
        methods=["GET"],
        summary="Messages on a response",
        description="The thread between the two organizations, oldest first. Their members and admins.",
        responses=ResponseMessageSerializer(many=True),
        tags=["responses"],
    )
    @extend_schema(
        methods=["POST"],
        summary="Write a message on a response",
        description="Coordinators of either organization and admins; the other side finds it in its inbox.",
        request=ResponseMessageSerializer,
        responses={201: ResponseMessageSerializer},
        tags=["responses"],
    )
    @action(
        detail=True, methods=["get", "post"], serializer_class=ResponseMessageSerializer, filterset_class=None
    )
    def messages(self, request, pk=None):
        response = self.get_object()
        if request.method == "POST":
            serializer = self.get_serializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            message = message_post(
                response=response,
                body=serializer.validated_data["body"],
                viewer=self.viewer,
                actor=request.user,
            )
            # A message has no address of its own: the new one is read in its thread, this address.
            thread = request.build_absolute_uri(request.path)
            return Response(
                self.get_serializer(message).data,
                status=status.HTTP_201_CREATED,
                headers={"Location": thread},
            )
        thread = with_visible_references(
            ResponseMessage.objects.visible_to(self.viewer)
            .filter(response=response)
            .select_related("organization", "author"),
            ResponseMessageSerializer,
            self.viewer,
        )
        page = self.paginate_queryset(thread)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
