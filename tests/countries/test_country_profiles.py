"""A country profile shows its sources, who reviewed it and when, a warning when that is
long ago, and the guides and organizations for the country the reader may see."""

from datetime import timedelta

from django.utils import timezone

from countries.models import Country
from tests.factories import OrganizationFactory, UserFactory


def make_profile(**fields):
    reviewer = UserFactory(username="olga", first_name="Olga", last_name="Admin", is_staff=True)
    return Country.objects.create(
        code="FR",
        asylum_practice="Evidence of call-up decides (example data).",
        sources=[{"title": "EBCO annual report", "url": "https://ebco-beoc.org/"}],
        last_reviewed=timezone.now().date() - timedelta(days=20),
        reviewed_by=reviewer,
        is_example=True,
        **fields,
    )


def test_the_profile_names_its_sources_and_reviewer(api, db):
    make_profile()
    data = api.get("/api/v1/countries/fr/").data
    assert data["sources"] == [{"title": "EBCO annual report", "url": "https://ebco-beoc.org/"}]
    assert data["reviewed_by"] == "Olga Admin"
    assert data["is_stale"] is False
    assert data["review_warning"] is None


def test_a_profile_not_reviewed_for_a_year_warns(api, db):
    profile = make_profile()
    profile.last_reviewed = timezone.now().date() - timedelta(days=400)
    profile.save()
    data = api.get("/api/v1/countries/FR/").data
    assert data["is_stale"] is True
    assert "more than 12 months ago" in data["review_warning"]
    listed = api.get("/api/v1/countries/", {"stale": "true"}).data
    assert [c["code"] for c in listed["results"]] == ["FR"]


def test_the_profile_lists_the_guides_and_organizations_the_reader_may_see(
    api, as_user, anna, bob, make_document, public_org_a, org_b
):
    make_profile()
    public = make_document(title="France: evidence of call-up", countries=["FR"])
    network = make_document(title="France: network notes", countries=["FR"], visibility="network")
    make_document(title="France: draft", countries=["FR"], status="draft")
    make_document(title="Germany guide", countries=["DE"])
    public_org_a.countries = ["FR", "DE"]
    public_org_a.save()
    org_b.countries = ["FR"]
    org_b.save()  # network-only
    OrganizationFactory(name="Hidden", countries=["FR"], visibility="restricted")

    anonymous = api.get("/api/v1/countries/FR/").data
    assert [g["id"] for g in anonymous["guides"]] == [public.id]
    assert [o["slug"] for o in anonymous["organizations"]] == ["alpha"]

    member = as_user(anna).get("/api/v1/countries/FR/").data
    assert [g["id"] for g in member["guides"]] == [public.id, network.id]
    assert {o["slug"] for o in member["organizations"]} == {"alpha", "bravo"}
    assert "body" not in member["guides"][0]


def test_the_list_stays_light(api, db):
    make_profile()
    row = api.get("/api/v1/countries/").data["results"][0]
    assert "guides" not in row and "organizations" not in row
    assert row["reviewed_by"] == "Olga Admin"
