"""`manage.py load_demo`: fill an empty or existing database with the demo network.

Each domain app may ship a `demo` module whose `load()` creates its part by natural keys;
this command runs them in dependency order inside one transaction, so a failure leaves
the database as it was and a second run changes nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core.loading import app_modules, load_modules, row_counts

DEMO_APPS = [
    "countries",
    "organizations",
    "accounts",
    "resources",
    "funding",
    "campaigns",
    "documents",
    "alerts",
]


class Command(BaseCommand):
    help = "Load the demo network (example data and demo accounts with published passwords). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load even under the production settings (the demo accounts' passwords are public).",
        )

    def handle(self, *args, allow_production=False, **options):
        if settings.SETTINGS_MODULE.endswith(".production") and not allow_production:
            raise CommandError(
                "Refusing to load demo accounts with public passwords under production settings; "
                "pass --allow-production for a demonstration server."
            )
        modules = app_modules(DEMO_APPS, "demo")
        load_modules(modules)

        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(
            f"  {get_user_model()._meta.verbose_name_plural}: {get_user_model().objects.count()}"
        )
        for name, count in row_counts(modules):
            self.stdout.write(f"  {name}: {count}")
        accounts = getattr(dict(modules).get("accounts"), "USERS", [])
        if accounts:
            self.stdout.write("Demo accounts (passwords are public; never use them on real data):")
            for username, _, password, slug, role in accounts:
                where = f" of {slug}" if slug else " (Django admin at /admin/)"
                self.stdout.write(f"  {username:<8} {password:<24} {role}{where}")
