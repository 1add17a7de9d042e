"""A column of short codes (languages, topics, kinds of work) that filters the same on SQLite and PostgreSQL.

Stored delimited as ",ru,en," so the `has` lookup (`languages__has="ru"`) is one
portable `LIKE '%,ru,%'`; JSON containment is not available on SQLite.
"""

from django import forms
from django.db import models
from django.db.models import Lookup


def split_codes(value) -> list[str]:
    """Codes from a list, or from the stored ",ru,en," or typed "ru, en" forms; blanks dropped."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).split(",") if part.strip()]


class CodeListField(models.CharField):
    description = "A list of short codes"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 400)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        # Every row of a list or a sync page passes here: the stored ",ru,en," form is split
        # without stripping each part (get_prep_value wrote them stripped).
        if value and value[0] == "," and value[-1] == ",":
            return value[1:-1].split(",") if len(value) > 1 else []
        return split_codes(value)

    def to_python(self, value):
        return split_codes(value)

    def get_prep_value(self, value):
        codes = split_codes(value)
        return "," + ",".join(codes) + "," if codes else ""

    def value_from_object(self, obj):
        return ", ".join(split_codes(super().value_from_object(obj)))

    def value_to_string(self, obj):
        return self.value_from_object(obj)

    def formfield(self, **kwargs):
        kwargs.setdefault("form_class", forms.CharField)
        kwargs.setdefault("help_text", "Comma-separated codes.")
        return super().formfield(**kwargs)


@CodeListField.register_lookup
class Has(Lookup):
    lookup_name = "has"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", [f"%,{value},%"]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} LIKE {rhs}", [*lhs_params, *rhs_params]
