"""Every write of a contact looks its value up for twins through an index, never by reading every contact.

Alice (coordinator of A) creates a contact through the API, as one POST or as each row of an
import does. The statement that looks for a visible contact with the same channel and value is
taken from what the request ran and asked for its plan: it must find the value through an
index condition, not by reading the table or a whole index. Without the index it reads every
contact point of the network on every write (docs/benchmarks.md, "CSV import").
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ContactPointFactory

pytestmark = pytest.mark.django_db

TABLE = "organizations_contactpoint"


def plan(sql: str) -> str:
    """The database's plan for `sql`; PostgreSQL is told to avoid a table scan where any index serves."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(" ".join(str(cell) for cell in row) for row in cursor.fetchall())


def test_the_twin_lookup_of_a_new_contact_searches_an_index(client_of, alice, org_a):
    ContactPointFactory.create_batch(30, organization=org_a)
    with CaptureQueriesContext(connection) as queries:
        response = client_of("alice").post(
            "/api/v1/contact-points/",
            {"organization": org_a.pk, "channel": "email", "value": "twin@example.org", "languages": ["ru"]},
            format="json",
        )
    assert response.status_code == 201, response.content
    [lookup] = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith("SELECT") and f'FROM "{TABLE}"' in q["sql"] and "twin@example.org" in q["sql"]
    ]
    explained = plan(lookup)
    if connection.vendor == "postgresql":
        assert re.search(r"Index Cond: .*\bvalue\b", explained), explained
    else:
        found = rf"SEARCH {TABLE} USING (COVERING )?INDEX \w+ \([^)]*\bvalue=\?"
        assert re.search(found, explained), explained
