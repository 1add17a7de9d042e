"""Campaigns, events and their calendar feeds."""

import hashlib
from datetime import timedelta

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.errors import if_none_match_hits
from core.schema import crud_docs
from core.viewer import viewer_for
from core.viewsets import VisibleModelViewSet

from .examples import CAMPAIGN, EVENT
from .filters import CampaignFilter, EventFilter
from .ical import calendar_bytes
from .models import CalendarFeed, Campaign, Event
from .renderers import ICalendarRenderer
from .serializers import (
    CalendarFeedSerializer,
    CampaignSerializer,
    EventSerializer,
    IssuedCalendarFeedSerializer,
    feed_state,
)

FEED_MAX_EVENTS = 1000  # a feed is one document; calendar apps cannot page through it

ICS_RESPONSE = {
    (200, "text/calendar"): OpenApiResponse(
        OpenApiTypes.STR, description="An iCalendar (RFC 5545) document; its ETag serves If-None-Match."
    ),
    (304, "text/calendar"): OpenApiResponse(description="Unchanged since the ETag sent in If-None-Match."),
}

EVENT_EXAMPLE = OpenApiExample(
    "Vigil on Human Rights Day",
    value={
        "campaign": 1,
        "organization": 1,
        "title": "Vigil for imprisoned objectors (example data)",
        "starts_at": "2026-12-10T18:00:00+01:00",
        "ends_at": "2026-12-10T19:30:00+01:00",
        "timezone": "Europe/Berlin",
        "is_online": False,
        "place": "Pariser Platz",
        "city": "Berlin",
        "country": "DE",
        "link": "https://example.org/vigil",
        "visibility": "public",
    },
    request_only=True,
)


def ics_response(request, body: bytes) -> Response:
    """The calendar with a content ETag: calendar apps poll, and an unchanged feed is a bodiless 304."""
    etag = f'"{hashlib.sha256(body).hexdigest()[:24]}"'
    if if_none_match_hits(request.headers.get("If-None-Match"), etag):
        return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
    return Response(body, content_type="text/calendar; charset=utf-8", headers={"ETag": etag})


def feed_events(viewer):
    return (
        Event.objects.visible_to(viewer)
        .select_related("organization", "campaign")
        .order_by("starts_at", "id")
    )


@crud_docs(
    "campaign",
    "campaigns",
    "campaigns",
    read_note="Joint actions of the network: public ones to anyone, network ones to members.",
    write_note="Admins (the network office) only.",
    sample=CAMPAIGN,
)
class CampaignViewSet(VisibleModelViewSet):
    queryset = Campaign.objects.all()
    serializer_class = CampaignSerializer
    filterset_class = CampaignFilter
    write_roles = "admin"
    ordering_fields = ["start_date", "name", "updated_at"]
    ordering = ["-start_date", "name"]

    @extend_schema(
        summary="Calendar of a campaign",
        description=(
            "The campaign's events as iCalendar, for calendar apps. Without a token, public events only; "
            "with a bearer token, every event of the campaign you may see."
        ),
        responses=ICS_RESPONSE,
        tags=["calendar"],
    )
    @action(
        detail=True,
        methods=["get"],
        renderer_classes=[ICalendarRenderer],
        filterset_class=None,
        pagination_class=None,
    )
    def calendar(self, request, pk=None):
        campaign = self.get_object()
        events = feed_events(self.viewer).filter(campaign=campaign)[:FEED_MAX_EVENTS]
        return ics_response(request, calendar_bytes(events, name=campaign.name))


@crud_docs(
    "event",
    "events",
    "events",
    read_note=(
        "Events never more visible than their organization or campaign. Times carry the offset of the "
        "event's `timezone`. Filter by `campaign`, `country` and `date_from`/`date_to`."
    ),
    write_note="Coordinators of the holding organization and admins. A place needs city and country.",
    examples=[EVENT_EXAMPLE],
    sample=EVENT,
)
@extend_validation_errors(["invalid"], field_name="country", actions=["create", "update", "partial_update"])
class EventViewSet(VisibleModelViewSet):
    queryset = Event.objects.select_related("organization", "campaign")
    serializer_class = EventSerializer
    filterset_class = EventFilter
    ordering_fields = ["starts_at", "updated_at", "title"]
    ordering = ["starts_at", "id"]


class CalendarFeedView(APIView):
    """Your personal calendar subscription: make, inspect or revoke its secret URL."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="calendar_feed_retrieve",
        summary="Your personal calendar feed",
        description="Whether you have a personal feed URL, and when a calendar app last fetched it.",
        responses=CalendarFeedSerializer,
        tags=["calendar"],
    )
    def get(self, request):
        return Response(feed_state(CalendarFeed.objects.filter(user=request.user).first()))

    @extend_schema(
        operation_id="calendar_feed_create",
        summary="Make a new personal calendar feed URL",
        description=(
            "Returns a secret URL that serves every event you may see as iCalendar, without a token, so a "
            "calendar app can subscribe. It is shown only now. Any earlier URL stops working."
        ),
        request=None,
        responses={201: IssuedCalendarFeedSerializer},
        tags=["calendar"],
    )
    def post(self, request):
        feed, token = CalendarFeed.issue(request.user)
        url = request.build_absolute_uri(reverse("calendar-feed-ics", kwargs={"token": token}))
        return Response(
            {**feed_state(feed), "url": url}, status=status.HTTP_201_CREATED, headers={"Location": url}
        )

    @extend_schema(
        operation_id="calendar_feed_destroy",
        summary="Revoke your personal calendar feed",
        description="The secret URL stops working at once.",
        responses={204: None},
        tags=["calendar"],
    )
    def delete(self, request):
        CalendarFeed.objects.filter(user=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class PersonalCalendarView(APIView):
    """The feed behind a secret URL: what its owner may see, as they could see it through the API."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [ICalendarRenderer]

    @extend_schema(
        operation_id="calendar_feed_ics",
        summary="Personal calendar (secret URL)",
        description=(
            "Every event the owner of the token may see, from 90 days ago on, as iCalendar. The token in the "
            "path is the credential; an unknown or revoked token answers 404."
        ),
        responses=ICS_RESPONSE,
        tags=["calendar"],
    )
    def get(self, request, token: str):
        feed = CalendarFeed.for_token(token)
        if feed is None:
            raise Http404
        feed.touch()
        since = timezone.now() - timedelta(days=90)
        events = feed_events(viewer_for(feed.user)).filter(ends_at__gte=since)[:FEED_MAX_EVENTS]
        response = ics_response(request, calendar_bytes(events, name="Events"))
        # Only the owner's calendar app may keep it; it revalidates with the ETag.
        response["Cache-Control"] = "private, no-cache"
        return response
