"""Compaction of the change feed: drop old entries, move the watermark past them."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from changes.feed import prune


class Command(BaseCommand):
    help = (
        "Delete change-feed entries older than CHANGE_RETENTION_DAYS (or --days) and advance the "
        "watermark. Sync clients whose cursor is older than the watermark get a full snapshot. "
        "The worker runs this daily (jobs/schedule.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.CHANGE_RETENTION_DAYS,
            help="Keep this many days of history (default: the CHANGE_RETENTION_DAYS setting).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only report what would be deleted.")

    def handle(self, *args, days: int, dry_run: bool, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        result = prune(days, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {result.deleted} change(s) older than {result.cutoff:%Y-%m-%d %H:%M:%S %Z}; "
            f"watermark at #{result.pruned_through}."
        )
