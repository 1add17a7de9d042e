"""Names and titles embedded from other objects, shown only to viewers who may see those objects.

A representation often copies a word or two from what it points at: a response shows the
title of the resource it answers, an inbox item the name of the organization that acted.
Those objects keep their own visibility, and it can narrow after the copy was first shown:
a resource turned restricted, an organization hidden from the network. An embedded title
is then as telling as the object itself, so it is shown only when the viewer may see the
object it names (docs/design.md, rule 3), and is null otherwise. The id stays: it names nothing.

The question is asked of the same choke point every read goes through,
`Model.objects.visible_to(viewer)`, never of a second rule. A list annotates the answer
for every row in its one query (`with_visible_references`); a lone object asks once.
"""

from __future__ import annotations

from operator import attrgetter

from django.apps import apps
from django.db.models import Exists, OuterRef, QuerySet
from rest_framework import serializers

from .viewer import Viewer, request_viewer


class VisibleReferenceField(serializers.CharField):
    """A read-only text copied from another object: null unless the viewer may see that object.

    `model` is the label of the named object's model ("resources.Resource"), `key` the ORM path,
    from the serialized object, to its id ("resource__organization_id").
    """

    def __init__(self, *, model: str, key: str, **kwargs):
        kwargs.update(read_only=True, allow_null=True, default=None)
        super().__init__(**kwargs)
        self.model_label = model
        self.key = key

    @property
    def flag(self) -> str:
        return f"sees_{self.field_name}"

    def get_attribute(self, instance):
        if not self._viewer_sees(instance):
            return None
        return super().get_attribute(instance)

    def _viewer_sees(self, instance) -> bool:
        viewer = request_viewer(self.context["request"])
        if viewer.is_admin:
            return True
        seen = getattr(instance, self.flag, None)
        if seen is not None:
            return seen
        target = attrgetter(self.key.replace("__", "."))(instance)
        return target is not None and visible(self.model_label, viewer).filter(pk=target).exists()


def visible(model_label: str, viewer: Viewer) -> QuerySet:
    return apps.get_model(model_label).objects.visible_to(viewer)


def with_visible_references(queryset: QuerySet, serializer_class, viewer: Viewer) -> QuerySet:
    """Annotate, for each reference `serializer_class` embeds, whether `viewer` may see it."""
    if viewer.is_admin:
        return queryset
    fields = [
        (name, field)
        for name, field in getattr(serializer_class, "_declared_fields", {}).items()
        if isinstance(field, VisibleReferenceField)
    ]
    return queryset.annotate(
        **{
            f"sees_{name}": Exists(visible(field.model_label, viewer).filter(pk=OuterRef(field.key)))
            for name, field in fields
        }
    )
