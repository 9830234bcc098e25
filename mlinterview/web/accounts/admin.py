from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from mlinterview.web.accounts.models import Membership, Team, User


@admin.register(User)
class ProjectUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, ("Profile", {"fields": ("display_name",)}))


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    """Hiring teams and their members with a role each (see docs/deployment.md, "Teams and roles")."""

    list_display = ["name", "member_count", "created_at"]
    search_fields = ["name", "memberships__user__username"]
    inlines = [MembershipInline]

    @admin.display(description="Members")
    def member_count(self, team: Team) -> int:
        return team.memberships.count()
