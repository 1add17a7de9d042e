"""`manage.py bench_lists`: list endpoints next to a bare Django view serving the same page.

Runs in a throwaway database (created and destroyed like a test database, never the one
configured for the site): loads the demo network, adds a generated one (`core.generated`,
by default 2,000 organizations and 20,000 contact points), then for the contact-point,
organization and document lists, anonymous and as a member (the demo's `mila`), measures
the first page and a deep page (80 % down the list) of `--page-size` objects.

The reference, measured in the same run with its requests interleaved with the API's, is a
bare Django view defined here and routed only while the command runs: it authenticates the
same bearer token, asks `visible_to(viewer)` for the same rows in the same order, reads the
same columns with `.values()` (a document's attachments with one more) and answers
`JsonResponse`; on the first page it counts them too, as the API's first page does (exactly
up to 10,000 objects, as the API). Its deep page is an OFFSET, as a bare Django list pages.
Requests go through the whole Django stack in-process (middleware, authentication,
rendering), as `APIClient` sends them. Times are medians of `--repeat` runs; the ratio is
reference time / API time (1.0: as fast as the bare view; the target is at least 0.75).
"""

from __future__ import annotations

import io
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.http import JsonResponse
from django.test.utils import (
    CaptureQueriesContext,
    override_settings,
)
from django.urls import include, path
from rest_framework.test import APIClient
from rest_framework.utils.urls import replace_query_param

from accounts.authentication import RevocableJWTAuthentication
from accounts.demo import USERS
from core.benchmark import throwaway_database
from core.generated import create_network
from core.pagination import KeysetPagination
from core.representation import Representation
from core.viewer import viewer_for
from documents.models import Document
from documents.serializers import DocumentSerializer
from organizations.models import ContactPoint, Organization
from organizations.serializers import ContactPointSerializer, OrganizationSerializer

LISTS = {
    "contact-points": (ContactPoint, ContactPointSerializer, ("organization__name", "channel", "id")),
    "organizations": (Organization, OrganizationSerializer, ("name", "id")),
    "documents": (Document, DocumentSerializer, ("title", "id")),
}
REFERENCE_PREFIX = "bench-reference/"
User = get_user_model()


def reference(request, kind: str):
    """The bare Django list: same viewer, rows, order and columns; `.values()` and `JsonResponse`."""
    model, serializer_class, ordering = LISTS[kind]
    authenticated = RevocableJWTAuthentication().authenticate(request)
    viewer = viewer_for(authenticated[0] if authenticated else None)
    queryset = model.objects.visible_to(viewer).order_by(*ordering)
    size, offset = int(request.GET["page_size"]), int(request.GET.get("offset", 0))
    representation = Representation.of(serializer_class)
    rows = list(queryset.values(*representation.columns)[offset : offset + size])
    for nested in representation.nested:  # a document's attachments: one query, as the API's
        children = nested.representation.model._default_manager.filter(
            **{f"{nested.link}__in": [row["id"] for row in rows]}
        ).values(*nested.representation.columns, nested.link)
        grouped = defaultdict(list)
        for child in children:
            grouped[child[nested.link]].append(child)
        for row in rows:
            row[nested.name] = grouped[row["id"]]
    body = {"results": rows}
    if offset == 0:
        limit = KeysetPagination.exact_count_limit  # the same information as the API's first page
        counted = queryset[: limit + 1].count()
        body["count"] = counted if counted <= limit else None

    return JsonResponse(body)


urlpatterns = [
    path(f"{REFERENCE_PREFIX}<str:kind>/", reference),
    path("", include(settings.ROOT_URLCONF)),
]


@dataclass
class Row:
    kind: str
    viewer: str
    page: str
    api_ms: float
    reference_ms: float
    api_queries: int
    api_bytes: int

    @property
    def ratio(self) -> float:
        return self.reference_ms / self.api_ms


class Command(BaseCommand):
    help = "Measure list endpoints against a bare Django view serving the same page, in a throwaway database."

    def add_arguments(self, parser):
        parser.add_argument("--organizations", type=int, default=2000, help="Generated organizations.")
        parser.add_argument("--contacts", type=int, default=20000, help="Generated contact points.")
        parser.add_argument("--page-size", type=int, default=50, help="Objects per page (default 50).")
        parser.add_argument("--repeat", type=int, default=15, help="Runs per timing; the median is reported.")

    def handle(self, *args, organizations, contacts, page_size, repeat, **options):
        if min(organizations, contacts, page_size, repeat) < 1:
            raise CommandError("--organizations, --contacts, --page-size and --repeat must be at least 1.")
        with throwaway_database("bench_lists"):
            rows = self._run(organizations, contacts, page_size, repeat)
        self._report(rows, organizations, contacts, page_size, repeat)

    def _run(self, organizations, contacts, page_size, repeat) -> list[Row]:
        call_command("load_demo", verbosity=0, stdout=io.StringIO())
        self.stderr.write(f"Generating {organizations} organizations and {contacts} contact points.")
        create_network(contacts, organizations)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        rows = []
        with override_settings(ROOT_URLCONF=__name__, DEBUG=False):
            for viewer, client in self._clients().items():
                for kind in LISTS:
                    self.stderr.write(f"  {kind}: {viewer}")
                    rows += self._measure(kind, viewer, client, page_size, repeat)
        return rows

    def _clients(self) -> dict[str, APIClient]:
        passwords = {username: password for username, _, password, _, _ in USERS}
        clients = {"anonymous": APIClient()}
        cache.clear()  # sign-in throttles
        client = APIClient()
        response = client.post("/api/v1/auth/token/", {"username": "mila", "password": passwords["mila"]})
        if response.status_code != 200:
            raise CommandError(f"Cannot sign in the demo member: {response.content[:200]!r}")
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
        clients["member"] = client
        return clients

    def _measure(self, kind, viewer, client, page_size, repeat) -> list[Row]:
        user = User.objects.filter(username="mila").first() if viewer == "member" else None
        api_url = f"/api/v1/{kind}/"
        first = client.get(api_url, {"page_size": page_size})
        if first.status_code != 200:
            raise CommandError(f"{api_url} answered {first.status_code}: {first.content[:200]!r}")
        reference_url = f"/{REFERENCE_PREFIX}{kind}/"
        count = LISTS[kind][0].objects.visible_to(viewer_for(user)).count()
        pages = {
            f"first (of {count:,})": (
                lambda: client.get(api_url, {"page_size": page_size}),
                {"page_size": page_size},
            )
        }
        deep_offset = int(count * 0.8) // page_size * page_size
        if deep_offset >= page_size:
            deep_url = self._cursor_at(client, api_url, deep_offset, page_size)
            pages[f"deep (from #{deep_offset + 1:,})"] = (
                lambda: client.get(deep_url),
                {"page_size": page_size, "offset": deep_offset},
            )
        rows = []
        for page, (api_call, reference_params) in pages.items():
            response = api_call()
            if response.status_code != 200:
                raise CommandError(
                    f"{kind} {page} answered {response.status_code}: {response.content[:200]!r}"
                )
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as queries:
                api_call()
            statements = [q for q in queries.captured_queries if q["sql"] not in ("BEGIN", "COMMIT")]
            api_ms, reference_ms = interleaved(
                api_call, lambda params=reference_params: client.get(reference_url, params), repeat
            )
            rows.append(Row(kind, viewer, page, api_ms, reference_ms, len(statements), len(response.content)))
        return rows

    @staticmethod
    def _cursor_at(client, api_url: str, offset: int, page_size: int) -> str:
        """The `next` link that starts at `offset`: numbered pages as far as they go, then cursors."""
        step = KeysetPagination.max_page_size
        number = min(offset, KeysetPagination.exact_count_limit) // step
        if number:
            url = client.get(api_url, {"page_size": step, "page": number}).json()["next"]
            position = number * step
        else:
            url, position = None, 0
        while position < offset:
            size = min(step, offset - position)
            if url is None:
                url = client.get(api_url, {"page_size": size}).json()["next"]
            else:
                url = client.get(replace_query_param(url, "page_size", size)).json()["next"]
            position += size
        return replace_query_param(url, "page_size", page_size)

    def _report(self, rows, organizations, contacts, page_size, repeat) -> None:
        vendor = connection.vendor
        out = self.stdout
        out.write(
            f"\n{vendor}, demo network + generated ({organizations:,} organizations, {contacts:,} contact "
            f"points), pages of {page_size}, median of {repeat}, in-process through the whole Django "
            "stack\n\n"
        )
        out.write("| list | viewer | page | API ms | SQL | bytes | reference ms | ratio (≥ 0.75) |\n")
        out.write("|---|---|---|---:|---:|---:|---:|---:|\n")
        for row in rows:
            verdict = "met" if row.ratio >= 0.75 else "NOT met"
            out.write(
                f"| {row.kind} | {row.viewer} | {row.page} | {row.api_ms:.1f} | {row.api_queries} | "
                f"{row.api_bytes:,} | {row.reference_ms:.1f} | {row.ratio:.2f} {verdict} |\n"
            )


def interleaved(first, second, repeat: int) -> tuple[float, float]:
    """Median ms of each of two calls, alternated so both see the same machine load."""
    samples: tuple[list, list] = ([], [])
    for _ in range(repeat):
        for call, bucket in ((first, samples[0]), (second, samples[1])):
            started = time.perf_counter()
            call()
            bucket.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples[0]), statistics.median(samples[1])
