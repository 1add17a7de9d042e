"""`manage.py benchmark_search`: how fast full-text search is on PostgreSQL, with and without its index.

Generates N published documents (10,000 by default) in Russian, English and German, then
times the search service exactly as GET /search/ calls it, for a set of queries in the
three languages: once with the GIN index over the stored vectors, once with the index
dropped, and two references measured in the same run on the same data: a case-insensitive
substring scan (ILIKE) and a trivial query (the round-trip floor). Everything happens in
one transaction that is rolled back, so the database is left as it was; still, run it on
a development or benchmark database, since dropping the index locks the table meanwhile.
"""

import random
import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Q

from accounts.models import Membership
from core.viewer import ANONYMOUS, Viewer, viewer_for
from documents.models import SEARCH_INDEX_NAME, Document
from organizations.models import Organization
from search import registry
from search.services import match, search
from search.text import config_for


def _vocabulary(text: str) -> list[str]:
    return text.split()


WORDS = {
    "en": _vocabulary(
        """asylum hearing evidence call-up summons register deserter objector conscience refusal military
        service border court appeal lawyer counseling interpreter passport document office decision
        protection mobilization reservist commissariat refugee application interview witness statement
        deadline family shelter travel route safety phone encryption network support legal aid"""
    ),
    "ru": _vocabulary(
        """убежище интервью доказательства призыв повестка реестр дезертир отказник совесть отказ военная
        служба граница суд жалоба юрист консультация переводчик паспорт документ ведомство решение
        защита мобилизация резервист военкомат беженец заявление свидетель срок семья приют дорога
        безопасность телефон шифрование сеть поддержка помощь"""
    ),
    "de": _vocabulary(
        """Asyl Anhörung Beweis Einberufung Ladung Register Deserteur Verweigerer Gewissen Verweigerung
        Militärdienst Grenze Gericht Klage Anwältin Beratung Dolmetscher Pass Dokument Bundesamt
        Entscheidung Schutz Mobilmachung Reservist Kreiswehrersatzamt Flüchtling Antrag Zeuge Frist
        Familie Unterkunft Reise Sicherheit Telefon Verschlüsselung Netzwerk Unterstützung Rechtshilfe"""
    ),
}
COUNTRIES = ["DE", "FR", "LT", "UA", "RU", "BY", "GE", "FI"]
QUERIES = [
    "call-up evidence France",
    "asylum hearing interpreter",
    "deserter appeal deadline",
    '"military service" refusal',
    "доказательства призыва",
    "убежище интервью переводчик",
    "дезертир жалоба",
    "повестка реестр",
    "Anhörung Dolmetscher",
    "Verweigerer Klage Frist",
    "Einberufung Beweis",
    "Asyl",
]


LATIN_SYLLABLES = _vocabulary("ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra ro")
SYLLABLES = {
    "en": LATIN_SYLLABLES,
    "ru": _vocabulary("ба бе би бо да де ди до ка ке ки ко ла ле ли ло ма ме ми мо на не ни но ра ро"),  # noqa: RUF001
    "de": LATIN_SYLLABLES,
}
FILLER_WORDS = 4000
DOMAIN_SHARE = 0.05  # one word in twenty is from the domain vocabulary above


def filler_vocabulary(rng: random.Random, language: str) -> list[str]:
    """Pseudo-words standing for the rest of a language; drawn with Zipf-like frequencies."""
    syllables = SYLLABLES[language]
    words = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(FILLER_WORDS * 2)}
    return sorted(words)[:FILLER_WORDS]


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Rollback(Exception):
    """Leaves the benchmark's transaction without keeping anything."""


class Command(BaseCommand):
    help = "Benchmark full-text search on PostgreSQL with and without its GIN index (rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=10_000, help="How many documents to generate.")
        parser.add_argument("--repeat", type=int, default=5, help="How often each query is timed.")
        parser.add_argument("--seed", type=int, default=20251210, help="Seed of the generated text.")

    def handle(self, *args, documents, repeat, seed, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "The benchmark measures PostgreSQL full-text search; "
                "point DATABASE_URL at a PostgreSQL database."
            )
        if documents < 1 or repeat < 1:
            raise CommandError("--documents and --repeat must be at least 1.")
        try:
            with transaction.atomic():
                self._run(documents, repeat, seed)
                raise Rollback
        except Rollback:
            self.stdout.write("Rolled back: the database is as it was.")

    def _run(self, count: int, repeat: int, seed: int) -> None:
        started = time.perf_counter()
        organization = self._generate(count, seed)
        generated = time.perf_counter() - started
        self.stdout.write(f"Generated {count:,} documents in {generated:.1f} s.")
        person = get_user_model().objects.create(username="benchmark-member")  # rolled back with the rest
        Membership.objects.create(user=person, organization=organization)
        member = viewer_for(person)

        rows = []

        def measure(index: str) -> None:
            for label, viewer in (("anonymous", ANONYMOUS), ("member", member)):
                rows.append((f"GET /search/ service, {index} ({label})", self._time_search(viewer, repeat)))
            rows.append((f"document match only: count + first page, {index}", self._time_match(repeat)))

        measure("GIN index")
        plan_with = self._plan()
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"DROP INDEX {SEARCH_INDEX_NAME}")
            plan_without = self._plan()
            measure("no index")
            transaction.set_rollback(True)  # brings the index back
        rows.append(("reference: ILIKE substring scan, count + first page", self._time_ilike(repeat)))
        rows.append(("reference: trivial query (round trip)", self._time_trivial(repeat)))

        self.stdout.write("")
        self.stdout.write(
            f"Documents: {count:,} (ru, en, de); queries: {len(QUERIES)} x {repeat} timings each."
        )
        self.stdout.write(f"Plan with index:    {plan_with}")
        self.stdout.write(f"Plan without index: {plan_without}")
        self.stdout.write("")
        self.stdout.write("| measurement | median (ms) | p95 (ms) |")
        self.stdout.write("| --- | ---: | ---: |")
        for label, samples in rows:
            self.stdout.write(
                f"| {label} | {statistics.median(samples):.2f} | {percentile(samples, 0.95):.2f} |"
            )

    def _generate(self, count: int, seed: int) -> Organization:
        rng = random.Random(seed)  # noqa: S311 (reproducible example text, nothing secret)
        organization = Organization.objects.create(
            name="Benchmark organization (example data)",
            slug=f"benchmark-{seed}",
            visibility="public",
            is_example=True,
        )
        languages = list(WORDS)
        fillers = {language: filler_vocabulary(rng, language) for language in languages}
        zipf = [1 / rank for rank in range(1, FILLER_WORDS + 1)]

        def words(language: str, k: int) -> list[str]:
            domain = sum(rng.random() < DOMAIN_SHARE for _ in range(k))
            chosen = rng.choices(WORDS[language], k=domain) + rng.choices(
                fillers[language], zipf, k=k - domain
            )
            rng.shuffle(chosen)
            return chosen

        batch = []
        for n in range(count):
            language = languages[n % len(languages)]
            title = " ".join(rng.sample(WORDS[language], 2) + words(language, 4)).capitalize()
            paragraphs = [
                " ".join(words(language, rng.randint(30, 60))) + "." for _ in range(rng.randint(3, 6))
            ]
            batch.append(
                Document(
                    organization=organization,
                    title=f"{title} (example data)",
                    summary=" ".join(words(language, 15)),
                    body="\n\n".join(paragraphs),
                    language=language,
                    search_config=config_for(language),
                    countries=rng.sample(COUNTRIES, 2),
                    topics=["asylum"],
                    visibility=rng.choice(["public", "public", "network", "restricted"]),
                    status=Document.Status.PUBLISHED,
                    is_example=True,
                )
            )
        Document.objects.bulk_create(batch, batch_size=1000)
        Document.objects.filter(organization=organization).refresh_search_vectors()
        with connection.cursor() as cursor:
            # Rows written inside this still-open transaction leave the index full of entries
            # for row versions that vacuum would clean up; rebuild it as a settled database has it.
            cursor.execute(f"REINDEX INDEX {SEARCH_INDEX_NAME}")
            cursor.execute("ANALYZE documents_document")
        return organization

    def _time(self, run, repeat: int) -> list[float]:
        for q in QUERIES:  # warm the caches once
            run(q)
        samples = []
        for _ in range(repeat):
            for q in QUERIES:
                started = time.perf_counter()
                run(q)
                samples.append((time.perf_counter() - started) * 1000)
        return samples

    def _time_search(self, viewer: Viewer, repeat: int) -> list[float]:
        return self._time(lambda q: search(viewer=viewer, q=q, limit=25), repeat)

    def _time_match(self, repeat: int) -> list[float]:

        def run(q: str) -> None:
            qs = match(registry.get("document"), Document.objects.visible_to(ANONYMOUS), q)
            qs.count()
            list(qs.order_by("-_rank", "id").values_list("id", flat=True)[:25])

        return self._time(run, repeat)

    def _time_ilike(self, repeat: int) -> list[float]:
        def run(q: str) -> None:
            condition = Q()
            for word in q.replace('"', " ").split():
                condition &= Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
            visible = Document.objects.visible_to(ANONYMOUS).filter(condition)
            visible.count()
            list(visible.values_list("id", flat=True)[:25])

        return self._time(run, repeat)

    def _time_trivial(self, repeat: int) -> list[float]:
        def run(q: str) -> None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()

        return self._time(run, repeat)

    def _plan(self) -> str:
        """The access path PostgreSQL picks for the document match of one query."""

        qs = match(
            registry.get("document"), Document.objects.visible_to(ANONYMOUS), "call-up evidence France"
        )
        sql, params = qs.values("id").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {sql}", params)
            lines = [row[0] for row in cursor.fetchall()]
        scans = [line.strip().lstrip("-> ").strip() for line in lines if "Scan" in line]
        return "; ".join(scan.split("  (")[0] for scan in scans)
