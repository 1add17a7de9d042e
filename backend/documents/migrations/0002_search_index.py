"""A GIN index over the stored full-text vectors, on PostgreSQL only.

SQLite has no tsvector and searches the text itself, so there the operation does nothing.
The index name is used by the search benchmark, which measures with and without it.
"""

from django.db import migrations

INDEX_NAME = "documents_document_search_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON documents_document USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
