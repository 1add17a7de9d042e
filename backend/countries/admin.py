"""Country profiles in the Django admin: the network office edits them and sees which are stale."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from core.validators import https_url

from .models import Country


class CountryForm(forms.ModelForm):
    class Meta:
        model = Country
        fields = [
            "code", "conscription", "conscientious_objection", "mobilization", "penalties",
            "asylum_practice", "sources", "last_reviewed", "is_example",
        ]  # fmt: skip

    def clean_sources(self):
        """Sources are what the API promises: a list of {"title", "url"} with https links."""
        sources = self.cleaned_data.get("sources") or []
        if not isinstance(sources, list):
            raise ValidationError('Enter a list such as [{"title": "...", "url": "https://..."}].')
        for number, source in enumerate(sources, start=1):
            if not isinstance(source, dict) or set(source) != {"title", "url"}:
                raise ValidationError(f'Source {number} must have exactly a "title" and a "url".')
            if not isinstance(source["title"], str) or not source["title"].strip():
                raise ValidationError(f"Source {number} needs a title.")
            try:
                https_url(source["url"] if isinstance(source["url"], str) else "")
            except ValidationError as exc:
                raise ValidationError(f"Source {number}: {exc.messages[0]}") from exc
        return sources


class StaleFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [("yes", "Stale (needs review)"), ("no", "Reviewed recently")]

    def queryset(self, request, queryset):
        stale = Country.stale_q()
        if self.value() == "yes":
            return queryset.filter(stale)
        if self.value() == "no":
            return queryset.exclude(stale)
        return queryset


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    form = CountryForm
    list_display = ["code", "name", "last_reviewed", "reviewed_by", "is_stale", "is_example"]
    list_filter = [StaleFilter, "is_example"]
    list_select_related = ["reviewed_by"]
    search_fields = ["code", "conscription", "conscientious_objection", "mobilization", "asylum_practice"]
    readonly_fields = ["reviewed_by", "version", "created_at", "updated_at"]

    @admin.display(description="country")
    def name(self, obj: Country) -> str:
        return obj.code.name

    @admin.display(boolean=True, description="stale")
    def is_stale(self, obj: Country) -> bool:
        return obj.is_stale

    def save_model(self, request, obj, form, change):
        if not change or "last_reviewed" in form.changed_data:
            obj.reviewed_by = request.user
        super().save_model(request, obj, form, change)
