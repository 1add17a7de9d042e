"""Data the apps ship for `make run`: each app's module of one name (`demo`, `directory`),
loaded in dependency order inside one transaction, so a failure leaves the database as it
was. Each module's `load()` writes by natural keys through `core.demo.upsert`, so a second
run changes nothing.

Apps are named by string and imported here, so this ground floor imports no domain app.
"""

import importlib
import importlib.util
from types import ModuleType

from django.apps import apps
from django.db import transaction


def app_modules(app_labels: list[str], name: str) -> list[tuple[str, ModuleType]]:
    """The `<app>.<name>` modules that exist, in the order of `app_labels`."""
    modules = []
    for app in app_labels:
        if importlib.util.find_spec(f"{app}.{name}") is not None:
            modules.append((app, importlib.import_module(f"{app}.{name}")))
    return modules


def load_modules(modules: list[tuple[str, ModuleType]]) -> None:
    with transaction.atomic():
        for _, module in modules:
            module.load()


def row_counts(modules: list[tuple[str, ModuleType]]):
    """(plural name, rows) of every non-empty model of the loaded apps, for the command's summary."""
    for app, _ in modules:
        for model in apps.get_app_config(app).get_models():
            count = model._default_manager.count()
            if count:
                yield model._meta.verbose_name_plural, count
