"""The signed-in user and their memberships."""

from django.contrib.auth import get_user_model
from rest_framework import serializers

from .models import Membership


class MyMembershipSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    organization_slug = serializers.CharField(source="organization.slug", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "organization", "organization_name", "organization_slug", "role"]
        read_only_fields = fields


class MeSerializer(serializers.ModelSerializer):
    is_admin = serializers.BooleanField(source="is_staff", read_only=True)
    memberships = MyMembershipSerializer(many=True, read_only=True)

    class Meta:
        model = get_user_model()
        fields = ["id", "username", "email", "first_name", "last_name", "is_admin", "memberships"]
        read_only_fields = ["id", "username", "is_admin", "memberships"]
