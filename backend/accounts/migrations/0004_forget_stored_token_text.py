"""Blank the refresh tokens simplejwt stored in full before `keep_no_token_text` existed."""

from django.db import migrations


def forget_token_text(apps, schema_editor):
    apps.get_model("token_blacklist", "OutstandingToken").objects.exclude(token="").update(token="")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_session_device_and_last_use"),
        ("token_blacklist", "0013_alter_blacklistedtoken_options_and_more"),
    ]

    operations = [migrations.RunPython(forget_token_text, migrations.RunPython.noop)]
