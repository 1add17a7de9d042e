"""Forget sessions that ended long ago, and the blacklist rows of tokens that expired."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.services import sessions_prune


class Command(BaseCommand):
    help = (
        "Delete sessions that ended (signed out, revoked or expired) more than "
        "JWT_SESSION_RETENTION_DAYS (or --days) ago, and the outstanding-token rows of refresh "
        "tokens that have expired: an expired token is refused by its signature alone. "
        "The worker runs this daily (jobs/schedule.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.JWT_SESSION_RETENTION_DAYS,
            help="Keep ended sessions this many days (default: the JWT_SESSION_RETENTION_DAYS setting).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only report what would be deleted.")

    def handle(self, *args, days: int, dry_run: bool, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        sessions, tokens = sessions_prune(days=days, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {sessions} session(s) that ended more than {days} day(s) ago "
            f"and {tokens} expired refresh token record(s)."
        )
