"""Autosave limits (issue 14, finding 4): an attempt's save rate and the size of each revision.

``Attempt.save_allowance_full_at`` holds the per-attempt rate limit's state (when the whole burst
of saves is available again; empty means it is). ``AnswerRevision.size`` is the UTF-8 byte size of
the revision's text, so the cap on an answer's revision bytes is a sum, not a read of every text;
rows from before get their size computed here.
"""

from django.db import migrations, models

BATCH = 500


def measure_revisions(apps, schema_editor):
    AnswerRevision = apps.get_model("assessments", "AnswerRevision")
    batch = []
    for revision in AnswerRevision.objects.only("pk", "content").iterator(chunk_size=BATCH):
        revision.size = len(revision.content.encode())
        batch.append(revision)
        if len(batch) == BATCH:
            AnswerRevision.objects.bulk_update(batch, ["size"])
            batch = []
    if batch:
        AnswerRevision.objects.bulk_update(batch, ["size"])


class Migration(migrations.Migration):
    dependencies = [("assessments", "0007_default_team")]

    operations = [
        migrations.AddField(
            model_name="attempt",
            name="save_allowance_full_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="answerrevision",
            name="size",
            field=models.PositiveIntegerField(default=0, help_text="Bytes of the content in UTF-8."),
        ),
        migrations.RunPython(measure_revisions, migrations.RunPython.noop),
    ]
