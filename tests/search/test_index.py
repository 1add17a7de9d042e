"""The search index: inflected forms found through it, kept current with every write, never
widening what a viewer sees, and a cost that does not grow with the rows or the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from core.generated import SLUG_PREFIX, create_network
from organizations.models import ContactPoint, Organization
from search.index import index_rows
from search.models import SearchEntry
from tests.factories import ContactPointFactory, OrganizationFactory

INFLECTED = [
    # (language, text stored, query in another form of the same word)
    ("ru", "Консультируем по вопросам убежища и отказа от службы.", "убежище"),
    ("ru", "Помогаем дезертирам и их семьям.", "дезертир"),
    ("uk", "Допомагаємо з документами для отримання притулку.", "притулок"),
    ("uk", "Консультації щодо мобілізації.", "консультація"),
    ("de", "Kostenlose Beratungen zu Kriegsdienstverweigerung.", "Beratung"),
    ("de", "Begleitung zu Anhörungen beim Bundesamt.", "Anhörung"),
    ("en", "We advise on asylum claims.", "claim"),
    ("en", "Accompaniment to interviews, with interpreters.", "interpreter interview"),
]


def search(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def found(data, type_name):
    return [hit["id"] for hit in data["results"] if hit["type"] == type_name]


@pytest.mark.parametrize("language, text, q", INFLECTED, ids=[f"{row[0]}-{row[2]}" for row in INFLECTED])
def test_inflected_forms_are_found_through_the_index(api, db, language, text, q):
    org = OrganizationFactory(name="Lighthouse (example data)", description=text, visibility="public")
    OrganizationFactory(name="Other (example data)", description="Nothing of the kind.", visibility="public")
    assert found(search(api, q=q), "organization") == [org.id]

    SearchEntry.objects.filter(kind="organization", object_id=org.id).delete()
    assert search(api, q=q)["count"] == 0  # the index, not the rows, is what matches


def test_snippets_mark_the_inflected_words_that_matched(api, db):
    OrganizationFactory(description="Wir helfen bei Asylverfahren. Beratungen montags.", visibility="public")
    hit = search(api, q="Beratung")["results"][0]
    assert hit["snippet"].count("<mark>") == 1 and "<mark>Beratungen</mark>" in hit["snippet"]


def test_phrases_exclusions_and_alternatives(api, db):
    first = OrganizationFactory(description="Legal aid for deserters.", visibility="public")
    second = OrganizationFactory(description="Aid for legal deserters.", visibility="public")
    assert found(search(api, q='"legal aid"'), "organization") == [first.id]
    assert set(found(search(api, q="legal aid"), "organization")) == {first.id, second.id}
    assert found(search(api, q="deserters -legal aid -for"), "organization") == []
    assert found(search(api, q='deserter -"legal aid"'), "organization") == [second.id]
    third = OrganizationFactory(description="Shelter only.", visibility="public")
    assert set(found(search(api, q="shelter or aid"), "organization")) == {first.id, second.id, third.id}
    assert search(api, q="-shelter")["count"] == 0  # nothing required: nothing found


def test_a_phone_fragment_and_a_telegram_handle_are_found(api, public_org_a):
    phone = ContactPointFactory(organization=public_org_a, channel="phone", value="+49 30 1234 5678")
    handle = ContactPointFactory(organization=public_org_a, channel="telegram", value="@free_harbour_17")
    assert found(search(api, q="12345"), "contact_point") == [phone.id]
    assert found(search(api, q="4567"), "contact_point") == [phone.id]
    assert search(api, q="123")["count"] == 0  # under four digits a number matches whole only
    assert found(search(api, q="@free_harbour_17"), "contact_point") == [handle.id]


def test_the_index_follows_create_update_and_delete(api, public_org_a):
    contact = ContactPointFactory(organization=public_org_a, label="Горячая линия")
    assert found(search(api, q="горячей линии"), "contact_point") == [contact.id]

    contact.label = "Sprechstunde"
    contact.save()
    assert search(api, q="горячая линия")["count"] == 0
    assert found(search(api, q="Sprechstunden"), "contact_point") == [contact.id]

    contact.delete()
    assert search(api, q="Sprechstunde")["count"] == 0
    assert not SearchEntry.objects.filter(kind="contact_point", object_id=contact.id).exists()


def test_contact_points_follow_their_organizations_name(api, public_org_a):
    contact = ContactPointFactory(organization=public_org_a, label="Hotline")
    public_org_a.name = "Tiefseehafen"
    public_org_a.save()
    assert found(search(api, q="Tiefseehafens", type="contact_point"), "contact_point") == [contact.id]
    assert search(api, q="Alpha", type="contact_point")["count"] == 0


def test_the_generated_network_is_indexed_by_its_bulk_path(api, db):
    create_network(contacts=60, organizations=12)
    contacts = ContactPoint.objects.filter(organization__slug__startswith=SLUG_PREFIX)
    orgs = Organization.objects.filter(slug__startswith=SLUG_PREFIX)
    assert SearchEntry.objects.filter(kind="contact_point").count() == contacts.count() == 60
    assert SearchEntry.objects.filter(kind="organization", object_id__in=orgs.values("pk")).count() == 12
    contact = contacts.filter(visibility="public", organization__visibility="public", status="active").first()
    data = search(api, q=contact.value, type="contact_point")
    assert contact.id in found(data, "contact_point")


def test_a_restricted_contacts_words_never_match_for_an_outsider(
    api, as_user, anna, bob, oscar, public_org_a
):
    ContactPointFactory(organization=public_org_a, label="Open line", visibility="public")
    secret = ContactPointFactory(organization=public_org_a, label="Quokka line", visibility="restricted")
    OrganizationFactory(name="Quokka Hidden", slug="quokka", visibility="restricted")
    for client in (api, as_user(oscar), as_user(bob)):
        data = search(client, q="quokka")
        assert data["count"] == 0 and data["results"] == []
        assert set(data["counts"].values()) == {0}
    own = search(as_user(anna), q="quokka")
    assert found(own, "contact_point") == [secret.id]
    assert own["counts"]["contact_point"] == 1 and own["counts"]["organization"] == 0


def _queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        search(client, **params)
    return len(captured)


def test_query_count_is_constant_in_rows_and_page_depth(api, db, django_assert_num_queries):
    create_network(contacts=40, organizations=8)
    params = {"q": "example", "type": "contact_point,organization", "page_size": 5}
    small = _queries(api, **params)
    org = Organization.objects.filter(slug__startswith=SLUG_PREFIX, visibility="public").first()
    ContactPoint.objects.bulk_create(
        ContactPoint(
            organization=org,
            channel="phone",
            value=f"+4930{n:07}",
            label=f"Hotline {n} (example)",
            visibility="public",
        )
        for n in range(400)
    )
    index_rows(ContactPoint.objects.filter(organization=org))  # as the generator's bulk path does
    assert search(api, **params)["count"] > 100
    with django_assert_num_queries(small):
        search(api, **params)
    with django_assert_num_queries(small):
        search(api, **params, page=12)


def test_a_search_past_its_time_limit_is_a_503_problem(db, settings):
    # A 5xx is reported to Django's error signal (for monitoring), which the test client
    # would re-raise; the response itself is what a caller gets.
    api = APIClient(raise_request_exception=False)
    settings.SEARCH_TIMEOUT_MS = 50
    if connection.vendor == "postgresql":
        response = _while_the_index_is_locked(api)
    else:
        create_network(contacts=300, organizations=30)
        settings.SEARCH_TIMEOUT_MS = 0  # the deadline has passed before the first step
        response = api.get("/api/v1/search/", {"q": "example"})
    assert response.status_code == 503, response.content
    body = response.json()
    assert body["type"] == "/api/problems/service-unavailable" and body["status"] == 503
    assert body["errors"][0]["code"] == "search_timeout"
    settings.SEARCH_TIMEOUT_MS = 2000
    assert api.get("/api/v1/search/", {"q": "example"}).status_code == 200  # the limit was lifted


def _while_the_index_is_locked(api):
    """Another session holds the index table, so the search waits until its limit stops it."""
    import psycopg

    params = connection.get_connection_params()
    with psycopg.connect(**params, autocommit=False) as other:
        other.execute("LOCK TABLE search_searchentry IN ACCESS EXCLUSIVE MODE")
        try:
            return api.get("/api/v1/search/", {"q": "example"})
        finally:
            other.rollback()
