"""Country profile representation; sources are titled https links."""

from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from core.validators import https_url

from .models import Country


class SourceSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    url = serializers.URLField(validators=[https_url])


class CountrySerializer(serializers.ModelSerializer):
    code = CountryField(help_text="ISO 3166-1 alpha-2.")
    name = serializers.CharField(source="code.name", read_only=True)
    sources = SourceSerializer(many=True, required=False)
    is_stale = serializers.BooleanField(read_only=True, help_text="Not reviewed within the configured age.")

    class Meta:
        model = Country
        fields = [
            "code", "name", "conscription", "conscientious_objection", "mobilization", "penalties",
            "asylum_practice", "sources", "last_reviewed", "is_stale", "is_example", "version", "updated_at",
        ]
        read_only_fields = ["is_example", "version", "updated_at"]

    def validate_code(self, code):
        if self.instance is not None and str(self.instance.code) != str(code):
            raise serializers.ValidationError("The country code of a profile cannot change.")
        if self.instance is None and Country.objects.filter(code=code).exists():
            raise serializers.ValidationError("A profile for this country exists already.")
        return code
