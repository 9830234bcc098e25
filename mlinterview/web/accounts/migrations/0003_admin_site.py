"""The ``admin`` group gets what Django's admin site needs (issue 15, point 9).

- Its members may set up teams and their members and assign an assessment's team, owner and
  reviewers in the admin site: the model permissions below (a literal copy of
  ``accounts/roles.py``'s ``ADMIN_SITE``; ``tests/accounts/test_roles.py`` checks the two agree).
- The admin site lets in only accounts with "Staff status"; from now on joining the group ticks it
  (``accounts/staff.py``), and this migration ticks it for those already in the group.
"""

from django.db import migrations

ADMIN = "admin"
ADMIN_SITE = {
    ("accounts", "team"): ("view", "add", "change", "delete"),
    ("accounts", "membership"): ("view", "add", "change", "delete"),
    ("accounts", "user"): ("view",),
    ("assessments", "assessment"): ("view", "change"),
}


def _permissions(apps):
    from django.contrib.auth.management import create_permissions

    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, verbosity=0)
        config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    for (app_label, model), actions in ADMIN_SITE.items():
        yield from Permission.objects.filter(
            content_type__app_label=app_label,
            content_type__model=model,
            codename__in=[f"{action}_{model}" for action in actions],
        )


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=ADMIN)
    group.permissions.add(*_permissions(apps))
    apps.get_model("accounts", "User").objects.filter(groups__name=ADMIN).update(is_staff=True)


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=ADMIN).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_teams"),
        ("assessments", "0010_invitation_mail"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
