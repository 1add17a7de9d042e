"""The editor's preview: the very renderer and sanitizer of `body_html`, for those who write.

alice (coordinator of A) and olga (the office) preview; anna (a member) and oscar (no
membership) write no documents, so they get no preview; anonymous callers must sign in.
"""

import pytest

from documents.serializers import MAX_BODY_LENGTH

from .test_markdown_safety import PAYLOADS, active_content

PREVIEW = "/api/v1/documents/preview/"


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_the_preview_is_exactly_what_the_saved_document_shows(client_of, org_a, payload):
    alice = client_of("alice")
    preview = alice.post(PREVIEW, {"body": payload}, format="json")
    saved = alice.post(
        "/api/v1/documents/",
        {"organization": org_a.id, "title": "Payload (example data)", "language": "en", "body": payload},
        format="json",
    )
    assert preview.status_code == 200, preview.content
    assert preview.json()["html"] == saved.json()["body_html"]
    assert active_content(preview.json()["html"]) == []


def test_a_script_and_a_javascript_link_do_not_survive(client_of):
    body = "# Hello\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1)) **kept**"
    html = client_of("alice").post(PREVIEW, {"body": body}, format="json").json()["html"]
    assert "<h1>Hello</h1>" in html and "<strong>kept</strong>" in html
    assert "<script" not in html.lower() and "&lt;script&gt;" in html  # shown as text, never run
    assert "href" not in html  # the javascript: link is not a link
    assert active_content(html) == []


def test_the_preview_writes_nothing(client_of, org_a):
    from documents.models import Document

    client_of("alice").post(PREVIEW, {"body": "draft"}, format="json")
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("person", "status"),
    [("nobody", 401), ("oscar", 403), ("anna", 403), ("alice", 200), ("bob", 200), ("olga", 200)],
)
def test_only_those_who_write_documents_may_preview(client_of, person, status):
    assert client_of(person).post(PREVIEW, {"body": "*hi*"}, format="json").status_code == status


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "body"),
        ({"body": None}, "body"),
        ({"body": ["a list"]}, "body"),
        ({"body": "x" * (MAX_BODY_LENGTH + 1)}, "body"),
    ],
)
def test_bad_input_is_a_400_problem_on_its_field(client_of, body, field):
    response = client_of("alice").post(PREVIEW, body, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == field


def test_a_body_too_large_for_any_request_is_413(client_of):
    response = client_of("alice").post(PREVIEW, {"body": "x" * 3_000_000}, format="json")
    assert response.status_code == 413


def test_an_empty_body_previews_as_nothing(client_of):
    response = client_of("alice").post(PREVIEW, {"body": ""}, format="json")
    assert response.status_code == 200 and response.json() == {"html": ""}
