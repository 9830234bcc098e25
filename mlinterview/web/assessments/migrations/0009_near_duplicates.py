"""Near-duplicate findings are stored (the scoring job checks each answer once) instead of being
worked out on every view of the review page. The table went with the check it served (0013); the
integrity app's migrations index the answers submitted before its similarity check instead, so
the backfill of this table that ran here is gone too."""

import django.db.models.deletion
from django.db import migrations, models


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
    ]
