from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import FundingTotalsView, LedgerEntryViewSet

router = SimpleRouter()
router.register("funding/entries", LedgerEntryViewSet)
urlpatterns = [
    path("funding/totals/", FundingTotalsView.as_view(), name="funding-totals"),
    *router.urls,
]
