"""The review workflow: coordinators write and submit drafts, admins publish and archive,
and what is not published stays inside the author organization."""

import pytest

from documents.models import Document, DocumentVersion
from tests.etags import version_in

GUIDE = {
    "title": "Hearing checklist (example data)",
    "summary": "What to bring to the asylum hearing.",
    "body": "## Papers\n\n- call-up order\n- passport",
    "language": "en",
    "topics": ["asylum"],
    "countries": ["DE"],
    "visibility": "public",
}


def create(client, org, **overrides):
    return client.post("/api/v1/documents/", {**GUIDE, "organization": org.id, **overrides}, format="json")


def test_a_coordinator_writes_a_draft_that_renders_its_markdown(as_user, alice, org_a):
    response = create(as_user(alice), org_a)
    assert response.status_code == 201, response.content
    assert response.data["status"] == "draft"
    assert response.data["body_html"].startswith("<h2>Papers</h2>")
    assert "<li>call-up order</li>" in response.data["body_html"]
    assert version_in(response["ETag"]) == 1


def test_a_member_cannot_write_and_a_coordinator_cannot_write_for_another_organization(
    as_user, anna, bob, org_a
):
    assert create(as_user(anna), org_a).status_code == 403
    refused = create(as_user(bob), org_a)
    assert refused.status_code == 400
    assert refused.data["errors"][0]["attr"] == "organization"
    assert not Document.objects.exists()


def test_status_is_only_changed_by_the_workflow(as_user, alice, org_a):
    client = as_user(alice)
    refused = create(client, org_a, status="published")
    assert refused.status_code == 400
    assert [error["attr"] for error in refused.data["errors"]] == ["status"]
    assert not Document.objects.exists()
    assert create(client, org_a).data["status"] == "draft"


def test_the_full_workflow_keeps_a_version_per_publication(as_user, alice, olga, anna, org_a):
    author, admin = as_user(alice), as_user(olga)
    doc = create(author, org_a).data
    url = f"/api/v1/documents/{doc['id']}/"

    assert author.post(url + "publish/").status_code == 403
    submitted = author.post(url + "submit/")
    assert submitted.status_code == 200 and submitted.data["status"] == "in_review"
    assert author.patch(url, {"title": "Changed in review"}, format="json").status_code == 403

    published = admin.post(url + "publish/")
    assert published.status_code == 200, published.content
    assert published.data["status"] == "published"
    assert published.data["published_at"]
    assert published.data["latest_version"] == 1

    again = admin.post(url + "publish/")
    assert again.status_code == 400
    assert again.data["errors"][0]["attr"] == "status"
    assert "published" in again.data["detail"]

    revised = author.post(url + "revise/").data
    assert (revised["status"], revised["revision_status"]) == ("published", "draft")  # readers keep v1
    assert (
        author.patch(url, {"body": "## Papers\n\n- call-up order\n- military ID"}, format="json").status_code
        == 200
    )
    author.post(url + "submit/")
    assert admin.post(url + "publish/").data["latest_version"] == 2
    assert admin.post(url + "archive/").data["status"] == "archived"
    assert as_user(anna).get(url).status_code == 200  # Alpha's member still sees the archived guide
    assert DocumentVersion.objects.filter(document_id=doc["id"]).count() == 2


@pytest.mark.parametrize("status", ["draft", "in_review", "archived"])
def test_unpublished_documents_are_seen_only_by_the_author_organization_and_admins(
    as_user, api, anna, bob, olga, make_document, public_org_a, status
):
    document = make_document(status=status)
    url = f"/api/v1/documents/{document.id}/"
    assert as_user(anna).get(url).status_code == 200
    assert as_user(olga).get(url).status_code == 200
    assert as_user(bob).get(url).status_code == 404
    assert api.get(url).status_code == 404
    assert as_user(bob).get("/api/v1/documents/").data["count"] == 0
    assert api.get("/api/v1/documents/").data["count"] == 0


def test_a_published_document_is_never_more_visible_than_its_organization(
    api, as_user, bob, make_document, org_a
):
    document = make_document(visibility="public")  # Alpha itself is network-only
    assert api.get(f"/api/v1/documents/{document.id}/").status_code == 404
    assert as_user(bob).get(f"/api/v1/documents/{document.id}/").status_code == 200
    org_a.visibility = "public"
    org_a.save()
    assert api.get(f"/api/v1/documents/{document.id}/").status_code == 200


def test_restricted_documents_stay_with_their_organization(as_user, anna, bob, make_document):
    document = make_document(visibility="restricted")
    assert as_user(anna).get(f"/api/v1/documents/{document.id}/").status_code == 200
    assert as_user(bob).get(f"/api/v1/documents/{document.id}/").status_code == 404


def test_writes_honour_if_match(as_user, alice, org_a):
    client = as_user(alice)
    doc = create(client, org_a)
    url = f"/api/v1/documents/{doc.data['id']}/"
    etag = doc["ETag"]
    assert client.patch(url, {"title": "First"}, format="json", HTTP_IF_MATCH=etag).status_code == 200
    stale = client.patch(url, {"title": "Second"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert stale.data["current"]["title"] == "First"
    stale_step = client.post(url + "submit/", HTTP_IF_MATCH=etag)
    assert stale_step.status_code == 412
    assert Document.objects.get(pk=doc.data["id"]).status == "draft"


def test_a_coordinator_deletes_drafts_but_not_published_documents(as_user, alice, make_document):
    client = as_user(alice)
    draft, published = make_document(status="draft"), make_document(status="published")
    assert client.delete(f"/api/v1/documents/{draft.id}/").status_code == 204
    refused = client.delete(f"/api/v1/documents/{published.id}/")
    assert refused.status_code == 403
    assert "revise" in refused.data["detail"]
    assert Document.objects.filter(pk=published.id).exists()


def test_an_admin_edit_of_a_published_document_becomes_a_new_version(as_user, olga, make_document):
    document = make_document(status="published")
    client = as_user(olga)
    response = client.patch(f"/api/v1/documents/{document.id}/", {"body": "Corrected."}, format="json")
    assert response.status_code == 200
    assert response.data["latest_version"] == 2
