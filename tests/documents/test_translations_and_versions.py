"""Translations share a group and find each other; published versions stay readable and comparable."""

import pytest

GUIDE = {
    "title": "Asylum in Germany (example data)",
    "language": "en",
    "body": "One.",
    "visibility": "public",
}


@pytest.fixture
def group(as_user, alice, olga, org_a):
    """The asylum guide for Germany in en, ru and de, all published; plus an unpublished uk draft."""
    author, admin = as_user(alice), as_user(olga)
    english = author.post("/api/v1/documents/", {**GUIDE, "organization": org_a.id}, format="json").data
    docs = {"en": english}
    for language, title in (("ru", "Убежище в Германии"), ("de", "Asyl in Deutschland")):
        created = author.post(
            "/api/v1/documents/",
            {
                **GUIDE,
                "organization": org_a.id,
                "title": title,
                "language": language,
                "translation_of": english["id"],
            },
            format="json",
        )
        assert created.status_code == 201, created.content
        docs[language] = created.data
    for doc in docs.values():
        author.post(f"/api/v1/documents/{doc['id']}/submit/")
        admin.post(f"/api/v1/documents/{doc['id']}/publish/")
    docs["uk"] = author.post(
        "/api/v1/documents/",
        {
            **GUIDE,
            "organization": org_a.id,
            "title": "Притулок",
            "language": "uk",
            "translation_of": english["id"],
        },
        format="json",
    ).data
    return docs


def test_translations_share_one_group_and_list_each_other(as_user, bob, group):
    assert len({doc["translation_group"] for doc in group.values()}) == 1
    client = as_user(bob)  # another organization: sees the published ones only
    detail = client.get(f"/api/v1/documents/{group['en']['id']}/").data
    assert [t["language"] for t in detail["translations"]] == ["de", "ru"]
    listed = client.get(f"/api/v1/documents/{group['ru']['id']}/translations/").data
    assert [d["language"] for d in listed["results"]] == ["de", "en", "ru"]


def test_the_author_organization_also_sees_its_draft_translation(as_user, anna, group):
    listed = as_user(anna).get(f"/api/v1/documents/{group['en']['id']}/translations/").data
    assert [d["language"] for d in listed["results"]] == ["de", "en", "ru", "uk"]


def test_language_picks_one_translation(as_user, bob, group):
    response = as_user(bob).get(f"/api/v1/documents/{group['en']['id']}/translation/", {"language": "de"})
    assert response.status_code == 200
    assert response.data["id"] == group["de"]["id"]
    assert response["Content-Language"] == "de"
    assert "Accept-Language" in response["Vary"]


def test_accept_language_is_the_fallback(as_user, bob, group):
    client = as_user(bob)
    url = f"/api/v1/documents/{group['en']['id']}/translation/"
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9,en;q=0.5").data["id"] == group["ru"]["id"]
    # uk is a draft bob cannot see: the next preference wins.
    assert (
        client.get(url, {"language": "uk"}, HTTP_ACCEPT_LANGUAGE="de;q=0.8").data["id"] == group["de"]["id"]
    )
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="fr").data["id"] == group["en"]["id"]
    assert client.get(url, {"language": "xx"}).status_code == 400


def test_a_translation_of_an_invisible_document_is_refused(as_user, alice, bob, org_b, group):
    response = as_user(bob).post(
        "/api/v1/documents/",
        {**GUIDE, "organization": org_b.id, "language": "fr", "translation_of": group["uk"]["id"]},
        format="json",
    )
    assert response.status_code == 400
    assert response.data["errors"][0]["attr"] == "translation_of"


def test_a_second_translation_in_the_same_language_is_refused(as_user, alice, org_a, group):
    response = as_user(alice).post(
        "/api/v1/documents/",
        {**GUIDE, "organization": org_a.id, "language": "de", "translation_of": group["en"]["id"]},
        format="json",
    )
    assert response.status_code == 400
    assert response.data["errors"][0]["attr"] == "language"


def test_versions_are_listed_retrievable_and_compared(api, as_user, alice, olga, public_org_a):
    author, admin = as_user(alice), as_user(olga)
    doc = author.post(
        "/api/v1/documents/",
        {**GUIDE, "organization": public_org_a.id, "body": "Bring your passport.\nBring the call-up order."},
        format="json",
    ).data
    url = f"/api/v1/documents/{doc['id']}/"
    author.post(url + "submit/")
    admin.post(url + "publish/")
    admin.patch(
        url, {"body": "Bring your passport.\nBring the call-up order and its envelope."}, format="json"
    )

    versions = api.get(url + "versions/").data
    assert [v["number"] for v in versions["results"]] == [2, 1]
    first = api.get(url + "versions/1/").data
    assert first["body"] == "Bring your passport.\nBring the call-up order."
    assert first["body_html"] == "<p>Bring your passport.\nBring the call-up order.</p>\n"
    assert api.get(url + "versions/3/").status_code == 404

    diff = api.get(url + "diff/", {"from_version": 1, "to_version": 2}).data
    assert diff["diff"].startswith("--- version 1\n+++ version 2\n")
    assert "-Bring the call-up order.\n+Bring the call-up order and its envelope." in diff["diff"]
    assert api.get(url + "diff/", {"from_version": 1}).data["to_version"] == 2
    missing = api.get(url + "diff/", {"from_version": 1, "to_version": 7})
    assert missing.status_code == 400 and missing.data["errors"][0]["attr"] == "to_version"
    assert api.get(url + "diff/", {"from_version": "x"}).status_code == 400


def test_versions_of_a_document_one_may_not_see_are_404(api, as_user, alice, make_document):
    draft = make_document(status="draft")
    assert api.get(f"/api/v1/documents/{draft.id}/versions/").status_code == 404
    assert api.get(f"/api/v1/documents/{draft.id}/diff/", {"from_version": 1}).status_code == 404
