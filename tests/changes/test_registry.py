"""The change-feed registry refuses, at start-up, a registration that could not work as declared."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from changes import registry
from inbox.models import Notification


def test_the_feed_refuses_a_model_without_a_visibility_rule(restore_registry):
    with pytest.raises(ImproperlyConfigured, match="visibility_rule"):
        registry.track(Notification, "notification", synced=False)
    assert registry.entry_for_type("notification") is None
