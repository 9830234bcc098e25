"""The assessments' ownership in the Django admin: which team an assessment belongs to, its owner
and the reviewers assigned to it. Building, inviting and reviewing happen on the staff pages."""

from django.contrib import admin

from mlinterview.web.assessments.models import Assessment


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["title", "team", "owner", "created_at"]
    list_filter = ["team"]
    search_fields = ["title"]
    fields = ["title", "team", "owner", "reviewers"]
    readonly_fields = ["title"]
    filter_horizontal = ["reviewers"]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False  # assessments are created on the staff pages (each starts with a draft)

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False  # attempts and the audit trail hang off an assessment
