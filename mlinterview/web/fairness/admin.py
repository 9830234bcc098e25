"""The self-identification categories in the admin site: administrators set up what candidates
are asked. Candidates' answers are not in the admin site at all (only the report shows them, and
only to the fairness auditor role)."""

from django.contrib import admin

from mlinterview.web.fairness.models import Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "offered"]
    fields = ["name", "labels", "position"]
    ordering = ["position", "name"]

    @admin.display(description="choices offered")
    def offered(self, category: Category) -> str:
        return ", ".join(category.choices)
