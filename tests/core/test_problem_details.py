"""Errors as a third-party client meets them: RFC 9457 problem details, exactly as documented.

Every error is `application/problem+json`, whatever the client accepts; its `type` is a URI
whose page documents it; every `attr` an answer carries is one the operation's 400 lists,
with that code; the schema describes all errors with a few shared components; messages
follow `Accept-Language`; and every address under `/api/` answers JSON, DEBUG or not.
"""

# ruff: noqa: RUF001 (the messages are written in Russian and Ukrainian)

import re
from pathlib import Path

import pytest
import yaml
from rest_framework.test import APIClient

from core.errors import PROBLEM_KINDS, problem_type
from tests.core.contract import COMMITTED

PROBLEM_JSON = "application/problem+json"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "problems.md"
ERROR_COMPONENTS = {"Problem", "ValidationProblem", "PreconditionFailedProblem", "ProblemError"}


@pytest.fixture(scope="module")
def contract():
    return yaml.load(COMMITTED.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def documented_attrs(contract, path: str, method: str) -> dict[re.Pattern, set[str]]:
    """The `attr` paths (as patterns) and codes an operation's 400 lists, null as `None`'s pattern."""
    description = contract["paths"][path][method]["responses"]["400"]["description"]
    found = {}
    for line in description.splitlines():
        entry = re.match(r"- `([^`]+)`( or null)?[^:]*: (.*)$", line)
        if entry:
            pattern = (
                re.escape(entry[1])
                .replace(re.escape("<index>"), r"\d+")
                .replace(re.escape("<key>"), r"[^.]+")
            )
            codes = set(re.findall(r"`([^`]+)`", entry[3]))
            found[re.compile(pattern)] = codes
            if entry[2]:
                found[re.compile("None")] = codes
    return found


def assert_documented(contract, path: str, method: str, response) -> list[str]:
    """Every error of a 400 names an `attr` and a `code` that the operation's 400 documents."""
    assert response.status_code == 400, response.content
    documented = documented_attrs(contract, path, method)
    for error in response.json()["errors"]:
        codes = [codes for pattern, codes in documented.items() if pattern.fullmatch(str(error["attr"]))]
        assert codes, f"{error['attr']} is not documented for {method.upper()} {path}"
        assert error["code"] in set().union(*codes), error
    return [error["attr"] for error in response.json()["errors"]]


def assert_problem(response, slug: str):
    assert response["Content-Type"] == PROBLEM_JSON
    body = response.json()
    assert body["type"] == problem_type(slug)
    assert body["status"] == response.status_code == PROBLEM_KINDS[slug].status
    assert body["title"] and body["detail"]
    assert body["instance"] == response.wsgi_request.path
    return body


@pytest.mark.parametrize("accept", [None, "application/json", "application/problem+json", "*/*"])
def test_errors_are_problem_json_whatever_the_client_accepts(client_of, alice, olga, accept):
    headers = {"HTTP_ACCEPT": accept} if accept else {}
    olga_client, alice_client = client_of("olga"), client_of("alice")
    assert_problem(
        olga_client.post("/api/v1/organizations/", {}, format="json", **headers), "validation-error"
    )
    assert_problem(
        alice_client.post("/api/v1/organizations/", {}, format="json", **headers), "permission-denied"
    )
    assert_problem(alice_client.get("/api/v1/organizations/0/", **headers), "not-found")
    assert_problem(alice_client.delete("/api/v1/organizations/", **headers), "method-not-allowed")
    assert_problem(client_of("nobody").get("/api/v1/me/", **headers), "not-authenticated")


def test_a_body_that_is_not_json_is_a_malformed_request(client_of, olga):
    response = client_of("olga").generic("POST", "/api/v1/organizations/", "{not json", "application/json")
    assert assert_problem(response, "malformed-request")["errors"][0]["code"] == "parse_error"


def test_each_problem_type_leads_to_its_documentation(api, db, contract):
    page = api.get("/api/problems/").content.decode()
    type_help = contract["components"]["schemas"]["Problem"]["properties"]["type"]["description"]
    listed = DOCS.read_text()
    for slug in PROBLEM_KINDS:
        uri = problem_type(slug)
        assert f'id="{slug}"' in page
        own = api.get(uri)
        assert own.status_code == 200 and f'id="{slug}"' in own.content.decode()
        assert f"`{uri}`" in type_help
        assert f"| `{uri}` | {PROBLEM_KINDS[slug].status} |" in listed
    assert api.get("/api/problems/no-such-kind").status_code == 404


def test_a_list_item_is_named_by_its_index(client_of, olga, contract):
    response = client_of("olga").post(
        "/api/v1/organizations/", {"name": "N", "slug": "n", "languages": ["ru", "xx"]}, format="json"
    )
    assert "languages.1" in assert_documented(contract, "/api/v1/organizations/", "post", response)


def test_a_field_of_a_list_item_is_named_by_its_path(client_of, olga, contract):
    sources = [{"title": "Law", "url": "https://example.org/law"}, {"url": "http://example.org/"}]
    response = client_of("olga").post("/api/v1/countries/", {"code": "GE", "sources": sources}, format="json")
    attrs = assert_documented(contract, "/api/v1/countries/", "post", response)
    assert {"sources.1.title", "sources.1.url"} <= set(attrs)


@pytest.mark.parametrize(
    "path, param, user",
    [
        ("/api/v1/organizations/", "verified", "nobody"),
        ("/api/v1/organizations/", "q", "nobody"),
        ("/api/v1/contact-points/", "stale", "nobody"),
        ("/api/v1/countries/", "stale", "nobody"),
        ("/api/v1/events/", "is_online", "nobody"),
        ("/api/v1/inbox/", "unread", "alice"),
        ("/api/v1/users/", "is_active", "olga"),
    ],
)
def test_a_refused_filter_is_a_documented_400(client_of, alice, olga, contract, path, param, user):
    value = "x" * 1000 if param == "q" else "maybe"
    response = client_of(user).get(path, {param: value})
    assert assert_documented(contract, path, "get", response) == [param]
    assert_problem(response, "validation-error")


def test_every_operation_with_inputs_documents_its_400(contract):
    for path, operations in contract["paths"].items():
        for method, operation in operations.items():
            takes_input = "requestBody" in operation or any(
                p["in"] == "query" and p["name"] not in ("page", "page_size", "ordering")
                for p in operation.get("parameters", [])
            )
            if takes_input:
                assert "400" in operation["responses"], f"{method.upper()} {path}"


def test_errors_are_described_by_a_few_shared_components(contract):
    schemas = contract["components"]["schemas"]
    errorish = {name for name in schemas if re.search("error|problem", name, re.IGNORECASE)}
    assert errorish == ERROR_COMPONENTS
    assert schemas["ProblemError"]["properties"]["code"] == {
        "type": "string",
        "description": schemas["ProblemError"]["properties"]["code"]["description"],
    }
    for path, operations in contract["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status[0] in "45":
                    [(media, content)] = response["content"].items()
                    assert media == PROBLEM_JSON, f"{method.upper()} {path} {status}"
                    assert content["schema"]["$ref"].rsplit("/", 1)[1] in ERROR_COMPONENTS
                    assert response["description"], f"{method.upper()} {path} {status}"


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("path", ["/api/v1/nope/", "/api/v1/campaigns/0.5/", "/api/nope", "/api/v2/"])
def test_an_unknown_api_address_is_a_problem_404_with_debug_on_or_off(api, db, settings, debug, path):
    settings.DEBUG = debug
    response = api.get(path, HTTP_ACCEPT="text/html")
    assert response.status_code == 404
    assert assert_problem(response, "not-found")["errors"][0]["code"] == "not_found"


def test_a_crash_under_the_api_is_a_problem_500(api, db, settings, monkeypatch):
    """A fault outside any view's exception handler (a middleware's) still answers problem details."""
    settings.DEBUG = True

    def crash(self, request):
        raise RuntimeError("boom")

    monkeypatch.setattr("core.middleware.NoStoreForAuthenticatedMiddleware.__call__", crash)
    api.raise_request_exception = False
    response = api.get("/api/v1/organizations/")
    assert response.status_code == 500
    assert_problem(response, "server-error")
    assert "boom" not in response.content.decode()


@pytest.mark.parametrize(
    "language, title, required",
    [
        ("ru", "В запросе есть недопустимые поля.", "Обязательное поле."),
        ("uk", "У запиті є неприпустимі поля.", "Це поле обов'язкове."),
        ("de", "Ihre Anfrage enthält ungültige Felder.", "Dieses Feld ist zwingend erforderlich."),
        ("en", "Your request has invalid fields.", "This field is required."),
    ],
)
def test_messages_follow_accept_language(client_of, olga, language, title, required):
    """DRF's own messages come from its catalogue, the titles from the project's."""
    response = client_of("olga").post(
        "/api/v1/organizations/", {"name": "N"}, format="json", HTTP_ACCEPT_LANGUAGE=language
    )
    body = response.json()
    assert body["title"] == title
    assert required in {error["detail"] for error in body["errors"]}
    assert response["Content-Language"] == language


def test_a_project_message_and_drf_s_not_found_come_in_russian(client_of, alice):
    ru = {"HTTP_ACCEPT_LANGUAGE": "ru"}
    refused = client_of("nobody").get("/api/v1/organizations/", {"verified": "maybe"}, **ru).json()
    assert refused["errors"][0]["detail"] == "Введите true или false."
    missing = client_of("alice").get("/api/v1/organizations/0/", **ru).json()
    assert (missing["title"], missing["detail"]) == ("Здесь ничего нет.", "Страница не найдена.")
    wrong_method = client_of("alice").delete("/api/v1/organizations/", **ru).json()
    assert wrong_method["detail"] == 'Метод "DELETE" не разрешен.'


def test_a_throttled_sign_in_is_told_in_russian_when_to_retry(anna):
    """DRF's catalogue leaves the wait untranslated in Russian; the project's fills it."""
    client = APIClient(HTTP_ACCEPT_LANGUAGE="ru")
    for _ in range(5):
        client.post("/api/v1/auth/token/", {"username": "anna", "password": "wrong"}, format="json")
    response = client.post("/api/v1/auth/token/", {"username": "anna", "password": "wrong"}, format="json")
    body = assert_problem(response, "throttled")
    assert body["title"] == "Слишком много запросов."
    assert re.fullmatch(r"Запрос был проигнорирован\. Повторите через \d+ с\.", body["detail"]), body[
        "detail"
    ]
