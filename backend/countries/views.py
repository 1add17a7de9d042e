"""Country profiles: public reading, written by the network office."""

from core.schema import crud_docs
from core.viewsets import VisibleModelViewSet

from .examples import COUNTRY
from .filters import CountryFilter
from .models import Country
from .serializers import CountryDetailSerializer, CountrySerializer


@crud_docs(
    "country profile",
    "country profiles",
    "countries",
    read_note=(
        "Country profiles are public: conscription, objection, mobilization, penalties, "
        "asylum practice and sources."
    ),
    write_note=(
        "Admins (the network office) only; saving records you as the reviewer when `last_reviewed` changes."
    ),
    sample=COUNTRY,
)
class CountryViewSet(VisibleModelViewSet):
    queryset = Country.objects.select_related("reviewed_by")
    serializer_class = CountrySerializer
    filterset_class = CountryFilter
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{2}"
    write_roles = "admin"
    ordering_fields = ["code", "last_reviewed", "updated_at"]
    ordering = ["code"]

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()

    def get_serializer_class(self):
        # The profile page: with the guides and organizations for the country, and a review warning.
        # Writes answer it too, so their ETag is the one a read gives (core/conditional.py).
        if self.action in ("retrieve", "create", "update", "partial_update"):
            return CountryDetailSerializer
        return super().get_serializer_class()

    def perform_create(self, serializer):
        serializer.validated_data["reviewed_by"] = self.request.user
        super().perform_create(serializer)

    def perform_update(self, serializer):
        if "last_reviewed" in serializer.validated_data:
            serializer.validated_data["reviewed_by"] = self.request.user
        super().perform_update(serializer)
