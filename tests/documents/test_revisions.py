"""Revising a published guide: readers keep the published text (list, detail, search, sync) while
its authors work on the revision, and publishing the revision replaces it under the same id."""

import pytest

from tests.sync.replica import Replica

PUBLISHED = "Published body about the hearing."
DRAFT = "Draft body about the border."


@pytest.fixture
def guide(make_document):
    return make_document(title="Hearing guide (example data)", body=PUBLISHED, visibility="public")


@pytest.fixture
def org_a_public(org_a):
    org_a.visibility = "public"
    org_a.save()
    return org_a


def revise(client, guide, **changes):
    url = f"/api/v1/documents/{guide.id}/"
    revised = client.post(url + "revise/")
    assert revised.status_code == 200, revised.content
    if changes:
        written = client.patch(url, changes, format="json")
        assert written.status_code == 200, written.content
        return written
    return revised


def detail(client, guide):
    return client.get(f"/api/v1/documents/{guide.id}/")


def listed(client, guide):
    response = client.get("/api/v1/documents/", {"page_size": 100})
    assert response.status_code == 200
    return next((item for item in response.json()["results"] if item["id"] == guide.id), None)


def found(client, word):
    response = client.get("/api/v1/search/", {"q": word})
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_readers_keep_the_published_text_while_the_authors_write_the_revision(
    api, as_user, alice, anna, bob, olga, org_a_public, guide
):
    written = revise(as_user(alice), guide, title="Border guide (example data)", body=DRAFT)
    assert written.data["status"] == "published"
    assert written.data["body"] == PUBLISHED
    assert written.data["revision_status"] == "draft"
    assert written.data["revision"]["title"] == "Border guide (example data)"
    assert written.data["revision"]["body_html"].strip() == f"<p>{DRAFT}</p>"

    for reader in (api, as_user(bob)):
        shown = detail(reader, guide)
        assert shown.status_code == 200
        assert (shown.data["title"], shown.data["body"]) == ("Hearing guide (example data)", PUBLISHED)
        assert shown.data["revision"] is None and shown.data["revision_status"] is None
        item = listed(reader, guide)
        assert item["title"] == "Hearing guide (example data)" and item["status"] == "published"
        assert item["revision_status"] is None
        assert DRAFT not in str(shown.content) and "Border" not in str(item)

    for author in (as_user(alice), as_user(anna), as_user(olga)):
        assert detail(author, guide).data["revision"]["body"] == DRAFT
        assert listed(author, guide)["revision_status"] == "draft"


def test_search_finds_the_published_text_not_the_draft(api, as_user, alice, org_a_public, guide):
    revise(as_user(alice), guide, body="Zanzibarian smuggling routes")
    assert found(api, "hearing")
    assert not any(result.get("id") == guide.id for result in found(api, "zanzibarian"))


def test_a_revision_reaches_no_replica_and_its_publication_reaches_them_all(
    api, as_user, alice, bob, olga, org_a_public, guide
):
    replicas = {"anonymous": Replica(api), "bob": Replica(as_user(bob)), "alice": Replica(as_user(alice))}
    for replica in replicas.values():
        replica.sync()
    author, admin = as_user(alice), as_user(olga)
    revise(author, guide, title="Border guide (example data)", body=DRAFT)
    assert author.post(f"/api/v1/documents/{guide.id}/submit/").data["revision_status"] == "in_review"
    for name, replica in replicas.items():
        replica.sync()
        held = replica.of_type("document")[str(guide.id)]
        assert (held["title"], held["body"]) == ("Hearing guide (example data)", PUBLISHED), name
        assert held["status"] == "published"

    published = admin.post(f"/api/v1/documents/{guide.id}/publish/")
    assert published.status_code == 200, published.content
    assert published.data["id"] == guide.id and published.data["revision"] is None
    for name, replica in replicas.items():
        replica.sync()
        held = replica.of_type("document")[str(guide.id)]
        assert (held["title"], held["body"]) == ("Border guide (example data)", DRAFT), name
    shown = detail(api, guide)
    assert shown.data["body"] == DRAFT and shown.data["latest_version"] == 2


def test_a_revision_does_not_widen_the_published_audience_before_it_is_published(
    api, as_user, alice, olga, make_document, org_a_public
):
    guide = make_document(title="Network guide (example data)", visibility="network")
    revise(as_user(alice), guide, visibility="public")
    assert detail(api, guide).status_code == 404
    as_user(alice).post(f"/api/v1/documents/{guide.id}/submit/")
    as_user(olga).post(f"/api/v1/documents/{guide.id}/publish/")
    assert detail(api, guide).status_code == 200


def test_the_revision_follows_the_workflow_and_keeps_its_rules(as_user, alice, bob, olga, guide):
    author, url = as_user(alice), f"/api/v1/documents/{guide.id}/"
    revise(author, guide, body=DRAFT)
    # Another organization's coordinator neither sees nor writes the revision.
    assert as_user(bob).patch(url, {"body": "Hijacked"}, format="json").status_code in (403, 404)
    # The language stays the published one; a translation is another document.
    refused = author.patch(url, {"language": "ru"}, format="json")
    assert refused.status_code == 400 and refused.data["errors"][0]["attr"] == "language"
    # Attachments and deletion act on what readers see: not the coordinators' during a revision.
    assert author.delete(url).status_code == 403
    assert author.post(url + "revise/").status_code == 400  # already a draft
    assert author.post(url + "submit/").status_code == 200
    assert author.patch(url, {"body": "Changed in review"}, format="json").status_code == 403
    assert author.post(url + "revise/").data["revision_status"] == "draft"
    # Writing the published text back over the revision is a change of the revision, not a no-op.
    assert author.patch(url, {"body": PUBLISHED}, format="json").data["revision"]["body"] == PUBLISHED
    assert detail(author, guide).data["revision"]["body"] == PUBLISHED


def test_archiving_during_a_revision_withdraws_the_guide_and_keeps_the_revision_text(
    api, as_user, alice, olga, org_a_public, guide
):
    revise(as_user(alice), guide, body=DRAFT)
    archived = as_user(olga).post(f"/api/v1/documents/{guide.id}/archive/")
    assert archived.status_code == 200 and archived.data["status"] == "archived"
    assert archived.data["body"] == DRAFT and archived.data["revision"] is None
    assert detail(api, guide).status_code == 404


@pytest.mark.parametrize(
    ("viewer", "sees_revision"),
    [("nobody", False), ("bob", False), ("anna", True), ("alice", True), ("olga", True)],
)
def test_who_sees_the_revision(client_of, as_user, alice, org_a_public, guide, viewer, sees_revision):
    revise(as_user(alice), guide, body=DRAFT)
    shown = detail(client_of(viewer), guide)
    assert shown.status_code == 200
    assert shown.data["body"] == PUBLISHED
    assert (shown.data["revision"] is not None) is sees_revision
    assert (listed(client_of(viewer), guide)["revision_status"] == "draft") is sees_revision
