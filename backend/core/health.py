"""Health for the proxy and the operator: `/healthz` (cheap, often) and `/readyz` (thorough).

`/healthz` reports the database and the cache separately. Only the database decides its
status code: without Redis the app still works (the cache falls back to process memory,
`core.cache`), so a load balancer should keep sending requests; "degraded" tells the
operator. It costs one `SELECT 1` and at most one Redis read under the short socket timeout.

`/readyz` also needs the cache and checks what a deployment can get wrong: unapplied
migrations. It reads the migration graph, so poll it at deploy time,
not every few seconds.
"""

from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse

from .cache import FallbackRedisCache


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return "down"
    return "ok"


def _cache() -> str:
    """ "ok" or "down" for Redis; "local" when none is configured (one process, its own memory)."""
    cache = caches["default"]
    if isinstance(cache, FallbackRedisCache):
        return cache.redis_status()
    return "local"


def _report(checks: dict[str, str], *, required: set[str]) -> JsonResponse:
    """200 "ok", 200 "degraded" when only optional checks fail, 503 "unavailable" otherwise."""
    failing = {name for name, state in checks.items() if state not in ("ok", "local")}
    if failing & required:
        return JsonResponse({"status": "unavailable", **checks}, status=503)
    return JsonResponse({"status": "degraded" if failing else "ok", **checks})


# Not wrapped in a request transaction: opening one would fail first, before the check.
@transaction.non_atomic_requests
def healthz(request):
    return _report({"database": _database(), "cache": _cache()}, required={"database"})


def _migrations() -> str:
    try:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception:
        return "down"
    return "pending" if plan else "ok"


@transaction.non_atomic_requests
def readyz(request):
    """Ready to serve: every check passes, the cache included (503 otherwise)."""
    database = _database()
    checks = {"database": database, "cache": _cache()}
    checks["migrations"] = _migrations() if database == "ok" else "unknown"
    return _report(checks, required=set(checks))
