"""Controlled vocabularies shared across domains: topics, ISO 639-1 languages, ISO 4217 currencies."""

import pycountry
from django.db import models


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


LANGUAGE_CHOICES: list[tuple[str, str]] = sorted(
    (lang.alpha_2, lang.name) for lang in pycountry.languages if hasattr(lang, "alpha_2")
)

CURRENCY_CHOICES: list[tuple[str, str]] = sorted((cur.alpha_3, cur.name) for cur in pycountry.currencies)
