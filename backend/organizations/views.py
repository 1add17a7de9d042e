"""Organizations and contact points: declarations over the visibility-scoped base viewset."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.decorators import action

from core.filters import UnlessUnfilteredFilterBackend
from core.schema import IF_MATCH, crud_docs, with_precondition
from core.viewsets import FastListMixin, VisibleModelViewSet

from .examples import CONTACT_POINT, ORGANIZATION
from .filters import ContactPointFilter, ContactPointOrdering, OrganizationFilter
from .models import ContactPoint, Organization
from .serializers import ContactPointSerializer, OrganizationSerializer
from .services import contact_point_verify

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


@crud_docs(
    "organization",
    "organizations",
    "organizations",
    read_note=(
        "Partner organizations you may see: public ones to anyone, network ones to members, "
        "restricted ones to their own members."
    ),
    write_note=(
        "Admins create and delete organizations; coordinators update their own. "
        "Only admins may set `verified` and `slug`."
    ),
    sample=ORGANIZATION,
)
class OrganizationViewSet(FastListMixin, VisibleModelViewSet):
    queryset = Organization.objects.all()
    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilter
    ordering_fields = ["name", "updated_at", "created_at"]
    ordering = ["name"]
    owner_field = "id"
    admin_actions = ("create", "destroy")


@crud_docs(
    "contact point",
    "contact points",
    "contact-points",
    read_note=(
        "Contact points never more visible than their organization; paused and compromised ones "
        "only to their organization and admins. `is_stale` says when the last verification is too old."
    ),
    write_note="Coordinators of the owning organization and admins.",
    examples=[HOTLINE_EXAMPLE],
    sample=CONTACT_POINT,
)
class ContactPointViewSet(FastListMixin, VisibleModelViewSet):
    queryset = ContactPoint.objects.select_related("organization")
    serializer_class = ContactPointSerializer
    filterset_class = ContactPointFilter
    filter_backends = [UnlessUnfilteredFilterBackend, ContactPointOrdering]
    ordering_fields = ["updated_at", "created_at", "last_verified_at", "channel"]
    ordering = ["organization__name", "channel", "id"]

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
