"""`manage.py bench_search`: what GET /search/ costs at the size of a real network.

Runs in a throwaway database (created and destroyed like a test database, never the one
configured for the site): loads the demo network, adds a generated one (`core.generated`:
100,000 contact points on PostgreSQL, 20,000 on SQLite by default, a tenth as many
organizations), then times GET /search/ through the whole Django stack in-process
(`APIClient`: middleware, authentication, rendering) for queries in Russian, Ukrainian,
German and English, a phone-number fragment and a Telegram handle, anonymously and as a
member, and apart the worst case: a word every generated row holds. The reference,
measured in the same run and interleaved with the searches, is the first page of 25
contact points from the list endpoint. Prints a Markdown table of medians and 95th
percentiles, with ratios to the reference.
"""

from __future__ import annotations

import io
import statistics
import time

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from rest_framework.test import APIClient

from accounts.demo import USERS
from core.benchmark import throwaway_database
from core.generated import SLUG_PREFIX, create_network
from organizations.models import ContactPoint

SEARCH_URL = "/api/v1/search/"
REFERENCE_URL = "/api/v1/contact-points/"
MEMBER = "mila"
WORDS = [
    ("en", "asylum"),
    ("en", "asylum claims"),
    ("ru", "убежище"),
    ("ru", "юридическая консультация"),
    ("uk", "притулок"),
    ("uk", "допомога"),
    ("de", "Beratung"),
    ("de", "Asylverfahren"),
]
# Not a realistic query: a word in every generated row, the most a search can match.
WORST = ("every row", "example")


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Measure GET /search/ over a generated network in a throwaway database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--contacts", type=int, help="Generated contact points (100,000 on PostgreSQL, 20,000 on SQLite)."
        )
        parser.add_argument("--organizations", type=int, help="Generated organizations (contacts / 10).")
        parser.add_argument("--repeat", type=int, default=15, help="Timings per query and viewer.")

    def handle(self, *args, contacts, organizations, repeat, **options):
        contacts = contacts or (100_000 if connection.vendor == "postgresql" else 20_000)
        organizations = organizations or max(contacts // 10, 1)
        if min(contacts, organizations, repeat) < 1:
            raise CommandError("--contacts, --organizations and --repeat must be at least 1.")
        with throwaway_database("bench_search"):
            rows, generated = self._run(contacts, organizations, repeat)
        self._report(rows, contacts, organizations, repeat, generated)

    def _run(self, contacts, organizations, repeat):
        call_command("load_demo", verbosity=0, stdout=io.StringIO())
        self.stderr.write(f"Generating {organizations:,} organizations and {contacts:,} contact points.")
        started = time.perf_counter()
        create_network(contacts, organizations)
        generated = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        queries = [*WORDS, *self._fragments(), WORST]
        clients = {"anonymous": APIClient(), "member": self._member()}
        rows = []
        for viewer, client in clients.items():
            for language, q in queries:
                self.stderr.write(f"  {viewer}: {q}")
                rows.append((viewer, language, q, *self._measure(client, q, repeat)))
        return rows, generated

    def _fragments(self) -> list[tuple[str, str]]:
        """A phone-number fragment and a Telegram handle taken from the generated data."""
        public = ContactPoint.objects.filter(
            visibility="public", organization__visibility="public", organization__slug__startswith=SLUG_PREFIX
        )
        values = public.order_by("pk").values_list("value", flat=True)
        phone = values.filter(channel="phone").first() or ""
        handle = values.filter(channel="telegram").first() or ""
        digits = "".join(ch for ch in phone if ch.isdigit())
        return [("phone", digits[-7:-1]), ("telegram", handle)]

    def _member(self) -> APIClient:
        passwords = {username: password for username, _, password, _, _ in USERS}
        cache.clear()  # login throttles
        client = APIClient()
        response = client.post(
            "/api/v1/auth/token/", {"username": MEMBER, "password": passwords[MEMBER]}, format="json"
        )
        if response.status_code != 200:
            raise CommandError(f"Cannot sign in the demo member: {response.content[:200]!r}")
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
        return client

    def _measure(self, client, q: str, repeat: int):
        """Search and reference timed alternately, after one warm-up of each."""
        searched, reference = [], []
        response = client.get(SEARCH_URL, {"q": q})
        if response.status_code != 200:
            raise CommandError(
                f"Search for {q!r} answered {response.status_code}: {response.content[:200]!r}."
            )
        count = response.json()["count"]
        client.get(REFERENCE_URL, {"page_size": 25})
        for _ in range(repeat):
            for url, params, samples in (
                (SEARCH_URL, {"q": q}, searched),
                (REFERENCE_URL, {"page_size": 25}, reference),
            ):
                started = time.perf_counter()
                client.get(url, params)
                samples.append((time.perf_counter() - started) * 1000)
        return count, searched, reference

    def _report(self, rows, contacts, organizations, repeat, generated) -> None:
        out = self.stdout
        out.write(
            f"\nDatabase: {connection.vendor}; generated network: {organizations:,} organizations, "
            f"{contacts:,} contact points (created and indexed in {generated:.0f} s) plus the demo network; "
            f"{repeat} timings per row, interleaved with the reference; DEBUG={settings.DEBUG}.\n"
        )
        out.write(
            "| viewer | language | query | results | search median ms | p95 ms | "
            "reference median ms | search / reference |"
        )
        out.write("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for viewer, language, q, count, searched, reference in rows:
            median, base = statistics.median(searched), statistics.median(reference)
            out.write(
                f"| {viewer} | {language} | {q} | {count:,} | {median:.1f} | "
                f"{percentile(searched, 0.95):.1f} | {base:.1f} | {median / base:.2f} |"
            )
        every = [sample for row in rows if row[1] != WORST[0] for sample in row[4]]
        out.write(
            f"\nAll searches but the worst case: median {statistics.median(every):.1f} ms, "
            f"p95 {percentile(every, 0.95):.1f} ms; "
            f"reference (GET {REFERENCE_URL}?page_size=25) median "
            f"{statistics.median([s for row in rows for s in row[5]]):.1f} ms."
        )
