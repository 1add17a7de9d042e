"""`manage.py rebuild_search_index`: rewrite the search index from every registered model.

Signals keep the index current; this is for data written around them (a restore, a
bulk load by hand).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from search.index import rebuild
from search.models import SearchEntry


class Command(BaseCommand):
    help = "Rewrite the search index from every registered model."

    def handle(self, *args, **options):
        with transaction.atomic():
            rebuild()
        self.stdout.write(f"Indexed {SearchEntry.objects.count():,} objects.")
