"""Documents leave their own stored vector: the search app's index covers every type alike."""

from django.db import migrations


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS documents_document_search_gin")


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_documentversion_visibility")]

    operations = [
        migrations.RunPython(drop_index, migrations.RunPython.noop, elidable=False),
        migrations.RemoveField(model_name="document", name="search_config"),
        migrations.RemoveField(model_name="document", name="search_vector"),
    ]
