"""The network office's back room: memberships, invitations and sessions.

Invitations are created through the API, because that is where the one-time token can
be shown exactly once; here they can be inspected, extended or deleted. Sessions are a
record, not something to edit: the only action is to revoke them.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .models import AuthSession, Invitation, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["organization", "role", "created_at"]
    readonly_fields = ["created_at"]


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class WaypointUserAdmin(UserAdmin):
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role", "updated_at"]
    list_filter = ["role", "organization"]
    search_fields = ["user__username", "user__email", "organization__name"]
    raw_id_fields = ["user", "organization"]
    readonly_fields = ["version", "created_at", "updated_at"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "role", "status", "expires_at", "created_by", "accepted_at"]
    list_filter = ["role", "organization"]
    search_fields = ["email", "organization__name"]
    fields = [
        "email", "organization", "role", "expires_at", "token_hash",
        "created_by", "created_at", "accepted_at", "accepted_by",
    ]  # fmt: skip
    readonly_fields = [
        "email", "organization", "token_hash", "created_by", "created_at", "accepted_at", "accepted_by",
    ]  # fmt: skip

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description="status")
    def status(self, obj: Invitation) -> str:
        return Invitation.Status(obj.status).label


@admin.action(
    description="Revoke selected sessions (their tokens stop working at once)", permissions=["revoke"]
)
def revoke_sessions(modeladmin, request, queryset):
    count = 0
    for session in queryset.filter(revoked_at__isnull=True):
        session.revoke("admin")
        count += 1
    modeladmin.message_user(request, f"{count} session(s) revoked.", messages.SUCCESS)


@admin.register(AuthSession)
class AuthSessionAdmin(admin.ModelAdmin):
    list_display = ["user", "device_label", "created_at", "last_used_at", "revoked_at", "revoked_reason"]
    list_filter = ["revoked_reason"]
    search_fields = ["user__username"]
    date_hierarchy = "created_at"
    actions = [revoke_sessions]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_revoke_permission(self, request) -> bool:
        return request.user.has_perm("accounts.change_authsession")
