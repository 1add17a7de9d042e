from django.db import migrations


def create_watermark(apps, schema_editor):
    FeedWatermark = apps.get_model("changes", "FeedWatermark")
    FeedWatermark.objects.using(schema_editor.connection.alias).get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("changes", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_watermark, migrations.RunPython.noop),
    ]
