"""Background jobs of the inbox: run by the worker on the schedule of jobs/schedule.py."""

from django_tasks import task

from organizations.models import Organization

from . import producers


@task()
def remind_stale_contacts() -> int:
    """Daily: tell each organization which of its active contact points went stale; how many notices."""
    return producers.stale_contacts(organization_ids=Organization.objects.values("pk"))
