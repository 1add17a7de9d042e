"""Network alerts: everyone reads those meant for them; the network office writes them."""

from drf_spectacular.utils import OpenApiExample

from core.schema import crud_docs
from core.viewsets import VisibleModelViewSet

from .filters import AlertFilter
from .models import Alert
from .serializers import AlertSerializer

ALERT_EXAMPLE = OpenApiExample(
    "A withdrawn number",
    value={
        "text": "The number +49 30 1234567 is compromised: do not call it (example data).",
        "source_language": "en",
        "translations": {
            "ru": {"text": "Номер +49 30 1234567 скомпрометирован: не звоните на него (пример)."}
        },
        "visibility": "public",
        "expires_at": "2026-12-31T23:00:00Z",
    },
    request_only=True,
)


@crud_docs(
    "alert",
    "alerts",
    "alerts",
    read_note=(
        "Notices of the network office, by audience: public to anyone, network to members, restricted to "
        "the members of the organization named. `localized` is the text in your language (fallback "
        "declared). An expired alert stays listed until it is purged; `current=true` leaves it out."
    ),
    write_note="Admins (the network office) only. `expires_at` lies in the future.",
    examples=[ALERT_EXAMPLE],
)
class AlertViewSet(VisibleModelViewSet):
    queryset = Alert.objects.select_related("organization")
    serializer_class = AlertSerializer
    filterset_class = AlertFilter
    write_roles = "admin"
    ordering_fields = ["created_at", "expires_at"]
    ordering = ["-created_at", "-id"]
