"""Controlled vocabularies shared across domains: topics, ISO 639-1 languages, ISO 4217 currencies."""

import pycountry
from django.conf import settings
from django.db import models
from django.utils.choices import BaseChoiceIterator


class FixedChoices(BaseChoiceIterator):
    """A long vocabulary's (code, name) pairs, one shared object that every copy of a field keeps.

    Filters, forms and serializers deep-copy their fields for each request; copying the 250
    country pairs (named tuples) several times a request took a tenth of a list request. The
    pairs never change, so a copy is the same object.
    """

    def __init__(self, pairs):
        self.pairs = tuple((str(code), str(name)) for code, name in pairs)

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def __getitem__(self, index):
        return self.pairs[index]

    def __deepcopy__(self, memo):
        return self


class Topic(models.TextChoices):
    DESERTION = "desertion", "Desertion"
    CONSCIENTIOUS_OBJECTION = "conscientious_objection", "Conscientious objection"
    ASYLUM = "asylum", "Asylum"
    LEGAL = "legal", "Legal"
    PSYCHOLOGICAL = "psychological", "Psychological"
    SHELTER = "shelter", "Shelter"
    TRAVEL = "travel", "Travel"
    DOCUMENTS = "documents", "Documents"
    FUNDING = "funding", "Funding"


LANGUAGE_CHOICES = FixedChoices(
    sorted((lang.alpha_2, lang.name) for lang in pycountry.languages if hasattr(lang, "alpha_2"))
)

# The languages the app and its e-mails are written in (settings.LANGUAGES), as one named enum.
APP_LANGUAGES = FixedChoices(settings.LANGUAGES)

CURRENCY_CHOICES: list[tuple[str, str]] = sorted((cur.alpha_3, cur.name) for cur in pycountry.currencies)
