"""The network office works on documents in the Django admin through the same workflow."""

from documents.models import Attachment, Document


def test_the_admin_lists_shows_and_publishes_documents(admin_client, make_document):
    client = admin_client
    document = make_document(status="in_review", body="# Heading\n\n<script>alert(1)</script>")
    assert client.get("/admin/documents/document/").status_code == 200
    page = client.get(f"/admin/documents/document/{document.id}/change/")
    assert page.status_code == 200
    assert b"<h1>Heading</h1>" in page.content  # the sanitized rendering
    assert b"<script>alert(1)</script>" not in page.content

    response = client.post(
        "/admin/documents/document/",
        {"action": "workflow_document_publish", "_selected_action": [document.id]},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == "published"
    assert document.versions.count() == 1


def test_an_admin_edit_of_a_published_document_is_a_new_version(admin_client, make_document, org_a):
    client = admin_client
    document = make_document(status="published", body="First.")
    response = client.post(
        f"/admin/documents/document/{document.id}/change/",
        {
            "organization": org_a.id,
            "title": document.title,
            "summary": "",
            "body": "Second.",
            "language": "en",
            "topics": "",
            "countries": ["DE"],
            "visibility": "public",
            "attachments-TOTAL_FORMS": 0,
            "attachments-INITIAL_FORMS": 0,
            "versions-TOTAL_FORMS": 1,
            "versions-INITIAL_FORMS": 1,
            "versions-0-id": document.versions.get().id,
            "versions-0-document": document.id,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert [v.body for v in Document.objects.get(pk=document.id).versions.order_by("number")] == [
        "First.",
        "Second.",
    ]


def test_attachments_show_no_public_link_in_the_admin(admin_client, make_document):
    client = admin_client
    document = make_document()
    attachment = Attachment.objects.create(
        document=document,
        file="attachments/abc.txt",
        name="n.txt",
        content_type="text/plain",
        size=1,
        sha256="0",
    )
    page = client.get(f"/admin/documents/attachment/{attachment.id}/change/")
    assert page.status_code == 200
    assert b"attachments/abc.txt" in page.content
    assert b'href="/media/' not in page.content
