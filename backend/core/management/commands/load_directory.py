"""`manage.py load_directory`: the network's public directory as its campaign flyer publishes it.

Real organizations, their published contacts, the #ObjectWar campaign and its published
funding figures, each with its source and date (`<app>.directory` modules). Unlike
`load_demo` nothing here is invented, so it is safe on a production server. Idempotent:
rows are found by stable slugs and values, and a second run changes nothing.
"""

from django.core.management.base import BaseCommand

from core.loading import app_modules, load_modules, row_counts

DIRECTORY_APPS = ["organizations", "campaigns", "funding"]  # funding books under the campaign


class Command(BaseCommand):
    help = "Load the public directory published in the campaign flyer (real data, no accounts). Idempotent."

    def handle(self, *args, **options):
        modules = app_modules(DIRECTORY_APPS, "directory")
        load_modules(modules)
        self.stdout.write(self.style.SUCCESS("Public directory loaded."))
        for name, count in row_counts(modules):
            self.stdout.write(f"  {name}: {count}")
