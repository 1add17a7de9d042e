"""The search index table, its database-specific full-text index, and its first filling.

PostgreSQL: a stored generated `tsvector` over the four lexeme columns (weights A-D, the
`simple` configuration: the lexemes are already normalized) and a GIN index on the type
and the vector together (`btree_gin`, a trusted extension any database owner may add), so
a search reads only the matches of the type it asks for.
SQLite: an external-content FTS5 table over the same columns, kept current by triggers;
the `ascii` tokenizer splits only on ASCII punctuation and spaces, so each stored lexeme
stays one token whatever its script.
"""

from django.db import migrations, models

POSTGRESQL = [
    (
        "ALTER TABLE search_searchentry ADD COLUMN vector tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('simple'::regconfig, a), 'A') || "
        "setweight(to_tsvector('simple'::regconfig, b), 'B') || "
        "setweight(to_tsvector('simple'::regconfig, c), 'C') || "
        "setweight(to_tsvector('simple'::regconfig, d), 'D')) STORED",
        "ALTER TABLE search_searchentry DROP COLUMN vector",
    ),
    ("CREATE EXTENSION IF NOT EXISTS btree_gin", "SELECT 1"),
    (
        "CREATE INDEX search_entry_vector_gin ON search_searchentry USING gin (kind, vector)",
        "DROP INDEX search_entry_vector_gin",
    ),
]
SQLITE = [
    (
        "CREATE VIRTUAL TABLE search_fts USING fts5(a, b, c, d, "
        "content='search_searchentry', content_rowid='id', tokenize='ascii')",
        "DROP TABLE search_fts",
    ),
    (
        "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN "
        "INSERT INTO search_fts(rowid, a, b, c, d) VALUES (new.id, new.a, new.b, new.c, new.d); END",
        "DROP TRIGGER search_fts_insert",
    ),
    (
        "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, a, b, c, d) "
        "VALUES ('delete', old.id, old.a, old.b, old.c, old.d); END",
        "DROP TRIGGER search_fts_delete",
    ),
    (
        "CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchentry BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, a, b, c, d) "
        "VALUES ('delete', old.id, old.a, old.b, old.c, old.d); "
        "INSERT INTO search_fts(rowid, a, b, c, d) VALUES (new.id, new.a, new.b, new.c, new.d); END",
        "DROP TRIGGER search_fts_update",
    ),
]


def full_text_index(apps, schema_editor):
    statements = {"postgresql": POSTGRESQL, "sqlite": SQLITE}.get(schema_editor.connection.vendor, [])
    for forward, _ in statements:
        schema_editor.execute(forward)


def drop_full_text_index(apps, schema_editor):
    statements = {"postgresql": POSTGRESQL, "sqlite": SQLITE}.get(schema_editor.connection.vendor, [])
    for _, backward in reversed(statements):
        schema_editor.execute(backward)


def fill(apps, schema_editor):
    """Index what a database already holds (nothing, on a new one), with the live registry."""
    from search.index import rebuild

    rebuild()


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("organizations", "0001_initial"),
        ("documents", "0004_search_index_moves_to_search"),
        ("countries", "0001_initial"),
        ("resources", "0001_initial"),
        ("campaigns", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(help_text="The registered search type.", max_length=40)),
                ("object_id", models.BigIntegerField()),
                ("a", models.TextField(blank=True, help_text="Lexemes of the weight-A fields (the title).")),
                ("b", models.TextField(blank=True)),
                ("c", models.TextField(blank=True)),
                ("d", models.TextField(blank=True)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("kind", "object_id"), name="search_entry_unique")
                ],
            },
        ),
        migrations.RunPython(full_text_index, drop_full_text_index, elidable=False),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
    ]
