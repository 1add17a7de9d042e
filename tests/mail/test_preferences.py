"""/me/notifications/: each person's e-mail switches and language, theirs alone."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/me/notifications/"
DEFAULTS = {"language": "en", "stale_digest": True, "responses": True, "messages": True}


def test_everyone_starts_with_every_email_on_in_english(client_of, anna):
    assert client_of("anna").get(URL).data == DEFAULTS


def test_switches_and_language_are_saved_for_the_person_alone(client_of, anna, alice):
    answer = client_of("anna").patch(URL, {"responses": False, "language": "uk"}, format="json")
    assert answer.status_code == 200, answer.content
    assert client_of("anna").get(URL).data == {**DEFAULTS, "responses": False, "language": "uk"}
    assert client_of("alice").get(URL).data == DEFAULTS
    whole = client_of("anna").put(
        URL, {"language": "de", "stale_digest": False, "responses": True, "messages": False}, format="json"
    )
    assert whole.data == {"language": "de", "stale_digest": False, "responses": True, "messages": False}


def test_anonymous_callers_have_no_preferences(api):
    assert api.get(URL).status_code == 401
    assert api.patch(URL, {"messages": False}, format="json").status_code == 401


@pytest.mark.parametrize(
    ("body", "attr"),
    [
        ({"language": "fr"}, "language"),
        ({"messages": "sometimes"}, "messages"),
        ({"invitations": False}, "invitations"),  # invitations cannot be switched off
    ],
)
def test_a_bad_value_or_an_unknown_key_is_refused_on_its_field(client_of, anna, body, attr):
    answer = client_of("anna").patch(URL, body, format="json")
    assert answer.status_code == 400
    assert [e["attr"] for e in answer.json()["errors"]] == [attr]
    assert client_of("anna").get(URL).data == DEFAULTS


def test_a_read_is_tagged_and_a_stale_write_refused(client_of, anna):
    client = client_of("anna")
    read = client.get(URL)
    assert client.get(URL, HTTP_IF_NONE_MATCH=read["ETag"]).status_code == 304
    changed = client.patch(URL, {"messages": False}, format="json", HTTP_IF_MATCH=read["ETag"])
    assert changed.status_code == 200
    stale = client.patch(URL, {"responses": False}, format="json", HTTP_IF_MATCH=read["ETag"])
    assert stale.status_code == 412
    assert client.get(URL).data == {**DEFAULTS, "messages": False}
