"""Index the answers submitted before the similarity check existed, oldest first, as the scoring
job would have (each answer looks up the ones indexed before it). The answers are checked in
chunks of ids; the check itself is the app's (index.py), run with this migration's models."""

from django.db import migrations

CHUNK = 200


def index_submitted_answers(apps, schema_editor):
    from mlinterview.web.integrity.index import index_answers

    Answer = apps.get_model("assessments", "Answer")
    submitted = Answer.objects.filter(attempt__submitted_at__isnull=False).order_by(
        "attempt__submitted_at", "pk"
    )
    ids = list(submitted.values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):  # one encoder call for each chunk's written answers
        index_answers(ids[start : start + CHUNK], apps=apps)


class Migration(migrations.Migration):
    dependencies = [("integrity", "0001_initial")]

    operations = [migrations.RunPython(index_submitted_answers, migrations.RunPython.noop)]
