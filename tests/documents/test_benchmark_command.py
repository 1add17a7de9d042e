"""The search benchmark runs on PostgreSQL, reports with and without the index, and keeps nothing."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from documents.models import Document


def test_it_refuses_anything_but_postgresql(db):
    if connection.vendor == "postgresql":
        pytest.skip("runs on PostgreSQL; see the next test")
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("benchmark_search", documents=10, repeat=1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="measures PostgreSQL full-text search")
def test_it_measures_with_and_without_the_index_and_rolls_back(db):
    out = io.StringIO()
    call_command("benchmark_search", documents=1500, repeat=1, stdout=out)
    report = out.getvalue()
    assert "Bitmap Index Scan on documents_document_search_gin" in report.split("Plan without index")[0]
    assert "documents_document_search_gin" not in report.split("Plan without index")[1]
    for row in ("GIN index (anonymous)", "no index (member)", "reference: ILIKE", "reference: trivial"):
        assert row in report
    assert "Rolled back" in report
    assert not Document.objects.exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'documents_document_search_gin'")
        assert cursor.fetchone() is not None
