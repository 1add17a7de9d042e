"""The document list, search and a country profile cost the same number of queries whatever
the page size: a page of 1 and a page of 60 (both full) must not differ."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from countries.models import Country
from documents.models import Attachment, Document
from organizations.models import ContactPoint, Organization

MANY = 60


@pytest.fixture
def many(public_org_a):
    documents = []
    for i in range(MANY):
        document = Document.objects.create(
            organization=public_org_a,
            title=f"Deserter guide {i:03} (example data)",
            summary="deserter asylum",
            body="A guide for deserters.",
            language=("en", "ru", "de")[i % 3],
            countries=["FR", "DE"],
            topics=["asylum"],
            visibility="public",
            status="published",
            is_example=True,
        )
        Attachment.objects.create(
            document=document,
            file=f"attachments/x{i}.txt",
            name="n.txt",
            content_type="text/plain",
            size=1,
            sha256="0",
        )
        documents.append(document)
    for i in range(MANY):
        org = Organization.objects.create(
            name=f"Deserter help {i:03}", slug=f"deserter-{i}", visibility="public", countries=["FR"]
        )
        ContactPoint.objects.create(
            organization=org,
            channel="email",
            value=f"d{i}@example.org",
            label="deserter line",
            visibility="public",
        )
    Country.objects.create(code="FR", asylum_practice="deserter cases")
    return documents


def count_queries(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    return len(queries), response


@pytest.mark.parametrize("who", ["anonymous", "member", "admin"])
@pytest.mark.parametrize(
    "url, params, page_size_key",
    [
        ("/api/v1/documents/", {}, "page_size"),
        ("/api/v1/documents/", {"q": "deserter", "language": "en"}, "page_size"),
        ("/api/v1/search/", {"q": "deserter"}, "page_size"),
        ("/api/v1/search/", {"q": "deserter", "country": "FR"}, "page_size"),
    ],
)
def test_lists_cost_the_same_at_every_page_size(
    api, as_user, anna, olga, many, who, url, params, page_size_key
):
    client = {"anonymous": api, "member": as_user(anna), "admin": as_user(olga)}[who]
    small, small_response = count_queries(client, url, {**params, page_size_key: 1})
    large, large_response = count_queries(client, url, {**params, page_size_key: 60})
    assert len(small_response.data["results"]) == 1
    assert len(large_response.data["results"]) >= 20
    assert small == large
    assert large <= 20, large


def test_a_country_profile_costs_a_fixed_number_of_queries(api, many, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = api.get("/api/v1/countries/FR/")
    assert len(response.data["guides"]) == 50
    assert len(response.data["organizations"]) == 50
