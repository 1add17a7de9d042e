"""What every `manage.py bench_*` command shares: a database of its own to measure in."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.test.utils import setup_test_environment, teardown_test_environment


@contextmanager
def throwaway_database(label: str) -> Iterator[None]:
    """Create a fresh database as the test runner does, never touching the configured one, and drop it after.

    On PostgreSQL it is named after the configured database and `label`, so benchmarks run side by
    side with each other and with the test suite.
    """
    setup_test_environment()
    if connection.vendor != "sqlite":
        name = f"{connection.settings_dict['NAME']}_{label}"
        connection.settings_dict.setdefault("TEST", {})["NAME"] = name
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
