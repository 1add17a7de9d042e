"""Validation messages speak the language the app asks for (Accept-Language), so a
coordinator filling a form in Russian reads why a value was refused in Russian.

alice coordinates A; every case posts a contact point with a bad phone number.
"""

import pytest

# ruff: noqa: RUF001 (the expected messages are in Russian and Ukrainian)


def post_bad_phone(client, org, **headers):
    body = {"organization": org.pk, "channel": "phone", "value": "12345", "languages": ["ru"]}
    return client.post("/api/v1/contact-points/", body, format="json", **headers)


def detail_of(response, attr: str) -> str:
    assert response.status_code == 400, response.data
    [detail] = [error["detail"] for error in response.json()["errors"] if error["attr"] == attr]
    return detail


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "Введите международный номер телефона, начинающийся с +, например +49 30 1234567."),
        ("uk", "Введіть міжнародний номер телефону, що починається з +, наприклад +49 30 1234567."),
        ("de", "Geben Sie eine internationale Telefonnummer mit + ein, z. B. +49 30 1234567."),
        ("en", "Enter an international phone number starting with +, e.g. +49 30 1234567."),
    ],
)
def test_a_refused_value_is_explained_in_the_language_asked_for(as_user, alice, org_a, language, expected):
    response = post_bad_phone(as_user(alice), org_a, HTTP_ACCEPT_LANGUAGE=language)
    assert detail_of(response, "value") == expected


def test_without_a_language_the_messages_are_english(as_user, alice, org_a):
    response = post_bad_phone(as_user(alice), org_a)
    assert detail_of(response, "value").startswith("Enter an international phone number")


def test_a_language_the_app_does_not_speak_falls_back_to_english(as_user, alice, org_a):
    response = post_bad_phone(as_user(alice), org_a, HTTP_ACCEPT_LANGUAGE="fr")
    assert detail_of(response, "value").startswith("Enter an international phone number")


def test_the_frameworks_own_messages_follow_the_language_too(as_user, alice, org_a):
    response = as_user(alice).post(
        "/api/v1/contact-points/",
        {"organization": org_a.pk, "channel": "phone", "languages": ["ru"]},
        format="json",
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert detail_of(response, "value") == "Обязательное поле."
