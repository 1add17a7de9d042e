"""A document's history is read with the audience each version was published to.

Alice's guide is published restricted to A and revised there; then the network office makes
it public. Anonymous readers see the public version from then on, not the restricted-era
versions or their diffs; members of A still see the whole history.
"""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def widened(client_of, public_org_a):
    author, office = client_of("alice"), client_of("olga")
    created = author.post(
        "/api/v1/documents/",
        {
            "organization": public_org_a.id,
            "title": "Leaving through Georgia (example data)",
            "body": "Which crossing is open.",
            "language": "en",
            "visibility": "restricted",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    url = f"/api/v1/documents/{created.data['id']}/"
    assert author.post(url + "submit/").status_code == 200
    assert office.post(url + "publish/").status_code == 200
    assert office.patch(url, {"body": "Which crossing is open, and when."}, format="json").status_code == 200
    assert office.patch(url, {"visibility": "public"}, format="json").status_code == 200
    return url


def test_anonymous_readers_do_not_see_the_versions_of_a_documents_restricted_past(api, widened):
    assert api.get(widened).status_code == 200
    listed = api.get(widened + "versions/")
    assert listed.status_code == 200
    assert [v["number"] for v in listed.data["results"]] == [3]
    assert api.get(widened + "versions/3/").data["body"] == "Which crossing is open, and when."
    for number in (1, 2):
        assert api.get(widened + f"versions/{number}/").status_code == 404
    refused = api.get(widened + "diff/", {"from_version": 1})
    assert refused.status_code == 400
    assert refused.data["errors"][0]["attr"] == "from_version"


def test_members_of_the_author_organization_still_read_the_whole_history(client_of, widened):
    for name in ("anna", "olga"):
        listed = client_of(name).get(widened + "versions/").data["results"]
        assert [v["number"] for v in listed] == [3, 2, 1]
    diff = client_of("anna").get(widened + "diff/", {"from_version": 1, "to_version": 2}).data["diff"]
    assert "+Which crossing is open, and when." in diff


def test_bob_in_the_network_does_not_see_them_either(client_of, widened):
    listed = client_of("bob").get(widened + "versions/").data["results"]
    assert [v["number"] for v in listed] == [3]
