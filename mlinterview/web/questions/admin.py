from django.contrib import admin

from mlinterview.web.questions.models import Question, QuestionSet, QuestionVersion, RoleProfile


@admin.register(QuestionSet)
class QuestionSetAdmin(admin.ModelAdmin):
    list_display = ("slug", "title", "open_ended", "position")


class VersionInline(admin.TabularInline):
    model = QuestionVersion
    fields = ("number", "content_hash", "source_path", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """Read-only here: the content files are the source of truth (edit them, then import)."""

    list_display = ("slug", "title", "question_set", "level", "minutes", "retired")
    list_filter = ("question_set", "level", "retired")
    search_fields = ("slug", "title")
    readonly_fields = (
        "slug",
        "question_set",
        "title",
        "level",
        "tags",
        "minutes",
        "current_version",
        "retired",
        "leaked_at",
        "leaked_reason",
    )
    inlines = [VersionInline]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False


@admin.register(RoleProfile)
class RoleProfileAdmin(admin.ModelAdmin):
    list_display = ("id", "content_hash", "created_at")
    readonly_fields = ("content_hash", "data", "created_at")
