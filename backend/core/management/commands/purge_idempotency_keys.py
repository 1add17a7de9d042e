"""Forget expired `Idempotency-Key` records; the worker does it daily (jobs/schedule.py).

A key past its time is also replaced when its user sends it again, so the command only keeps
the table small; nothing depends on it running.
"""

from django.core.management.base import BaseCommand

from core.idempotency import purge_expired


class Command(BaseCommand):
    help = "Delete Idempotency-Key records older than their 24 hours."

    def handle(self, *args, **options):
        self.stdout.write(f"Removed {purge_expired()} expired idempotency keys.")
