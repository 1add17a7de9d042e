"""Drawing up events costs the same statements whatever the number of objects one write changed.

Olga (admin) has an endpoint, so she hears of every contact. An organization with 2 or with
20 public contacts becomes network-only; its contacts follow, so the feed records 3 or 21
changes, and the draw-up job makes a delivery of each contact (the endpoint subscribes to
contacts only), each with its own delivery job. A
statement per delivery (an N+1, such as enqueuing each job on its own) changes the count.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from tests.factories import ContactPointFactory, OrganizationFactory
from tests.jobs import run_jobs
from webhooks.models import WebhookDelivery

pytestmark = pytest.mark.django_db


def public_organization(size: int):
    organization = OrganizationFactory(visibility="public")
    ContactPointFactory.create_batch(size, organization=organization)
    return organization


def draw_up_after_hiding(client, organization) -> tuple[int, int]:
    """Statements of the draw-up job after `organization` is hidden, and the delivery jobs it queued."""
    size = organization.contact_points.count()
    response = client.patch(
        f"/api/v1/organizations/{organization.pk}/", {"visibility": "network"}, format="json"
    )
    assert response.status_code == 200, response.content
    before = WebhookDelivery.objects.count()
    with CaptureQueriesContext(connection) as queries:
        assert run_jobs(limit=1) == 1  # the draw-up job alone: its deliveries wait, queued
    queued = DBTaskResult.objects.filter(task_path="webhooks.tasks.deliver_webhook", status="READY").count()
    assert WebhookDelivery.objects.count() - before == size
    DBTaskResult.objects.all().delete()  # the next draw-up must be the next job
    return len(queries.captured_queries), queued


def test_drawing_up_events_costs_the_same_statements_for_2_and_for_20_changed_contacts(
    olga, client_of, register
):
    admin = client_of("olga")
    two, twenty = public_organization(2), public_organization(20)
    register("olga", OrganizationFactory(), "http://127.0.0.1:9/hooks", event_types=["contact_point.*"])
    small, small_queued = draw_up_after_hiding(admin, two)
    large, large_queued = draw_up_after_hiding(admin, twenty)
    assert (small_queued, large_queued) == (2, 20)  # contacts; the organization is not subscribed
    assert small == large
