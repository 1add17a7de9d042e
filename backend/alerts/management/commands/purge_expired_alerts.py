"""Delete expired alerts, so the change feed records their deletion and they leave every replica."""

from django.core.management.base import BaseCommand

from alerts.tasks import purge_expired_alerts


class Command(BaseCommand):
    help = (
        "Delete alerts past their expiry: devices drop them on their next sync. "
        "The worker runs this every 5 minutes (jobs/schedule.py)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{purge_expired_alerts.call()} expired alert(s) purged.")
