"""Existing interviews go to the default team the assessments' migration made (if it made one)."""

from django.db import migrations

DEFAULT_TEAM = "Default team"


def default_team(apps, schema_editor):
    Team = apps.get_model("accounts", "Team")
    Interview = apps.get_model("interviews", "Interview")
    team = Team.objects.filter(name=DEFAULT_TEAM).first()
    if team is None and Interview.objects.exists():
        team = Team.objects.create(name=DEFAULT_TEAM)
    if team is not None:
        Interview.objects.filter(team__isnull=True).update(team=team)


class Migration(migrations.Migration):
    dependencies = [("interviews", "0002_team"), ("assessments", "0007_default_team")]

    operations = [migrations.RunPython(default_team, migrations.RunPython.noop)]
