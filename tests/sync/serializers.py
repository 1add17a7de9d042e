"""A deliberately different representation, to prove replicas reset when the synced shape changes."""

from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from countries.models import Country


class ShortCountry(serializers.ModelSerializer):
    code = CountryField()

    class Meta:
        model = Country
        fields = ["code"]
