"""Teams on an upgrade: the roles get their new permissions, and what exists goes to one team.

- ``override_scores`` is its own permission now (admin and recruiter hold it) and ``access_all_teams``
  lets administrators past team boundaries.
- Every existing assessment goes to a "Default team" that holds every existing staff user (those in
  the admin or recruiter group, and superusers, as recruiters; everyone else as interviewers), and
  its creator becomes its owner. Existing interviewers are assigned as reviewers of the existing
  assessments, so nobody loses work they could open before; an administrator can unassign them.

The role lists are a literal copy (a migration must not import code that may change);
``tests/accounts/test_roles.py`` checks them against ``accounts/roles.py``.
"""

from django.db import migrations

ROLES = {
    "admin": ["manage_assessments", "review_attempts", "override_scores", "access_all_teams"],
    "recruiter": ["manage_assessments", "review_attempts", "override_scores"],
    "interviewer": ["review_attempts"],
}
DEFAULT_TEAM = "Default team"
LEAD_GROUPS = ("admin", "recruiter")


def grant_new_permissions(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="assessments", codename__in=codenames)
        )


def default_team(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Team = apps.get_model("accounts", "Team")
    Membership = apps.get_model("accounts", "Membership")
    Assessment = apps.get_model("assessments", "Assessment")
    staff = list(User.objects.filter(is_staff=True))
    assessments = list(Assessment.objects.all())
    if not staff and not assessments:
        return  # a fresh install: teams are made by an administrator
    team, _ = Team.objects.get_or_create(name=DEFAULT_TEAM)
    interviewers = []
    for user in staff:
        lead = user.is_superuser or user.groups.filter(name__in=LEAD_GROUPS).exists()
        Membership.objects.get_or_create(
            team=team, user=user, defaults={"role": "recruiter" if lead else "interviewer"}
        )
        if not lead:
            interviewers.append(user)
    for assessment in assessments:
        assessment.team = team
        assessment.owner_id = assessment.created_by_id
        assessment.save(update_fields=["team", "owner"])
        assessment.reviewers.add(*interviewers)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0006_teams"), ("accounts", "0002_teams")]

    operations = [
        migrations.RunPython(grant_new_permissions, migrations.RunPython.noop),
        migrations.RunPython(default_team, migrations.RunPython.noop),
    ]
