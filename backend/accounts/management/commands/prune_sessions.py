"""Forget sessions that ended long ago, and the blacklist rows of tokens that expired."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from accounts.models import AuthSession


class Command(BaseCommand):
    help = (
        "Delete sessions that ended (signed out, revoked or expired) more than "
        "JWT_SESSION_RETENTION_DAYS (or --days) ago, and the outstanding-token rows of refresh "
        "tokens that have expired: an expired token is refused by its signature alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.JWT_SESSION_RETENTION_DAYS,
            help="Keep ended sessions this many days (default: the JWT_SESSION_RETENTION_DAYS setting).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only report what would be deleted.")

    @transaction.atomic
    def handle(self, *args, days: int, dry_run: bool, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        now = timezone.now()
        sessions = AuthSession.objects.ended_before(now - timedelta(days=days))
        # What simplejwt's `flushexpiredtokens` deletes (blacklist rows go with them).
        tokens = OutstandingToken.objects.filter(expires_at__lte=now)
        counts = (sessions.count(), tokens.count())
        if not dry_run:
            sessions.delete()
            tokens.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {counts[0]} session(s) that ended more than {days} day(s) ago "
            f"and {counts[1]} expired refresh token record(s)."
        )
