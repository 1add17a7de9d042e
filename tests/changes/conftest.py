import pytest

from changes import registry


@pytest.fixture
def restore_registry():
    """Lets a test register types; the registry is as before afterwards."""
    by_model, by_type = dict(registry._by_model), dict(registry._by_type)
    yield registry
    registry._by_model.clear()
    registry._by_model.update(by_model)
    registry._by_type.clear()
    registry._by_type.update(by_type)
    registry._schema_digest.cache_clear()
