"""Delete expired alerts, so the change feed records their deletion and they leave every replica."""

from django.core.management.base import BaseCommand

from alerts.models import Alert


class Command(BaseCommand):
    help = "Delete alerts past their expiry (run every few minutes): devices drop them on their next sync."

    def handle(self, *args, **options):
        expired = list(Alert.objects.expired())
        for alert in expired:
            alert.delete()  # one by one: each deletion enters the change feed
        self.stdout.write(f"{len(expired)} expired alert(s) purged.")
