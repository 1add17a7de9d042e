from django.db import transaction
from django.urls import path
from django.views.decorators.gzip import gzip_page

from .views import SyncView

urlpatterns = [
    # Read-only and correct statement by statement (see engine): no request transaction, whose
    # savepoints or BEGIN/COMMIT would double what a sync with nothing new costs.
    # Compressed here, in every deployment (`make run` too), for clients that accept gzip: a
    # snapshot shrinks about tenfold. Safe from BREACH, which needs a secret and attacker-chosen
    # text in one compressed body: a sync response holds no credential (its cursor is signed
    # state, useless without the account's token). Responses that carry tokens are never
    # compressed (no site-wide GZipMiddleware; nginx leaves /api/ alone).
    path("sync/", transaction.non_atomic_requests(gzip_page(SyncView.as_view())), name="sync"),
]
