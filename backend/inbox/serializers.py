"""Inbox items as a client reads them."""

from rest_framework import serializers

from core.references import VisibleReferenceField

from .models import Notification


class NotificationSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    resource_title = VisibleReferenceField(
        source="resource.title", model="resources.Resource", key="resource_id"
    )
    related_resource_title = VisibleReferenceField(
        source="related_resource.title", model="resources.Resource", key="related_resource_id"
    )
    actor_organization_name = VisibleReferenceField(
        source="actor_organization.name", model="organizations.Organization", key="actor_organization_id"
    )
    read = serializers.BooleanField(read_only=True, help_text="Whether you have read it.")

    class Meta:
        model = Notification
        fields = [
            "id",
            "kind",
            "text",
            "organization",
            "organization_name",
            "resource",
            "resource_title",
            "related_resource",
            "related_resource_title",
            "response",
            "contact_point",
            "actor_organization",
            "actor_organization_name",
            "read",
            "created_at",
        ]
        read_only_fields = fields


class MarkedSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="How many notifications changed state.")


class UnreadCountSerializer(serializers.Serializer):
    unread = serializers.IntegerField()
