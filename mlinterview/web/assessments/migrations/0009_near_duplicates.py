"""Near-duplicate findings are stored (the scoring job checks each answer once) instead of being
worked out on every view of the review page; answers already submitted are checked here."""

import django.db.models.deletion
from django.db import migrations, models


def check_submitted_answers(apps, schema_editor):
    from mlinterview.web.assessments.jobs.duplicates import find_near_duplicates

    Answer = apps.get_model("assessments", "Answer")
    NearDuplicate = apps.get_model("assessments", "NearDuplicate")
    submitted = Answer.objects.filter(attempt__submitted_at__isnull=False)
    for item_id in submitted.values_list("item_id", flat=True).distinct().order_by("item_id"):
        answers = list(submitted.filter(item_id=item_id).order_by("pk").values_list("pk", "content"))
        reference = ""
        data = Answer.objects.filter(item_id=item_id).values_list("item__question_version__data", flat=True)[
            0
        ]
        if data:
            reference = data.get("reference_answer", "")
        rows = []
        for index, (pk, content) in enumerate(answers):
            # Each answer against the reference and the answers before it: every pair once.
            for other_id, value in find_near_duplicates(content, reference, answers[:index]):
                rows.append(NearDuplicate(answer_id=pk, other_id=other_id, containment=value))
                if other_id is not None:
                    rows.append(NearDuplicate(answer_id=other_id, other_id=pk, containment=value))
        NearDuplicate.objects.bulk_create(rows, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0008_autosave_limits"),
    ]

    operations = [
        migrations.CreateModel(
            name="NearDuplicate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "containment",
                    models.FloatField(help_text="Share of the 5-word runs found in the other text (0 to 1)."),
                ),
                ("found_at", models.DateTimeField(auto_now_add=True)),
                (
                    "answer",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="near_duplicates",
                        to="assessments.answer",
                    ),
                ),
                (
                    "other",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="assessments.answer",
                    ),
                ),
            ],
            options={
                "ordering": ["answer", "other"],
                "constraints": [
                    models.UniqueConstraint(fields=("answer", "other"), name="one_finding_per_pair"),
                    models.UniqueConstraint(
                        condition=models.Q(("other__isnull", True)),
                        fields=("answer",),
                        name="one_reference_finding",
                    ),
                ],
            },
        ),
        migrations.RunPython(check_submitted_answers, migrations.RunPython.noop),
    ]
