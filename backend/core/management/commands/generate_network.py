"""`manage.py generate_network`: add a generated network of realistic size to the database."""

from django.core.management.base import BaseCommand, CommandError

from core.generated import SLUG_PREFIX, create_network
from organizations.models import Organization


class Command(BaseCommand):
    help = "Add generated organizations and contact points (example data) with their change-feed history."

    def add_arguments(self, parser):
        parser.add_argument("--contacts", type=int, default=20_000)
        parser.add_argument("--organizations", type=int, default=2_000)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, contacts, organizations, seed, **options):
        if organizations < 1 or contacts < 0:
            raise CommandError("Give at least one organization and no negative number of contacts.")
        if Organization.objects.filter(slug__startswith=SLUG_PREFIX).exists():
            raise CommandError("This database already holds a generated network.")
        orgs, points = create_network(contacts, organizations, seed)
        self.stdout.write(f"Added {orgs} organizations and {points} contact points (example data).")
