"""The ledger for the network office and recipients; public totals for everyone else."""

from decimal import Decimal

from django.db.models import Count, Q, Sum
from drf_spectacular.utils import extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.schema import crud_docs
from core.viewer import Viewer, request_viewer
from core.viewsets import VisibleModelViewSet
from core.visibility import Visibility
from organizations.models import Organization

from .filters import LedgerEntryFilter
from .models import LedgerEntry
from .serializers import FundingTotalsSerializer, LedgerEntrySerializer

ZERO = Decimal("0.00")


@crud_docs(
    "ledger entry",
    "ledger entries",
    "funding",
    read_note=(
        "Money collected and grants to partner groups. Admins see every entry; members of a recipient "
        "organization see the grants to it; nobody else sees entries (see the public totals)."
    ),
    write_note="Admins (the network office) only. A grant needs a recipient; collected money has none.",
)
@extend_validation_errors(["invalid"], field_name="recipient", actions=["create", "update", "partial_update"])
class LedgerEntryViewSet(VisibleModelViewSet):
    queryset = LedgerEntry.objects.select_related("recipient", "campaign")
    serializer_class = LedgerEntrySerializer
    filterset_class = LedgerEntryFilter
    write_roles = "admin"
    owner_field = "recipient_id"
    ordering_fields = ["date", "amount", "created_at"]
    ordering = ["-date", "-id"]

    def perform_create(self, serializer):
        serializer.validated_data["created_by"] = self.request.user
        super().perform_create(serializer)


def counted_in_totals(viewer: Viewer):
    """The entries the totals add up for `viewer`: the one rule of what the public figures count.

    Entries themselves are the recipients' and the office's, but the campaign publishes what it
    collected and what it passed on to the network (the flyer's "about 160,000 EUR spent"). So
    money collected is public, and so is the total granted to organizations known to the
    network (public or network level). A restricted organization's very existence is its
    members' to tell: a grant to it is counted only for viewers who may see it, or one grant in
    a rare currency would tell its amount, and that someone received it (docs/design.md rule 3).
    A grant whose recipient was since deleted stays in the totals: it names nobody.

    Example entries (the demo's invented split of the same money) count only while the ledger
    holds no real entry: beside the published figures they would count that money twice.
    """
    entries = LedgerEntry.objects.all()
    if entries.filter(is_example=False).exists():
        entries = entries.filter(is_example=False)
    if viewer.is_admin:
        return entries
    announced = Q(recipient__isnull=True) | Q(
        recipient__visibility__in=[Visibility.PUBLIC, Visibility.NETWORK]
    )
    seen = Q(recipient__in=Organization.objects.visible_to(viewer).values("pk"))
    return entries.filter(
        Q(kind=LedgerEntry.Kind.COLLECTED) | (Q(kind=LedgerEntry.Kind.GRANT) & (announced | seen))
    )


class FundingTotalsView(APIView):
    """Aggregates only: no entry, recipient or purpose leaves this endpoint."""

    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="funding_totals",
        summary="Funding totals",
        description=(
            "Public: per currency, the money collected, granted to partner groups, and the balance. "
            "Individual entries stay with the network office and the recipients. A grant to an "
            "organization restricted to its members counts only for those who may see it."
        ),
        responses=FundingTotalsSerializer,
        tags=["funding"],
    )
    def get(self, request):
        rows = (
            counted_in_totals(request_viewer(request))
            .order_by("currency")
            .values("currency")
            .annotate(
                collected=Sum("amount", filter=Q(kind=LedgerEntry.Kind.COLLECTED), default=ZERO),
                granted=Sum("amount", filter=Q(kind=LedgerEntry.Kind.GRANT), default=ZERO),
                grants=Count("id", filter=Q(kind=LedgerEntry.Kind.GRANT)),
            )
        )
        totals = [{**row, "balance": row["collected"] - row["granted"]} for row in rows]
        return Response(FundingTotalsSerializer({"totals": totals}).data)
