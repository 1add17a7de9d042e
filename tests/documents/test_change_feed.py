"""Documents feed the change feed: the audit names who did what, and offline replicas built
from /sync/ agree with the document list for every viewer, however a document's audience moves."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.sync.replica import Replica, listed


def audit(client, **params):
    response = client.get("/api/v1/changes/", {"ordering": "seq", **params})
    assert response.status_code == 200, response.content
    return response.data["results"]


def test_the_workflow_is_audited_with_its_actors(as_user, alice, olga, org_a):
    author, admin = as_user(alice), as_user(olga)
    doc = author.post(
        "/api/v1/documents/",
        {"organization": org_a.id, "title": "Audit me (example data)", "language": "en", "body": "x"},
        format="json",
    ).data
    url = f"/api/v1/documents/{doc['id']}/"
    author.post(url + "submit/")
    admin.post(url + "publish/")
    author.post(
        url + "attachments/", {"file": SimpleUploadedFile("n.txt", b"notes")}, format="multipart"
    )  # refused: published; nothing recorded
    admin.post(url + "attachments/", {"file": SimpleUploadedFile("n.txt", b"notes")}, format="multipart")

    entries = audit(admin, object_type="document", object_id=str(doc["id"]))
    steps = [(e["action"], e["actor_username"], e["fields"].get("status")) for e in entries]
    assert steps[0] == ("create", "alice", [None, "draft"])
    assert ("update", "alice", ["draft", "in_review"]) in steps
    assert ("update", "olga", ["in_review", "published"]) in steps
    assert any(e["fields"].get("attachment_count") == [0, 1] for e in entries)
    assert all("body_html" not in e["fields"] and "search_vector" not in e["fields"] for e in entries)

    uploads = audit(admin, object_type="document_attachment")
    assert [(e["action"], e["actor_username"]) for e in uploads] == [("create", "olga")]
    assert uploads[0]["fields"]["sha256"][1]

    # Alice coordinates Alpha, so she reads her organization's entries too.
    assert [e["seq"] for e in audit(author, object_type="document")] == [e["seq"] for e in entries]


def test_replicas_follow_documents_through_every_change_of_audience(
    api, as_user, alice, anna, bob, olga, org_a
):
    author, admin = as_user(alice), as_user(olga)
    viewers = {"anonymous": api, "anna": as_user(anna), "bob": as_user(bob), "olga": admin}
    replicas = {name: Replica(client) for name, client in viewers.items()}

    def check():
        for name, replica in replicas.items():
            replica.sync()
            in_list = {k: v for k, v in listed(viewers[name]).items() if k[0] == "document"}
            assert replica.of_type("document") == {k[1]: v for k, v in in_list.items()}, name

    doc = author.post(
        "/api/v1/documents/",
        {"organization": org_a.id, "title": "Moving guide", "language": "en", "visibility": "public"},
        format="json",
    ).data
    url = f"/api/v1/documents/{doc['id']}/"
    check()
    assert str(doc["id"]) not in replicas["bob"].of_type("document")

    author.post(url + "submit/")
    admin.post(url + "publish/")
    check()
    assert str(doc["id"]) in replicas["bob"].of_type("document")
    assert str(doc["id"]) not in replicas["anonymous"].of_type("document")  # Alpha is network-only

    admin.patch(f"/api/v1/organizations/{org_a.id}/", {"visibility": "public"}, format="json")
    check()
    assert str(doc["id"]) in replicas["anonymous"].of_type("document")

    admin.patch(f"/api/v1/organizations/{org_a.id}/", {"visibility": "restricted"}, format="json")
    check()
    assert str(doc["id"]) not in replicas["bob"].of_type("document")
    assert str(doc["id"]) in replicas["anna"].of_type("document")

    admin.patch(f"/api/v1/organizations/{org_a.id}/", {"visibility": "public"}, format="json")
    admin.post(url + "attachments/", {"file": SimpleUploadedFile("n.txt", b"notes")}, format="multipart")
    check()
    assert replicas["anonymous"].of_type("document")[str(doc["id"])]["attachment_count"] == 1

    admin.post(url + "archive/")
    check()
    assert str(doc["id"]) not in replicas["anonymous"].of_type("document")
    assert str(doc["id"]) in replicas["anna"].of_type("document")

    admin.delete(url)
    check()
    assert all(not replica.of_type("document") for replica in replicas.values())
