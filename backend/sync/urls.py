from django.db import transaction
from django.urls import path

from .views import SyncView

urlpatterns = [
    # Read-only, and correct statement by statement (see engine): no request transaction, whose
    # savepoints or BEGIN/COMMIT would double what a sync with nothing new costs.
    path("sync/", transaction.non_atomic_requests(SyncView.as_view()), name="sync"),
]
