"""Who may do what to a document, as one matrix: Alpha's draft, Alpha's guide in review and
Alpha's published guide (public, Alpha public) against every member of the cast, signed in by
`client_of` and compared by `rows` (tests/matrix.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import Document
from tests.matrix import rows

CAST = ["nobody", "anna", "alice", "bob", "olga"]

# (what, method, path on the document, payload) -> status per member of CAST
MATRIX = [
    (("read draft", "get", "draft", "", None), [404, 200, 200, 404, 200]),
    (("read in review", "get", "in_review", "", None), [404, 200, 200, 404, 200]),
    (("read published", "get", "published", "", None), [200, 200, 200, 200, 200]),
    (("edit draft", "patch", "draft", "", {"title": "New"}), [401, 403, 200, 404, 200]),
    (("edit in review", "patch", "in_review", "", {"title": "New"}), [401, 403, 403, 404, 200]),
    (("edit published", "patch", "published", "", {"title": "New"}), [401, 403, 403, 403, 200]),
    (("delete draft", "delete", "draft", "", None), [401, 403, 204, 404, 204]),
    (("delete published", "delete", "published", "", None), [401, 403, 403, 403, 204]),
    (("submit draft", "post", "draft", "submit/", None), [401, 403, 200, 404, 200]),
    (("publish in review", "post", "in_review", "publish/", None), [401, 403, 403, 404, 200]),
    (("archive published", "post", "published", "archive/", None), [401, 403, 403, 403, 200]),
    (("revise published", "post", "published", "revise/", None), [401, 403, 200, 403, 200]),
    (("return from review", "post", "in_review", "revise/", None), [401, 403, 200, 404, 200]),
    (("attach to draft", "post", "draft", "attachments/", "file"), [401, 403, 201, 404, 201]),
    (("attach to published", "post", "published", "attachments/", "file"), [401, 403, 403, 403, 201]),
    (("versions of published", "get", "published", "versions/", None), [200, 200, 200, 200, 200]),
    (("versions of draft", "get", "draft", "versions/", None), [404, 200, 200, 404, 200]),
    (("translations of draft", "get", "draft", "translations/", None), [404, 200, 200, 404, 200]),
]


@pytest.fixture
def documents(make_document, public_org_a):
    return {status: make_document(status=status) for status in ("draft", "in_review", "published")}


CASES = [(key, who, expected[i]) for key, expected in MATRIX for i, who in enumerate(CAST)]


@pytest.mark.parametrize("case, who, expected", CASES, ids=[f"{c[0]}-{w}" for c, w, _ in CASES])
def test_document_permission_matrix(client_of, documents, case, who, expected):
    _, method, state, suffix, payload = case
    document = documents[state]
    before = rows(Document.objects, "id", "status", "title", "version")
    url = f"/api/v1/documents/{document.id}/{suffix}"
    client = client_of(who)
    if payload == "file":
        response = client.post(url, {"file": SimpleUploadedFile("n.txt", b"notes")}, format="multipart")
    elif payload is not None:
        response = getattr(client, method)(url, payload, format="json")
    else:
        response = getattr(client, method)(url)
    assert response.status_code == expected, response.content
    if expected >= 400:
        after = rows(Document.objects, "id", "status", "title", "version")
        assert after == before, "a refused request changed nothing"
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == expected


def test_creating_documents(client_of, org_a, org_b):
    payload = {"organization": org_a.id, "title": "New (example data)", "language": "en"}
    expected = {"nobody": 401, "anna": 403, "alice": 201, "bob": 400, "olga": 201}
    for who, status in expected.items():
        assert client_of(who).post("/api/v1/documents/", payload, format="json").status_code == status, who
