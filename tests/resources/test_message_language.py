"""A coordinator who works in Russian, Ukrainian or German reads why a resource or a response
was refused in that language (the app sends its UI language as Accept-Language).

alice coordinates A, bob coordinates B; A offers shelter beds.
"""

import pytest

from tests.factories import ResourceFactory, ResponseFactory

pytestmark = pytest.mark.django_db

# ruff: noqa: RUF001 (the expected messages are in Russian and Ukrainian)


def detail_of(response, attr: str) -> str:
    assert response.status_code in (400, 409), response.content
    [detail] = [error["detail"] for error in response.json()["errors"] if error["attr"] == attr]
    return detail


def post_without_capacity(client, org, **headers):
    body = {"kind": "offer", "category": "accommodation", "organization": org.pk, "title": "Beds (example)"}
    return client.post("/api/v1/resources/", body, format="json", **headers)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "Укажите, что и сколько предлагается или нужно (например, «2 места на месяц»)."),
        ("uk", "Вкажіть, що і скільки пропонується або потрібно (наприклад, «2 місця на місяць»)."),
        (
            "de",
            "Sagen Sie, was und wie viel angeboten oder gebraucht wird (z. B. „2 Betten für einen Monat“).",
        ),
        ("en", "Say what and how much is offered or needed (e.g. “2 beds for a month”)."),
    ],
)
def test_a_resource_without_capacity_is_explained_in_the_language_asked_for(
    as_user, alice, org_a, language, expected
):
    response = post_without_capacity(as_user(alice), org_a, HTTP_ACCEPT_LANGUAGE=language)
    assert detail_of(response, "capacity") == expected


def test_funding_without_an_amount_is_explained_in_russian(as_user, alice, org_a):
    body = {"kind": "request", "category": "funding", "organization": org_a.pk, "title": "Court fees"}
    response = as_user(alice).post("/api/v1/resources/", body, format="json", HTTP_ACCEPT_LANGUAGE="ru")
    assert detail_of(response, "amount") == "Для финансирования нужна сумма."


def test_a_second_response_of_one_organization_is_refused_in_german(as_user, bob, org_a, org_b):
    offer = ResourceFactory(organization=org_a, title="Shelter beds in Berlin (example data)")
    client = as_user(bob)
    body = {"resource": offer.pk, "organization": org_b.pk, "message": "We need two beds."}
    assert client.post("/api/v1/responses/", body, format="json").status_code == 201
    again = client.post("/api/v1/responses/", body, format="json", HTTP_ACCEPT_LANGUAGE="de")
    assert detail_of(again, "organization") == "Diese Organisation hat auf diesen Eintrag schon geantwortet."


# Messages that name a status say it as a word of the language asked for, never as its code.


def test_a_move_the_workflow_does_not_allow_names_the_statuses_in_russian(as_user, alice, org_a):
    offer = ResourceFactory(organization=org_a, status="in_progress")
    response = as_user(alice).patch(
        f"/api/v1/resources/{offer.pk}/", {"status": "open"}, format="json", HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert detail_of(response, "status") == (
        "Ресурс со статусом «В работе» не может перейти в статус «Открыт»; возможно: Выполнен, Отозван."
    )


def test_a_response_to_a_resource_in_progress_is_refused_in_russian(as_user, bob, org_a, org_b):
    offer = ResourceFactory(organization=org_a, status="in_progress")
    body = {"resource": offer.pk, "organization": org_b.pk, "message": "We need two beds."}
    response = as_user(bob).post("/api/v1/responses/", body, format="json", HTTP_ACCEPT_LANGUAGE="ru")
    assert (
        detail_of(response, "resource")
        == "Откликнуться можно только на открытый ресурс; статус этого — «В работе»."
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "Решить можно только отклик, ждущий решения; статус этого — «Отклонён»."),
        ("uk", "Вирішити можна лише відгук, що чекає рішення; статус цього — «Відхилений»."),
        (
            "de",
            "Nur über eine Antwort, die auf Entscheidung wartet, kann entschieden werden; "
            "diese ist „Abgelehnt“.",
        ),
        ("en", "Only a pending response can be decided; this one is “Declined”."),
    ],
)
def test_a_decided_response_cannot_be_decided_again_in_the_language_asked_for(
    as_user, alice, org_a, org_b, language, expected
):
    offer = ResourceFactory(organization=org_a)
    made = ResponseFactory(resource=offer, organization=org_b, status="declined")
    response = as_user(alice).post(
        f"/api/v1/responses/{made.pk}/accept/", {}, format="json", HTTP_ACCEPT_LANGUAGE=language
    )
    assert detail_of(response, "status") == expected
