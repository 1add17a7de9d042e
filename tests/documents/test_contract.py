"""The document and search operations keep the published contract with real documents present.

The project-wide property test calls every operation against organizations and contact
points; here the same checks run against a network that also holds documents in every
status, translations, published versions and attachments, so detail, workflow, version,
diff and download operations reach real objects instead of 404s.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given, settings
from hypothesis import strategies as st

# `network` is the project-wide fixture: organizations, contact points, countries and who calls.
from tests.core.contract import anonymous_allowed
from tests.core.test_schemathesis import (
    CHECKS,
    HYPOTHESIS,
    OPERATIONS,
    SCHEMA,
    _collection_param,
    existing_values,
)
from tests.core.test_schemathesis import network as network

KNOWLEDGE = [op for op in OPERATIONS if op.path.startswith(("/api/v1/documents/", "/api/v1/search/"))]


@pytest.fixture
def library(network, make_document, as_user, alice, olga, org_a):
    """Documents of Alpha in every status, a translation, two published versions and an attachment."""
    published = make_document(status="published", body="First.", countries=["DE"])
    make_document(status="published", language="de", translation_group=published.translation_group)
    make_document(status="draft")
    make_document(status="in_review")
    make_document(status="archived")
    admin = as_user(olga)
    admin.patch(f"/api/v1/documents/{published.id}/", {"body": "Second."}, format="json")
    admin.post(
        f"/api/v1/documents/{published.id}/attachments/",
        {"file": SimpleUploadedFile("notes.txt", b"notes (example data)")},
        format="multipart",
    )
    return network


@pytest.mark.parametrize("role", ["anonymous", "coordinator", "admin"])
@pytest.mark.parametrize("operation", KNOWLEDGE, ids=lambda operation: operation.verbose_name)
def test_the_operation_answers_as_documented_with_documents_present(operation, role, library):
    key = _collection_param(operation)
    existing = existing_values(*key, library["admin"]) if key else []
    turned_away = role == "anonymous" and not anonymous_allowed(SCHEMA.raw_schema, operation.definition.raw)

    @settings(HYPOTHESIS, max_examples=3 if turned_away else 10)
    @given(case=operation.as_strategy(), data=st.data())
    def call(case, data):
        if existing:
            param = key[1]
            case.path_parameters[param] = data.draw(
                st.sampled_from([*existing, case.path_parameters[param]]), label=param
            )
        response = case.call(headers=library[role])
        case.validate_response(response, checks=CHECKS)
        if turned_away:
            assert response.status_code >= 400

    call()


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_a_real_download_matches_the_contract(library, role):
    from documents.models import Attachment

    attachment = Attachment.objects.get()
    operation = next(op for op in KNOWLEDGE if op.path.endswith("/download/"))
    case = operation.make_case(path_parameters={"id": attachment.document_id, "attachment_id": attachment.id})
    response = case.call(headers=library[role])
    assert response.status_code == 200
    case.validate_response(response, checks=CHECKS)
