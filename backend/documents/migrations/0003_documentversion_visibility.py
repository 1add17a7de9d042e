"""Each published version records the audience it was published to.

Versions written before this migration carry no record of who could read them then, so
they are taken as restricted (the author organization and the network office): a history
hidden from readers is recovered by publishing again, a restricted past once shown is not.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_search_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="documentversion",
            name="visibility",
            field=models.CharField(
                choices=[("public", "Public"), ("network", "Network"), ("restricted", "Restricted")],
                default="restricted",
                editable=False,
                help_text=(
                    "Who could read the document when this version was published (its own level, capped by "
                    "its organization's). Widening the document later does not widen its past."
                ),
                max_length=12,
            ),
        ),
    ]
