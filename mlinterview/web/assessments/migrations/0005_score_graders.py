"""A score records the grader that produced it, and an answer may hold more than one grader's score.

``Score.answer`` becomes a foreign key (``answer.scores``); each row names its grader and the
grader's version, and one row per answer is the primary one (it ranks and makes totals; the
others are second opinions). Rows from before were all made by the primary grader of their kind,
so they become primary, graded by "local-text" (a question's answer) or "local-judge" (an
exercise's code); the version they were graded with was not kept, so it reads "unknown" (a row
still waiting gets its real version when it is graded). The grader names are copied here on
purpose: a migration must not change meaning when the code does.

Going back keeps the primary rows only: the schema before holds one score per answer.
"""

from django.db import migrations, models
import django.db.models.deletion

GRADER_OF_KIND = {"question": "local-text", "exercise": "local-judge"}
UNKNOWN_VERSION = "unknown"


def checks_now(schema_editor):
    """Run PostgreSQL's deferred foreign-key checks of the rows just written, so the table can be
    altered next in the same transaction ("pending trigger events" otherwise)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


def name_the_graders(apps, schema_editor):
    Score = apps.get_model("assessments", "Score")
    for kind, grader in GRADER_OF_KIND.items():
        Score.objects.filter(answer__item__kind=kind).update(grader=grader)
    Score.objects.update(primary=True, grader_version=UNKNOWN_VERSION)
    checks_now(schema_editor)


def keep_the_primary_scores(apps, schema_editor):
    Score = apps.get_model("assessments", "Score")
    Score.objects.filter(primary=False).delete()
    checks_now(schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ("assessments", "0004_task_paths"),
    ]

    operations = [
        migrations.AlterField(
            model_name="score",
            name="answer",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="scores", to="assessments.answer"
            ),
        ),
        migrations.AddField(
            model_name="score",
            name="grader",
            field=models.CharField(default="", max_length=100),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="score",
            name="grader_version",
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AddField(
            model_name="score",
            name="primary",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(name_the_graders, keep_the_primary_scores),
        migrations.AddConstraint(
            model_name="score",
            constraint=models.UniqueConstraint(fields=("answer", "grader"), name="one_score_per_grader"),
        ),
        migrations.AddConstraint(
            model_name="score",
            constraint=models.UniqueConstraint(
                condition=models.Q(("primary", True)), fields=("answer",), name="one_primary_score_per_answer"
            ),
        ),
    ]
