"""The near-duplicate check's findings go: the integrity app's similarity check replaces it (its
own migrations index every submitted answer again, so nothing the review page showed is lost)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0012_attempt_activity"),
    ]

    operations = [
        migrations.DeleteModel(name="NearDuplicate"),
    ]
