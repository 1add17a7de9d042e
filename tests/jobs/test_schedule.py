"""The periodic schedule: each job enqueued once per slot, however many workers race for it,
and the daily jobs that used to need a cron or someone opening a page."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from jobs.schedule import SCHEDULE, Periodic
from jobs.scheduler import enqueue_due
from tests.concurrency import at_once, needs_postgresql
from tests.factories import AlertFactory, ContactPointFactory
from tests.jobs import run_jobs
from tests.jobs.tasks import flaky

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
INBOX = "/api/v1/inbox/"
ALERTS = "/api/v1/alerts/"


def only(task: str) -> list[Periodic]:
    return [p for p in SCHEDULE if p.task == task]


def enqueued(task: str) -> int:
    return DBTaskResult.objects.filter(task_path=task).count()


@pytest.mark.parametrize("periodic", SCHEDULE, ids=lambda p: p.task)
def test_every_scheduled_job_is_a_task_that_takes_no_arguments(periodic):
    task = import_string(periodic.task)
    assert isinstance(task, Task)
    task.get_backend().validate_task(task)
    assert periodic.every >= timedelta(minutes=1)


def test_a_job_is_enqueued_once_per_slot():
    daily = Periodic("inbox.tasks.remind_stale_contacts", every=timedelta(days=1))
    assert enqueue_due(now=NOON, schedule=[daily]) == [daily.task]
    assert enqueue_due(now=NOON + timedelta(hours=11), schedule=[daily]) == []
    assert enqueued(daily.task) == 1
    # The next day is the next slot, from midnight UTC.
    assert enqueue_due(now=NOON + timedelta(hours=12), schedule=[daily]) == [daily.task]
    assert enqueue_due(now=NOON + timedelta(hours=13), schedule=[daily]) == []
    assert enqueued(daily.task) == 2


def test_slots_missed_while_no_worker_ran_are_not_made_up_for():
    often = Periodic("alerts.tasks.purge_expired_alerts", every=timedelta(minutes=5))
    enqueue_due(now=NOON, schedule=[often])
    assert enqueue_due(now=NOON + timedelta(hours=3), schedule=[often]) == [often.task]
    assert enqueued(often.task) == 2


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_schedulers_racing_for_the_same_slot_enqueue_each_job_once():
    results = at_once(*[lambda: enqueue_due(now=NOON)] * 4)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(task for tasks in results for task in tasks) == sorted(p.task for p in SCHEDULE)
    for periodic in SCHEDULE:
        assert enqueued(periodic.task) == 1, periodic.task


def test_the_daily_reminder_fills_the_inbox_with_stale_contacts_once(as_user, anna, bob, org_a):
    never = ContactPointFactory(organization=org_a, last_verified_at=None)
    old = ContactPointFactory(organization=org_a, last_verified_at=timezone.now() - timedelta(days=400))
    ContactPointFactory(organization=org_a, last_verified_at=timezone.now())
    ContactPointFactory(organization=org_a, last_verified_at=None, status="compromised")
    daily = only("inbox.tasks.remind_stale_contacts")

    # Nobody opened an inbox: the worker alone put the notices there.
    enqueue_due(schedule=daily)
    assert run_jobs() == 1
    items = as_user(anna).get(INBOX).data["results"]
    stale = sorted(i["contact_point"] for i in items if i["kind"] == "contact_stale")
    assert stale == sorted([never.id, old.id])
    assert as_user(bob).get(INBOX).data["results"] == []

    # The next day nothing new is stored for the same contacts...
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        enqueue_due(schedule=daily)
        assert run_jobs() == 1
    assert as_user(anna).get(f"{INBOX}unread-count/").data == {"unread": 2}

    # ...but a contact verified once more, long ago, is announced again.
    old.last_verified_at = timezone.now() - timedelta(days=300)
    old.save()
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        enqueue_due(schedule=daily)
        assert run_jobs() == 1
    assert as_user(anna).get(f"{INBOX}unread-count/").data == {"unread": 3}


def test_the_five_minute_job_purges_expired_alerts(as_user, olga):
    alert = AlertFactory(expires_at=timezone.now() + timedelta(minutes=1))
    client = as_user(olga)
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert [a["id"] for a in client.get(ALERTS, {"current": "false"}).data["results"]] == [alert.pk]
        enqueue_due(schedule=only("alerts.tasks.purge_expired_alerts"))
        assert run_jobs() == 1
        assert client.get(ALERTS, {"current": "false"}).data["results"] == []


def test_finished_jobs_are_kept_for_the_retention_period_then_pruned(settings):
    settings.JOBS_RESULT_RETENTION_DAYS = 14
    old = flaky.enqueue(0)
    run_jobs()
    with time_machine.travel(timezone.now() + timedelta(days=10)):
        recent = flaky.enqueue(0)
        run_jobs()
        waiting = flaky.using(run_after=timezone.now() + timedelta(days=30)).enqueue(0)
    with time_machine.travel(timezone.now() + timedelta(days=15)):
        enqueue_due(schedule=only("jobs.tasks.prune_job_results"))
        assert run_jobs() == 1
    kept = set(DBTaskResult.objects.filter(task_path=flaky.module_path).values_list("pk", flat=True))
    assert {str(pk) for pk in kept} == {recent.id, waiting.id}
    assert old.id not in {str(pk) for pk in kept}


def test_a_lease_shorter_than_two_heartbeats_is_refused_at_start(settings):
    settings.JOBS_HEARTBEAT_SECONDS, settings.JOBS_LEASE_SECONDS = 10, 15
    with pytest.raises(SystemCheckError, match="JOBS_LEASE_SECONDS"):
        call_command("check")
