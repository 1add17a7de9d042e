"""The search index: one row per searchable object, its text as lexemes in four weights.

One table for every type keeps "adding a type is one `register()` call" true and other
apps' tables untouched. It holds no visibility: who may see a row is asked of the model
itself (`visible_to`) at query time, so the rule stays in one place.

Migration 0001 adds what the ORM cannot declare for both databases: on PostgreSQL a
stored generated `tsvector` column (`vector`, weights A-D) with a GIN index; on SQLite an
external-content FTS5 table (`search_fts`) kept current by triggers. Both follow every
write to this table in the same transaction, bulk ones included. A later migration that
alters this table must recreate them (on SQLite Django rebuilds an altered table without
its triggers).
"""

from django.db import models

FTS_TABLE = "search_fts"
WEIGHTS = ("A", "B", "C", "D")


class SearchEntry(models.Model):
    kind = models.CharField(max_length=40, help_text="The registered search type.")
    object_id = models.BigIntegerField()
    a = models.TextField(blank=True, help_text="Lexemes of the weight-A fields (the title).")
    b = models.TextField(blank=True)
    c = models.TextField(blank=True)
    d = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
