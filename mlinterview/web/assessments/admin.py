"""The assessments' ownership in the Django admin: which team an assessment belongs to, its owner
and the reviewers assigned to it. Building, inviting and reviewing happen on the staff pages."""

from typing import Any

from django.contrib import admin
from django.db.models import ManyToManyField
from django.http import HttpRequest

from mlinterview.web.assessments.access import assignable_reviewers
from mlinterview.web.assessments.models import Assessment


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["title", "team", "owner", "created_at"]
    list_filter = ["team"]
    search_fields = ["title"]
    fields = ["title", "team", "owner", "reviewers"]
    readonly_fields = ["title"]
    filter_horizontal = ["reviewers"]

    def formfield_for_manytomany(self, db_field: ManyToManyField, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "reviewers":
            # Offered by role and team (access.assignable_reviewers), not by the Staff flag.
            object_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            found = str(object_id or "").isdigit()
            assessment = Assessment.objects.filter(pk=object_id).first() if found else None
            kwargs["queryset"] = assignable_reviewers(assessment)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False  # assessments are created on the staff pages (each starts with a draft)

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False  # attempts and the audit trail hang off an assessment
