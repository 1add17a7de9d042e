"""The ledger for the network office and recipients; public totals for everyone else."""

from decimal import Decimal

from django.db.models import Count, Q, Sum
from drf_spectacular.utils import extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.schema import crud_docs
from core.viewsets import VisibleModelViewSet

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


class FundingTotalsView(APIView):
    """Aggregates only: no entry, recipient or purpose leaves this endpoint."""

    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="funding_totals",
        summary="Funding totals",
        description=(
            "Public: per currency, the money collected, granted to partner groups, and the balance. "
            "Individual entries stay with the network office and the recipients."
        ),
        responses=FundingTotalsSerializer,
        tags=["funding"],
    )
    def get(self, request):
        rows = (
            LedgerEntry.objects.order_by("currency")
            .values("currency")
            .annotate(
                collected=Sum("amount", filter=Q(kind=LedgerEntry.Kind.COLLECTED), default=ZERO),
                granted=Sum("amount", filter=Q(kind=LedgerEntry.Kind.GRANT), default=ZERO),
                grants=Count("id", filter=Q(kind=LedgerEntry.Kind.GRANT)),
            )
        )
        totals = [{**row, "balance": row["collected"] - row["granted"]} for row in rows]
        return Response(FundingTotalsSerializer({"totals": totals}).data)
