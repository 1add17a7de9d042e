"""Existing contact values take the canonical form new writes get, and values already
compromised are marked, so neither an old spelling nor an old compromise slips past the rules."""

from django.core.exceptions import ValidationError
from django.db import migrations
from django.db.models import F
from django.utils import timezone

from core.validators import normalize_contact_value


def normalize_and_mark(apps, schema_editor):
    ContactPoint = apps.get_model("organizations", "ContactPoint")
    CompromisedValue = apps.get_model("organizations", "CompromisedValue")
    now = timezone.now()
    for contact in ContactPoint.objects.select_related("organization").order_by("pk").iterator():
        try:
            value = normalize_contact_value(contact.channel, contact.value)
        except ValidationError:
            value = contact.value  # left for its organization to correct; refused on its next edit
        if value != contact.value:
            # A changed value is a new version: replicas and ETags must see it.
            ContactPoint.objects.filter(pk=contact.pk).update(
                value=value, version=F("version") + 1, updated_at=now
            )
        if contact.status == "compromised":
            CompromisedValue.objects.get_or_create(
                value=value,
                lifted_at=None,
                defaults={
                    "channel": contact.channel,
                    "contact_point_id": contact.pk,
                    "organization_name": contact.organization.name,
                    "reason": contact.status_reason,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("organizations", "0004_compromised_values_and_sources")]

    operations = [migrations.RunPython(normalize_and_mark, migrations.RunPython.noop)]
