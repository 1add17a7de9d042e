"""Serializer building blocks shared by the domains."""

from collections.abc import Mapping

from django.core.exceptions import ObjectDoesNotExist
from django_countries import countries
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.validators import UniqueValidator

from . import rules
from .errors import DomainError
from .viewer import Viewer, request_viewer
from .visibility import Visibility
from .vocabulary import LANGUAGE_CHOICES, FixedChoices, Topic

COUNTRY_CHOICES = FixedChoices(countries)


class CodeListField(serializers.ListField):
    """A list of codes from a fixed vocabulary; duplicates are dropped, order is kept."""

    def __init__(self, choices, **kwargs):
        kwargs.setdefault("max_length", 60)
        kwargs.setdefault("required", False)
        super().__init__(child=serializers.ChoiceField(choices=choices), **kwargs)

    def to_internal_value(self, data):
        return list(dict.fromkeys(super().to_internal_value(data)))

    def to_representation(self, data):
        return [str(getattr(item, "code", item)) for item in data]


def languages_field(**kwargs) -> CodeListField:
    kwargs.setdefault("help_text", "ISO 639-1 codes.")
    return CodeListField(LANGUAGE_CHOICES, **kwargs)


def countries_field(**kwargs) -> CodeListField:
    kwargs.setdefault("help_text", "ISO 3166-1 alpha-2 codes.")
    return CodeListField(COUNTRY_CHOICES, **kwargs)


def topics_field(**kwargs) -> CodeListField:
    return CodeListField(Topic.choices, **kwargs)


def value_after(serializer: serializers.Serializer, attrs: Mapping, name: str):
    """What `name` will hold once `attrs` are saved: the value sent, else the instance's, else None.

    Rules that span fields (an end after its start, an amount with its currency) must hold
    for partial updates too, where only some of the fields are sent.
    """
    if name in attrs:
        return attrs[name]
    return getattr(serializer.instance, name, None)


class ViewerContextMixin:
    """Gives a serializer the requesting viewer (set by the base viewsets)."""

    @property
    def viewer(self) -> Viewer:
        return request_viewer(self.context["request"])


class OwnedByOrganizationMixin(ViewerContextMixin):
    """Validates the organization a write targets by `core.rules.check_owner`, as a field error.

    The organization field offers only organizations the viewer can see (so an invisible
    one is "does not exist"); one the viewer sees but does not coordinate is refused.
    """

    def get_fields(self):
        fields = super().get_fields()
        org_field = fields.get("organization")
        if org_field is not None and not org_field.read_only and "request" in self.context:
            org_field.queryset = org_field.get_queryset().visible_to(self.viewer)
        return fields

    def validate_organization(self, organization):
        current_id = None if self.instance is None else self.instance.organization_id
        try:
            rules.check_owner(self.viewer, organization_id=organization.pk, current_id=current_id)
        except DomainError as exc:
            raise serializers.ValidationError(exc.message) from exc
        return organization


VISIBILITY_FIELD_HELP = (
    "public: anyone; network: active members of the network; restricted: the owning organization."
)


def visibility_field(**kwargs):
    return serializers.ChoiceField(Visibility.choices, help_text=VISIBILITY_FIELD_HELP, **kwargs)


class AdminOnlyFieldsMixin(ViewerContextMixin):
    """Refuses, with 400, fields only the network office may set, instead of ignoring them.

    The serializer declares `admin_only_fields`; `core.rules.check_admin_only_fields` decides.
    """

    admin_only_fields: tuple[str, ...] = ()

    def to_internal_value(self, data):
        # Refused for anyone else, such a field is not first checked against other rows: "this
        # slug is taken" would tell a coordinator that an organization they cannot see exists.
        if not self.viewer.is_admin:
            for name in self.admin_only_fields:
                field = self.fields.get(name)
                if field is not None:
                    field.validators = [v for v in field.validators if not isinstance(v, UniqueValidator)]
        return super().to_internal_value(data)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        try:
            rules.check_admin_only_fields(
                self.viewer, names=self.admin_only_fields, values=attrs, instance=self.instance
            )
        except DomainError as exc:
            raise exc.as_api_exception() from exc
        return attrs


class StrictInputMixin:
    """Refuses, with 400 on the field, a key the serializer does not write instead of ignoring it.

    DRF drops unknown and read-only keys in silence, so a client would believe that
    `{"status": "published"}` published a document (docs/design.md, rule 4: never silently
    applied). Sending back a read-only value as it was read is accepted, so a client may PUT
    the representation it got; `read_only_message` may say where such a field is changed.
    """

    read_only_message = "This field is read-only here and cannot be written."
    unknown_message = "This field does not exist here."

    def to_internal_value(self, data):
        refused = self._refused_keys(data) if isinstance(data, Mapping) else {}
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            if refused and isinstance(exc.detail, dict):
                raise serializers.ValidationError({**exc.detail, **refused}) from exc
            raise
        if refused:
            raise serializers.ValidationError(refused)
        return value

    def _refused_keys(self, data: Mapping) -> dict[str, list[str]]:
        refused = {}
        for name in data:
            field = self.fields.get(name)
            if field is None:
                refused[name] = [self.unknown_message]
            elif field.read_only and data[name] != self._current_representation(field):
                refused[name] = [self.read_only_message]
        return refused

    def _current_representation(self, field):
        if self.instance is None:
            return None
        try:
            value = field.get_attribute(self.instance)
        except (AttributeError, KeyError, ObjectDoesNotExist, SkipField):
            return None
        if value is None:
            return None
        return field.to_representation(value)
