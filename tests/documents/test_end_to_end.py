"""The knowledge feature as people use it, on the demo network.

Mila (a member of the network office) searches "call-up evidence France" in Russian and in
English, finds the France guide in her language, reads it and downloads its checklist.
An anonymous reader finds only public guides. Whatever a coordinator writes, and whatever
anyone types into search, nobody gets active HTML or a server error.
"""

import pytest

from documents.models import Document
from tests.conftest import demo_client
from tests.search.test_search import INJECTIONS

from .test_markdown_safety import PAYLOADS, active_content


@pytest.fixture
def mila(demo):
    return demo_client("mila")


@pytest.mark.parametrize(
    "query, language",
    [("call-up evidence France", "en"), ("доказательства призыва Франция", "ru")],
)
def test_a_member_finds_reads_and_downloads_the_guide_in_her_language(mila, query, language):
    found = mila.get("/api/v1/search/", {"q": query}, HTTP_ACCEPT_LANGUAGE=language)
    assert found.status_code == 200
    hit = found.data["results"][0]
    assert hit["type"] == "document"
    assert hit["languages"] == [language]
    assert hit["countries"] == ["FR"]

    guide = mila.get(hit["url"])
    assert guide.status_code == 200
    assert guide.data["language"] == language
    assert "OFPRA" in guide.data["body_html"]
    assert active_content(guide.data["body_html"]) == []

    attachment = guide.data["attachments"][0]
    download = mila.get(attachment["download_url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")

    other = "ru" if language == "en" else "en"
    translated = mila.get(f"{hit['url']}translation/", {"language": other})
    assert translated.data["language"] == other


@pytest.mark.parametrize("query", ["asylum", "убежище", "Asyl", "call-up", "Литва", "objection"])
def test_an_anonymous_reader_finds_only_public_guides(api, mila, query):
    anonymous = api.get("/api/v1/search/", {"q": query, "type": "document", "page_size": 100}).data
    for hit in anonymous["results"]:
        document = Document.objects.select_related("organization").get(pk=hit["id"])
        assert document.status == "published"
        assert document.visibility == "public" and document.organization.visibility == "public"
    member = mila.get("/api/v1/search/", {"q": query, "type": "document", "page_size": 100}).data
    assert anonymous["counts"]["document"] <= member["counts"]["document"]
    assert {h["id"] for h in anonymous["results"]} <= {h["id"] for h in member["results"]}


def test_the_network_only_lithuania_guide_is_for_members(api, mila):
    assert api.get("/api/v1/search/", {"q": "state security", "type": "document"}).data["count"] == 0
    assert mila.get("/api/v1/search/", {"q": "state security", "type": "document"}).data["count"] == 1


def test_no_payload_produces_active_html_or_a_server_error(api, mila, demo):
    alice = demo_client("alice")
    olga = demo_client("olga")
    office = alice.get("/api/v1/me/").data["memberships"][0]["organization"]
    organization = office["id"] if isinstance(office, dict) else office
    for name, payload in PAYLOADS.items():
        created = alice.post(
            "/api/v1/documents/",
            {
                "organization": organization,
                "title": f"Payload {name} <script>alert(1)</script>",
                "summary": payload,
                "body": f"payloadmarker {payload}",
                "language": "en",
                "visibility": "public",
            },
            format="json",
        )
        assert created.status_code == 201, (name, created.content)
        assert alice.post(f"/api/v1/documents/{created.data['id']}/submit/").status_code == 200
        assert olga.post(f"/api/v1/documents/{created.data['id']}/publish/").status_code == 200

    results = api.get("/api/v1/search/", {"q": "payloadmarker", "page_size": 100}).data
    assert results["count"] == len(PAYLOADS)
    for hit in results["results"]:
        assert active_content(hit["snippet"]) == []
        assert set(hit["snippet"].replace("<mark>", "").replace("</mark>", "")).isdisjoint("<>")
        document = api.get(hit["url"]).data
        assert active_content(document["body_html"]) == []

    for query in INJECTIONS:
        for client in (api, mila):
            assert client.get("/api/v1/search/", {"q": query}).status_code == 200, query
            assert client.get("/api/v1/documents/", {"q": query}).status_code == 200, query
    assert api.get("/api/v1/search/", {"q": "x" * 5000}).status_code == 400
