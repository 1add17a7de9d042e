"""Liveness that means something: the database answers."""

from django.db import connection, transaction
from django.http import JsonResponse


# Not wrapped in a request transaction: opening one would fail first and answer 500.
@transaction.non_atomic_requests
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
