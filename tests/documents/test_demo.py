"""The demo guides load through the demo command, show every feature, and reload without changes."""

from django.core.management import call_command

from changes.models import Change
from documents.demo import group
from documents.models import Attachment, Document


def test_the_demo_has_guides_in_four_languages_marked_as_example_data(demo):
    documents = Document.objects.all()
    assert {d.language for d in documents} == {"ru", "en", "de", "uk"}
    assert all(d.is_example and "(example data)" in d.title and "example data" in d.body for d in documents)
    assert Document.objects.filter(status="in_review").exists()


def test_the_german_asylum_guide_is_one_group_in_three_languages_with_history(api, demo):
    germany = Document.objects.filter(translation_group=group("asylum-germany"))
    assert sorted(d.language for d in germany) == ["de", "en", "ru"]
    english = germany.get(language="en")
    response = api.get(f"/api/v1/documents/{english.id}/translation/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.data["language"] == "de"
    diff = api.get(f"/api/v1/documents/{english.id}/diff/", {"from_version": 1, "to_version": 2}).data["diff"]
    assert "+## After the decision" in diff


def test_the_demo_attachments_are_downloadable(api, demo):
    pdf = Attachment.objects.get(
        document__translation_group=group("asylum-france-call-up"), document__language="en"
    )
    response = api.get(f"/api/v1/documents/{pdf.document_id}/attachments/{pdf.id}/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert Attachment.objects.filter(content_type="text/plain").exists()


def test_anonymous_readers_see_only_the_public_published_demo_guides(api, demo):
    listed = api.get("/api/v1/documents/", {"page_size": 100}).data["results"]
    assert listed
    assert all(d["status"] == "published" and d["visibility"] == "public" for d in listed)
    assert not any(d["countries"] == ["LT"] for d in listed)  # the Lithuania guide is network-only


def test_loading_twice_changes_nothing(demo):
    before = (Change.objects.count(), list(Document.objects.values_list("id", "version")))
    call_command("load_demo", verbosity=0)
    assert (Change.objects.count(), list(Document.objects.values_list("id", "version"))) == before
