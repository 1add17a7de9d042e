"""Webhook endpoints: coordinators register their organization's, the network office sees all."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from core.pagination import CappedPageNumberPagination
from core.permissions import RoleWritePermission
from core.ratelimit import RateLimitHeadersMixin
from core.schema import IF_MATCH, crud_docs, with_precondition
from core.viewsets import VisibleModelViewSet

from . import services
from .models import WebhookEndpoint
from .serializers import (
    WebhookDeliverySerializer,
    WebhookEndpointSerializer,
    WebhookEndpointWithSecretSerializer,
)

TAG = "webhooks"

ENDPOINT_EXAMPLE = OpenApiExample(
    "A partner website's directory",
    value={
        "organization": 7,
        "url": "https://partner.example.org/hooks/waypoint",
        "description": "Keeps the contacts page of our website current (example data).",
        "event_types": ["contact_point.*", "organization.updated"],
    },
    request_only=True,
)


@crud_docs(
    "webhook endpoint",
    "webhook endpoints",
    TAG,
    read_note=(
        "Endpoints that receive signed events (Standard Webhooks) of the changes your organization may "
        "see: coordinators see their organizations' endpoints, admins all. The secret is never shown "
        "here; see docs/webhooks.md for the events and how to verify them."
    ),
    write_note=(
        "Coordinators of the organization and admins. The address must be HTTPS on the public internet. "
        "The answer to a creation holds the signing secret, once: keep it, it is not shown again."
    ),
    examples=[ENDPOINT_EXAMPLE],
)
class WebhookEndpointViewSet(RateLimitHeadersMixin, VisibleModelViewSet):
    queryset = WebhookEndpoint.objects.select_related("organization")
    serializer_class = WebhookEndpointSerializer
    permission_classes = [IsAuthenticated, RoleWritePermission]
    filterset_fields = ["organization", "is_active"]
    ordering_fields = ["created_at", "updated_at"]
    ordering = ["-created_at", "-id"]
    # Their answers hold the secret: no Idempotency-Key record may keep a copy (core/idempotency.py).
    idempotency_exempt_actions = frozenset({"create", "rotate_secret"})
    throttle_scope = "webhook_test"  # the rate of the one throttled action, `test`

    def get_serializer_class(self):
        if self.action in ("create", "rotate_secret"):
            return WebhookEndpointWithSecretSerializer
        if self.action == "deliveries":
            return WebhookDeliverySerializer
        return super().get_serializer_class()

    def get_success_headers(self, data):
        # DRF would take `Location` from a field named `url`: here the receiver's address, not ours.
        return {}

    def perform_create(self, serializer):
        serializer.instance = services.endpoint_create(actor=self.request.user, **serializer.validated_data)
        self._etag_object = serializer.instance

    def perform_update(self, serializer):
        serializer.instance = services.endpoint_update(
            endpoint=serializer.instance, **serializer.validated_data
        )

    @extend_schema(
        summary="Rotate a webhook endpoint's secret",
        description=(
            "A new signing secret, in this answer only. The old one stops at once: every delivery from "
            "now on, retries of earlier events included, is signed with the new one."
        ),
        request=None,
        parameters=[IF_MATCH],
        responses=with_precondition(WebhookEndpointWithSecretSerializer),
        tags=[TAG],
    )
    @action(detail=True, methods=["post"], url_path="rotate-secret", filter_backends=[])
    def rotate_secret(self, request, pk=None):
        return self.act_on_object(lambda endpoint: services.endpoint_rotate_secret(endpoint=endpoint))

    @extend_schema(
        summary="Send a test event",
        description=(
            "Queues a `webhook.test` event to the endpoint, signed like every other; its delivery shows "
            "in the log. Coordinators of the organization and admins, each a limited number of times "
            "an hour (THROTTLE_WEBHOOK_TEST)."
        ),
        request=None,
        responses={202: WebhookDeliverySerializer},
        tags=[TAG],
    )
    # Each test is a request to an address the caller chose, and a job: rationed per caller so one
    # cannot keep the workers busy sending to a receiver that never answers.
    @action(
        detail=True,
        methods=["post"],
        filter_backends=[],
        throttle_classes=[ScopedRateThrottle],
    )
    def test(self, request, pk=None):
        delivery = services.endpoint_ping(endpoint=self.get_object())
        return Response(WebhookDeliverySerializer(delivery).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        summary="The delivery log of a webhook endpoint",
        description=(
            "Events sent or waiting to be sent to this endpoint, newest first: status, attempts and the "
            "last attempt's status code, error and duration."
        ),
        responses=WebhookDeliverySerializer(many=True),
        tags=[TAG],
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=CappedPageNumberPagination)
    def deliveries(self, request, pk=None):
        page = self.paginate_queryset(self.get_object().deliveries.order_by("-created_at", "-id"))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
