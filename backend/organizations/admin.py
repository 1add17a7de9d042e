"""The network office's view of partner organizations and their contact points.

Forms validate exactly as the API does (contact values normalized per channel, codes
from the shared vocabularies), and the two everyday jobs are one click away: recording
that a contact was checked today, and withdrawing a compromised contact everywhere.
Every save here lands in the change feed with the signed-in user as its actor.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from core.errors import DomainError
from core.fields import split_codes
from core.validators import https_url, normalize_contact_value
from core.viewer import Viewer
from core.vocabulary import LANGUAGE_CHOICES, Topic

from .hours import validate_hours
from .imports import COLUMNS, REQUIRED_COLUMNS, contact_points_import
from .models import CompromisedValue, ContactPoint, Organization
from .services import contact_point_check_value, contact_point_verify

# Only the network office reaches the admin, and it sees every contact.
OFFICE = Viewer(is_admin=True)


class CodeListFormField(forms.CharField):
    """Comma-separated codes, each checked against `choices`."""

    def __init__(self, *, choices, **kwargs):
        self.allowed = {code for code, _ in choices}
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return ", ".join(split_codes(value))

    def to_python(self, value):
        return split_codes(value)

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        unknown = [code for code in value if code not in self.allowed]
        if unknown:
            raise ValidationError(f"Unknown code(s): {', '.join(unknown)}.", code="invalid_choice")
        if len(set(value)) != len(value):
            raise ValidationError("A code is listed twice.", code="duplicate")

    def has_changed(self, initial, data):
        return split_codes(initial) != split_codes(data)


def languages_form_field(**kwargs) -> CodeListFormField:
    return CodeListFormField(
        choices=LANGUAGE_CHOICES, help_text="ISO 639-1 codes, comma-separated, e.g. ru, en, de.", **kwargs
    )


class OrganizationForm(forms.ModelForm):
    kinds = CodeListFormField(
        choices=Organization.Kind.choices,
        help_text="Comma-separated: " + ", ".join(Organization.Kind.values) + ".",
    )
    languages = languages_form_field()
    website = forms.URLField(required=False, validators=[https_url], assume_scheme="https")

    class Meta:
        model = Organization
        fields = [
            "name", "slug", "description", "countries", "kinds", "languages", "website",
            "visibility", "verified", "is_example",
        ]  # fmt: skip


class ContactPointInlineForm(forms.ModelForm):
    """The short form used in an organization's list of contacts."""

    languages = languages_form_field(required=True)

    class Meta:
        model = ContactPoint
        fields = [
            "organization", "channel", "value", "label", "languages", "countries", "topics", "hours",
            "security_advice", "status", "status_reason", "visibility", "is_example",
        ]  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        channel, value = cleaned.get("channel"), cleaned.get("value")
        if channel and value:
            try:
                cleaned["value"] = normalize_contact_value(channel, value)
                contact_point_check_value(
                    viewer=OFFICE,
                    channel=channel,
                    value=cleaned["value"],
                    status=cleaned.get("status") or ContactPoint.Status.ACTIVE,
                    instance=self.instance,
                )
            except ValidationError as exc:
                self.add_error("value", exc)
            except DomainError as exc:
                self.add_error("value", exc.message)
        return cleaned


class ContactPointForm(ContactPointInlineForm):
    topics = CodeListFormField(
        choices=Topic.choices, help_text="Comma-separated: " + ", ".join(Topic.values) + "."
    )

    class Meta(ContactPointInlineForm.Meta):
        fields = [*ContactPointInlineForm.Meta.fields, "opening_hours", "time_zone"]

    def clean(self):
        cleaned = super().clean()
        if "opening_hours" in cleaned and cleaned["opening_hours"] is None:
            cleaned["opening_hours"] = []  # an emptied box means no structured hours
        try:
            validate_hours(cleaned.get("opening_hours"), cleaned.get("time_zone", ""))
        except ValidationError as exc:
            self.add_error("time_zone", exc)
        return cleaned


class ContactPointInline(admin.TabularInline):
    model = ContactPoint
    form = ContactPointInlineForm
    fields = ["channel", "value", "label", "languages", "status", "visibility", "last_verified_at"]
    readonly_fields = ["last_verified_at"]
    extra = 0
    show_change_link = True


class KindFilter(admin.SimpleListFilter):
    title = "kind of work"
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return Organization.Kind.choices

    def queryset(self, request, queryset):
        if self.value() in Organization.Kind.values:
            return queryset.filter(kinds__has=self.value())
        return queryset


class ContactImportForm(forms.Form):
    file = forms.FileField(label="CSV file")
    dry_run = forms.BooleanField(
        required=False, initial=True, label="Only check the file and report what would change"
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > settings.CSV_IMPORT_MAX_BYTES:
            limit = settings.CSV_IMPORT_MAX_BYTES
            raise ValidationError(f"The file is larger than {limit:,} bytes: split it.")
        return file


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    form = OrganizationForm
    list_display = [
        "name", "slug", "kinds_list", "visibility", "verified", "contact_count", "is_example", "updated_at",
    ]  # fmt: skip
    list_filter = ["visibility", "verified", KindFilter, "is_example"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["version", "created_at", "updated_at", "contact_import"]
    inlines = [ContactPointInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(contact_count=Count("contact_points"))

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_contacts)
        name = f"{self.opts.app_label}_{self.opts.model_name}_import_contacts"
        return [path("<int:pk>/import-contacts/", view, name=name), *super().get_urls()]

    @admin.display(description="CSV import")
    def contact_import(self, obj: Organization) -> str:
        if obj.pk is None:
            return "-"
        url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import_contacts", args=[obj.pk])
        return format_html('<a href="{}">Import contact points from a CSV file</a>', url)

    def import_contacts(self, request, pk: int):
        """The API's CSV import (`organizations.imports`), for the network office: the same rows,
        the same validation, the same all-or-nothing transaction and report."""
        organization = get_object_or_404(Organization, pk=pk)
        if not self.has_change_permission(request, organization):
            raise PermissionDenied
        form = ContactImportForm(request.POST or None, request.FILES or None)
        report = None
        if request.method == "POST" and form.is_valid():
            try:
                report = contact_points_import(
                    organization=organization,
                    data=form.cleaned_data["file"].read(),
                    context={"request": request},
                    dry_run=form.cleaned_data["dry_run"],
                )
            except DomainError as exc:
                form.add_error("file", exc.message)
        context = {
            **self.admin_site.each_context(request),
            "title": "Import contact points",
            "opts": self.opts,
            "organization": organization,
            "form": form,
            "report": report,
            "required": REQUIRED_COLUMNS,
            "optional": [column for column in COLUMNS if column not in REQUIRED_COLUMNS],
        }
        return TemplateResponse(request, "admin/organizations/organization/import_contacts.html", context)

    @admin.display(description="kinds")
    def kinds_list(self, obj: Organization) -> str:
        return ", ".join(
            Organization.Kind(kind).label for kind in obj.kinds if kind in Organization.Kind.values
        )

    @admin.display(description="contacts", ordering="contact_count")
    def contact_count(self, obj: Organization) -> int:
        return obj.contact_count


@admin.action(description="Mark selected contacts verified today (recorded as you)")
def mark_verified(modeladmin, request, queryset):
    contacts = list(queryset)
    for contact in contacts:
        contact_point_verify(contact_point=contact, actor=request.user)
    modeladmin.message_user(request, f"{len(contacts)} contact(s) marked verified.", messages.SUCCESS)


@admin.action(description="Mark selected contacts compromised (withdrawn from every device on its next sync)")
def mark_compromised(modeladmin, request, queryset):
    contacts = list(queryset.exclude(status=ContactPoint.Status.COMPROMISED))
    for contact in contacts:
        contact.status = ContactPoint.Status.COMPROMISED
        contact.save(update_fields=["status", "version", "updated_at"])
    modeladmin.message_user(request, f"{len(contacts)} contact(s) marked compromised.", messages.WARNING)


@admin.register(ContactPoint)
class ContactPointAdmin(admin.ModelAdmin):
    form = ContactPointForm
    list_display = [
        "value", "channel", "organization", "label", "status", "visibility",
        "last_verified_at", "last_verified_by", "is_stale",
    ]  # fmt: skip
    list_filter = ["channel", "status", "visibility", "is_example"]
    list_select_related = ["organization", "last_verified_by"]
    search_fields = ["value", "label", "hours", "organization__name", "organization__slug"]
    autocomplete_fields = ["organization"]
    readonly_fields = ["last_verified_at", "last_verified_by", "version", "created_at", "updated_at"]
    actions = [mark_verified, mark_compromised]

    @admin.display(boolean=True, description="stale")
    def is_stale(self, obj: ContactPoint) -> bool:
        return obj.is_stale


class LiftForm(forms.ModelForm):
    """Lifting a mark is a decision of the network office, so it needs a reason on record."""

    lift = forms.BooleanField(
        required=False, help_text="The value is safe again and may be published as active."
    )

    class Meta:
        model = CompromisedValue
        fields = ["lifted_reason"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("lift") and not cleaned.get("lifted_reason", "").strip():
            self.add_error("lifted_reason", "Say why the value is safe again.")
        return cleaned


@admin.register(CompromisedValue)
class CompromisedValueAdmin(admin.ModelAdmin):
    """Values marked compromised; the only way one returns is lifting its mark here, with a reason."""

    form = LiftForm
    list_display = ["value", "channel", "organization_name", "marked_at", "lifted_at", "lifted_by"]
    list_filter = ["channel", ("lifted_at", admin.EmptyFieldListFilter)]
    search_fields = ["value", "organization_name"]
    fields = [
        "value", "channel", "organization_name", "reason", "marked_at",
        "lift", "lifted_reason", "lifted_at", "lifted_by",
    ]  # fmt: skip
    readonly_fields = [
        "value", "channel", "organization_name", "reason", "marked_at", "lifted_at", "lifted_by",
    ]  # fmt: skip

    def has_add_permission(self, request):
        return False  # marks come from contacts marked compromised

    def has_delete_permission(self, request, obj=None):
        return False  # the record stays, lifted or not

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.lifted_at is not None:
            return [*self.readonly_fields, "lifted_reason"]
        return self.readonly_fields

    def get_fields(self, request, obj=None):
        if obj is not None and obj.lifted_at is not None:
            return [name for name in self.fields if name != "lift"]
        return self.fields

    def save_model(self, request, obj, form, change):
        # Nothing here is saved but a lift: a reason without the decision records nothing.
        if form.cleaned_data.get("lift") and obj.lifted_at is None:
            obj.lift(actor=request.user, reason=form.cleaned_data["lifted_reason"].strip())
