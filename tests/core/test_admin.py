"""The Django admin as the network office uses it, on the demo network.

olga (the demo admin, a superuser) signs in with her documented demo password. Every
page of every registered model opens; the change feed can be read but not touched; the
contact point actions record who did what, and a compromised contact disappears from
the public API at once.
"""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from changes.models import Change
from countries.models import Country
from organizations.models import ContactPoint, Organization


@pytest.fixture
def browser(demo) -> Client:
    client = Client()
    assert client.login(username="olga", password="demo-admin-pass")
    return client


def url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_changelist_add_and_change_page_opens(browser):
    assert {Country, Organization, ContactPoint, Change} <= set(admin.site._registry)
    failures, opened = [], 0
    for model, model_admin in admin.site._registry.items():
        pages = [url(model, "changelist")]
        if model_admin.has_add_permission(_request_as("olga")):
            pages.append(url(model, "add"))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            pages.append(url(model, "change", first.pk))
        for page in pages:
            status = browser.get(page).status_code
            opened += 1
            if status != 200:
                failures.append((page, status))
    assert failures == []
    assert opened >= 3 * 4


def _request_as(username: str):
    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.get(username=username)
    return request


def test_my_models_have_add_pages(browser):
    for model in (Country, Organization, ContactPoint):
        assert browser.get(url(model, "add")).status_code == 200


def test_the_changelists_filter_and_search(browser):
    page = browser.get(url(Organization, "changelist") + "?kind=supporter")
    assert page.status_code == 200
    assert [o.slug for o in page.context["cl"].result_list] == ["supporters-circle"]

    page = browser.get(url(ContactPoint, "changelist") + "?status__exact=compromised")
    assert [c.status for c in page.context["cl"].result_list] == ["compromised"]

    page = browser.get(url(ContactPoint, "changelist") + "?channel__exact=signal&visibility__exact=network")
    assert {c.channel for c in page.context["cl"].result_list} == {"signal"}

    page = browser.get(url(Country, "changelist") + "?stale=yes")
    assert [str(c.code) for c in page.context["cl"].result_list] == ["KZ"]

    page = browser.get(url(Country, "changelist") + "?q=GE")
    assert "GE" in [str(c.code) for c in page.context["cl"].result_list]


def test_the_change_feed_can_be_read_but_not_changed(browser):
    entry = Change.objects.filter(object_type="contact_point").first()
    changelist = browser.get(url(Change, "changelist"))
    assert changelist.status_code == 200
    assert "delete_selected" not in changelist.context["cl"].model_admin.get_actions(changelist.wsgi_request)

    detail = browser.get(url(Change, "change", entry.pk))
    assert detail.status_code == 200
    assert b'name="_save"' not in detail.content

    assert browser.get(url(Change, "add")).status_code == 403
    assert browser.post(url(Change, "change", entry.pk), {"object_id": "999"}).status_code == 403
    assert browser.get(url(Change, "delete", entry.pk)).status_code == 403
    assert browser.post(url(Change, "delete", entry.pk), {"post": "yes"}).status_code == 403
    assert Change.objects.filter(pk=entry.pk, object_id=entry.object_id).exists()


def test_the_change_feed_filters_by_type_and_action_and_finds_an_object_id(browser):
    contact = ContactPoint.objects.first()
    page = browser.get(
        url(Change, "changelist") + f"?object_type=contact_point&action__exact=create&q={contact.pk}"
    )
    assert page.status_code == 200
    rows = list(page.context["cl"].result_list)
    assert rows and all(r.object_type == "contact_point" and r.object_id == str(contact.pk) for r in rows)


def test_mark_verified_records_who_and_when(browser):
    stale = next(c for c in ContactPoint.objects.all() if c.is_stale)
    before = timezone.now()
    response = browser.post(
        url(ContactPoint, "changelist"), {"action": "mark_verified", "_selected_action": [str(stale.pk)]}
    )
    assert response.status_code == 302
    stale.refresh_from_db()
    assert stale.last_verified_by.username == "olga"
    assert stale.last_verified_at >= before - timedelta(seconds=1)
    assert not stale.is_stale
    change = Change.objects.filter(object_type="contact_point", object_id=str(stale.pk)).last()
    assert change.actor.username == "olga" and "last_verified_at" in change.fields


def test_mark_compromised_withdraws_the_contact_from_the_public_api(browser):
    hotline = ContactPoint.objects.get(organization__slug="network-office", channel="phone")
    api = APIClient()
    assert api.get(f"/api/v1/contact-points/{hotline.pk}/").status_code == 200

    response = browser.post(
        url(ContactPoint, "changelist"), {"action": "mark_compromised", "_selected_action": [str(hotline.pk)]}
    )
    assert response.status_code == 302
    hotline.refresh_from_db()
    assert hotline.status == "compromised"
    assert api.get(f"/api/v1/contact-points/{hotline.pk}/").status_code == 404
    change = Change.objects.filter(object_type="contact_point", object_id=str(hotline.pk)).last()
    assert change.actor.username == "olga"
    assert change.fields["status"] == ["active", "compromised"]


def contact_form(organization: Organization, **overrides) -> dict:
    data = {
        "organization": organization.pk,
        "channel": "phone",
        "value": "+49 30 23125 177",
        "label": "Second hotline (example data)",
        "languages": "ru, de",
        "countries": ["DE"],
        "topics": "desertion, asylum",
        "hours": "",
        "security_advice": "",
        "status": "active",
        "visibility": "public",
        "is_example": "on",
    }
    return data | overrides


def test_adding_a_contact_normalizes_its_value(browser):
    office = Organization.objects.get(slug="network-office")
    response = browser.post(url(ContactPoint, "add"), contact_form(office))
    assert response.status_code == 302, response.context["adminform"].form.errors
    created = ContactPoint.objects.get(organization=office, value="+493023125177")
    assert created.languages == ["ru", "de"] and created.topics == ["desertion", "asylum"]


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"value": "+49 30 1"}, "value"),
        ({"channel": "telegram", "value": "not a handle!"}, "value"),
        ({"channel": "website", "value": "http://insecure.example.org/"}, "value"),
        ({"languages": "ru, xx"}, "languages"),
        ({"languages": ""}, "languages"),
        ({"topics": "gossip"}, "topics"),
    ],
)
def test_an_invalid_contact_is_refused_with_a_message_and_nothing_is_saved(browser, overrides, field):
    office = Organization.objects.get(slug="network-office")
    count = ContactPoint.objects.count()
    response = browser.post(url(ContactPoint, "add"), contact_form(office, **overrides))
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert ContactPoint.objects.count() == count


def test_an_organization_with_an_unknown_kind_or_plain_http_website_is_refused(browser):
    office = Organization.objects.get(slug="network-office")
    data = {
        "name": office.name,
        "slug": office.slug,
        "description": office.description,
        "countries": ["DE"],
        "kinds": "network_office, bakery",
        "languages": "ru, en, de",
        "website": "http://network-office.example.org/",
        "visibility": "public",
        "verified": "on",
        "is_example": "on",
        "contact_points-TOTAL_FORMS": "0",
        "contact_points-INITIAL_FORMS": "0",
    }
    response = browser.post(url(Organization, "change", office.pk), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "kinds" in errors and "website" in errors
    office.refresh_from_db()
    assert office.website == "https://network-office.example.org/"


def test_saving_a_reviewed_country_records_the_reviewer(browser):
    kazakhstan = Country.objects.get(code="KZ")
    data = {
        "code": "KZ",
        "conscription": kazakhstan.conscription,
        "conscientious_objection": kazakhstan.conscientious_objection,
        "mobilization": kazakhstan.mobilization,
        "penalties": kazakhstan.penalties,
        "asylum_practice": kazakhstan.asylum_practice,
        "sources": '[{"title": "EBCO", "url": "https://ebco-beoc.org/"}]',
        "last_reviewed": timezone.now().date().isoformat(),
        "is_example": "on",
    }
    response = browser.post(url(Country, "change", kazakhstan.pk), data)
    assert response.status_code == 302
    kazakhstan.refresh_from_db()
    assert not kazakhstan.is_stale and kazakhstan.reviewed_by.username == "olga"

    data["sources"] = '[{"title": "EBCO", "url": "http://ebco-beoc.org/"}]'
    response = browser.post(url(Country, "change", kazakhstan.pk), data)
    assert response.status_code == 200
    assert "sources" in response.context["adminform"].form.errors


def test_the_office_writes_opening_hours_in_the_admin_and_they_need_a_time_zone(browser):
    office = Organization.objects.get(slug="network-office")
    rows = '[{"weekday": 1, "opens_at": "10:00", "closes_at": "16:00"}]'
    refused = browser.post(url(ContactPoint, "add"), contact_form(office, opening_hours=rows, time_zone=""))
    assert refused.status_code == 200
    assert "time_zone" in refused.context["adminform"].form.errors
    saved = browser.post(
        url(ContactPoint, "add"), contact_form(office, opening_hours=rows, time_zone="Europe/Berlin")
    )
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    created = ContactPoint.objects.get(organization=office, value="+493023125177")
    assert (created.opening_hours[0]["opens_at"], created.time_zone) == ("10:00", "Europe/Berlin")
    emptied = browser.post(url(ContactPoint, "change", created.pk), contact_form(office, opening_hours=""))
    assert emptied.status_code == 302, emptied.context["adminform"].form.errors
    created.refresh_from_db()
    assert created.opening_hours == []


def test_the_office_posts_an_alert_in_the_admin(browser):
    response = browser.post(
        reverse("admin:alerts_alert_add"),
        {
            "text": "Border crossing X closed (example data).",
            "source_language": "en",
            "translations": "{}",
            "visibility": "public",
            "expires_at_0": (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%d"),
            "expires_at_1": "12:00:00",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    listed = APIClient().get("/api/v1/alerts/").data["results"]
    assert "Border crossing X closed (example data)." in {alert["text"] for alert in listed}
