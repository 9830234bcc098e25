"""The role and permission names the code checks are the ones the migrations create.

The migrations keep their own literal copies (a migration must not import code that may change), so
this test is what keeps ``mlinterview/web/accounts/roles.py`` and them in step.
"""

from __future__ import annotations

import importlib

import pytest
from django.contrib.auth.models import Group, Permission

from mlinterview.web.accounts import roles

pytestmark = pytest.mark.django_db


def test_the_migrated_groups_are_exactly_the_roles_with_their_permissions():
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.ROLES) | set(roles.OTHER_APP_ROLES)
    # The admin group also holds what Django's admin site needs (roles.ADMIN_SITE, and the
    # self-identification categories of roles.ADMIN_SITE_FAIRNESS).
    sites = {**roles.ADMIN_SITE, **roles.ADMIN_SITE_FAIRNESS}
    admin_site = [(app, f"{act}_{model}") for (app, model), acts in sites.items() for act in acts]
    for name, codenames in roles.ROLES.items():
        held = Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
        wanted = [(roles.PERMISSIONS_APP, c) for c in codenames] + (admin_site if name == roles.ADMIN else [])
        assert sorted(held) == sorted(wanted), name
    for name, pairs in roles.OTHER_APP_ROLES.items():
        held = Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
        assert sorted(held) == sorted(pairs), name


def test_the_permission_names_exist_after_migrate():
    for full in (roles.MANAGE, roles.REVIEW, roles.OVERRIDE, roles.ALL_TEAMS, roles.AUDIT_FAIRNESS):
        app_label, codename = full.split(".")
        assert Permission.objects.filter(content_type__app_label=app_label, codename=codename).count() == 1


@pytest.mark.parametrize(
    ("role", "may_manage", "may_override", "all_teams"),
    [
        (roles.ADMIN, True, True, True),
        (roles.RECRUITER, True, True, False),
        (roles.INTERVIEWER, False, False, False),
    ],
)
def test_each_role_grants_what_the_views_check(django_user_model, role, may_manage, may_override, all_teams):
    user = django_user_model.objects.create_user(f"someone-{role}", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=role))
    user = django_user_model.objects.get(pk=user.pk)  # a fresh object: permissions are cached
    assert user.has_perm(roles.REVIEW)
    assert user.has_perm(roles.MANAGE) is may_manage
    assert user.has_perm(roles.OVERRIDE) is may_override
    assert user.has_perm(roles.ALL_TEAMS) is all_teams


def test_the_roles_migrations_spell_the_same_names():
    """0002 made the groups; 0007 (teams) gave them the permissions added since: the latest copy
    is what ``roles.ROLES`` says, and each earlier one only a part of it."""
    first = importlib.import_module("mlinterview.web.assessments.migrations.0002_roles")
    latest = importlib.import_module("mlinterview.web.assessments.migrations.0007_default_team")
    assert {name: tuple(codenames) for name, codenames in latest.ROLES.items()} == roles.ROLES
    for name, codenames in first.ROLES.items():
        assert set(codenames) <= set(roles.ROLES[name]), name


def test_the_fairness_migration_spells_the_same_role_and_admin_rights():
    migration = importlib.import_module("mlinterview.web.fairness.migrations.0002_auditor_role")
    assert migration.OTHER_APP_ROLES == roles.OTHER_APP_ROLES
    assert migration.ADMIN_SITE_FAIRNESS == roles.ADMIN_SITE_FAIRNESS
    assert migration.ADMIN == roles.ADMIN


def test_only_the_auditor_role_holds_the_fairness_permission(django_user_model):
    for name in (*roles.ROLES, roles.FAIRNESS_AUDITOR):
        user = django_user_model.objects.create_user(f"someone-{name}", password="pw-for-tests-only")
        user.groups.add(Group.objects.get(name=name))
        user = django_user_model.objects.get(pk=user.pk)
        assert user.has_perm(roles.AUDIT_FAIRNESS) is (name == roles.FAIRNESS_AUDITOR), name


def test_the_admin_site_migration_spells_the_same_permissions():
    migration = importlib.import_module("mlinterview.web.accounts.migrations.0003_admin_site")
    assert migration.ADMIN_SITE == roles.ADMIN_SITE
    assert migration.ADMIN == roles.ADMIN
