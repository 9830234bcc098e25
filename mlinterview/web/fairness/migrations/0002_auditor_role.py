"""The "fairness auditor" group with the permission to see self-identification data and the
adverse-impact report, and the admin group's right to set up the categories in the admin site.

Literal copies of ``accounts/roles.py``'s ``OTHER_APP_ROLES`` and ``ADMIN_SITE_FAIRNESS`` (a
migration must not import code that may change); ``tests/accounts/test_roles.py`` checks they agree.
"""

from django.db import migrations

ADMIN = "admin"
OTHER_APP_ROLES = {
    "fairness auditor": (("fairness", "view_adverse_impact"),),
}
ADMIN_SITE_FAIRNESS = {
    ("fairness", "category"): ("view", "add", "change", "delete"),
}


def _create_permissions(apps):
    from django.contrib.auth.management import create_permissions

    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, verbosity=0)
        config.models_module = None


def _admin_site_permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    for (app_label, model), actions in ADMIN_SITE_FAIRNESS.items():
        yield from Permission.objects.filter(
            content_type__app_label=app_label,
            content_type__model=model,
            codename__in=[f"{action}_{model}" for action in actions],
        )


def grant(apps, schema_editor):
    _create_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, pairs in OTHER_APP_ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in pairs:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    admin, _ = Group.objects.get_or_create(name=ADMIN)
    admin.permissions.add(*_admin_site_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=OTHER_APP_ROLES).delete()
    admin = Group.objects.filter(name=ADMIN).first()
    if admin is not None:
        admin.permissions.remove(*_admin_site_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("fairness", "0001_initial"),
        ("accounts", "0003_admin_site"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
