"""The search registry refuses, at start-up, a registration that could not work as declared."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from inbox.models import Notification
from organizations.models import ContactPoint, Organization
from search.registry import Searchable, register, type_names


def test_search_refuses_a_type_naming_a_field_its_model_lacks():
    with pytest.raises(ImproperlyConfigured, match="no field 'motto'"):
        register(Searchable(type_name="probe", model=Organization, fields=(("motto", "A"),)))
    assert "probe" not in type_names()


def test_search_refuses_a_model_without_a_visibility_rule():
    with pytest.raises(ImproperlyConfigured, match="visibility_rule"):
        register(Searchable(type_name="probe", model=Notification, fields=(("text", "A"),)))
    assert "probe" not in type_names()


def test_search_refuses_a_type_name_another_model_holds():
    with pytest.raises(ImproperlyConfigured, match="already used"):
        register(Searchable(type_name="organization", model=ContactPoint, fields=(("label", "A"),)))
