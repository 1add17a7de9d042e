"""The data migration gives stored contact values the form new writes get, and marks the
values of contacts already compromised, so neither an old spelling nor an old compromise
slips past the rules (organizations/migrations/0005)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("organizations", "0004_compromised_values_and_sources")
AFTER = ("organizations", "0005_normalize_values_and_mark_compromised")
SIBLING = ("organizations", "0004_translations")  # stays applied throughout


def migrate(target):
    """Migrate organizations to `target`; the models as they are then."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target, SIBLING]).apps


def migrate_to_the_end() -> None:
    """Every app to its latest migration again, those depending on later ones included, so the
    tests after this one find the schema the code expects."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_stored_values_are_normalized_and_compromised_ones_marked():
    old = migrate(BEFORE)
    Organization = old.get_model("organizations", "Organization")
    ContactPoint = old.get_model("organizations", "ContactPoint")
    org = Organization.objects.create(name="Alpha", slug="alpha", kinds=[], languages=[])

    def stored(channel, value, **fields):
        return ContactPoint.objects.create(
            organization=org, channel=channel, value=value, languages=["ru"], topics=[], **fields
        ).pk

    rows = {
        stored("telegram", "@Connection_EV"): "@connection_ev",
        stored("email", "Get.Out.Now@GMX.de", status="compromised"): "get.out.now@gmx.de",
        stored("phone", "+49 157 82470251"): "+4915782470251",
        stored("signal", "Helper.42"): "helper.42",
        stored("phone", "not a number"): "not a number",  # left for its organization to correct
    }
    new = migrate(AFTER)
    ContactPoint = new.get_model("organizations", "ContactPoint")
    CompromisedValue = new.get_model("organizations", "CompromisedValue")
    assert dict(ContactPoint.objects.values_list("pk", "value")) == rows
    assert ContactPoint.objects.get(value="@connection_ev").version == 2
    assert ContactPoint.objects.get(value="not a number").version == 1
    assert list(CompromisedValue.objects.values_list("value", "lifted_at")) == [("get.out.now@gmx.de", None)]
    migrate_to_the_end()
