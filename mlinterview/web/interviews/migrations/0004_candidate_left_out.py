"""An interview may name the candidate's record (issue 15, point 4) and keeps how many questions
the candidate already met were left out of its kit."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("interviews", "0003_default_team"), ("assessments", "0010_invitation_mail")]

    operations = [
        migrations.AddField(
            model_name="interview",
            name="candidate",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="interviews",
                to="assessments.candidate",
            ),
        ),
        migrations.AddField(
            model_name="interview",
            name="left_out",
            field=models.PositiveIntegerField(default=0),
        ),
    ]
