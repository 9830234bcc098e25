"""Who counts as staff, and who may review: read from the roles (groups and their permissions),
never required of Django's hidden "Staff status" flag.

Before issue 15 (point 9), a member of the ``interviewer`` group was left off every interview
panel, the question bank and the API keys page until an administrator also ticked "Staff status"
in the admin. The flag is Django's own business: it opens the admin site, nothing more. Here:

- a *staff member* is anyone holding one of the project's roles (a member of the ``admin``,
  ``recruiter`` or ``interviewer`` group), a superuser, or an account that has the flag (someone
  an administrator let into the admin site);
- the *reviewers* (who may sit on a panel or be assigned an assessment's attempts) are the active
  accounts that hold the review permission, through a group or on their own, and superusers;
- joining the ``admin`` group gives the account the flag, since an administrator works in the admin
  site; leaving it takes the flag away again (unless the account is a superuser).

Which teams' objects each of them sees is ``teams.py``'s and the apps' ``access.py``'s business.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed

from mlinterview.web.accounts import roles

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def is_staff_member(user: Any) -> bool:
    """Holds a staff role (or is a superuser, or has Django's admin flag). Remembered on the user
    object for the rest of the request, as Django remembers a user's permissions."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_staff or user.is_superuser:
        return True
    if not hasattr(user, "_staff_role_cache"):
        user._staff_role_cache = user.groups.filter(name__in=roles.ROLES).exists()
    return bool(user._staff_role_cache)


def reviewers() -> QuerySet[Any]:
    """Every active account that may review attempts and sit on interview panels."""
    users = get_user_model().objects
    # Django's model backend answers with the permission held through a group or on the account.
    return users.with_perm(  # type: ignore[attr-defined,no-any-return]
        roles.REVIEW, is_active=True, include_superusers=True, backend=MODEL_BACKEND
    )


def _admins_among(instance: Any, reverse: bool, pk_set: set[int] | None) -> set[int]:
    """The users whose membership of the ``admin`` group this change is about (their ids)."""
    if reverse:  # the group's side: ``group.user_set.add(...)``; instance is the group
        if instance.name != roles.ADMIN:
            return set()
        if pk_set is None:  # a clear: everyone in the group now
            return set(instance.user_set.values_list("pk", flat=True))
        return set(pk_set)
    # The user's side: ``user.groups.add(...)``, as the admin's user form does; instance is the user.
    admin = Group.objects.filter(name=roles.ADMIN, pk__in=pk_set) if pk_set is not None else None
    if admin is None:
        admin = instance.groups.filter(name=roles.ADMIN)
    return {instance.pk} if admin.exists() else set()


def _flag_follows_admin_role(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: set[int] | None, **kwargs: Any
) -> None:
    """Keep ``is_staff`` in step with membership of the ``admin`` group, whichever side of the
    relation changed."""
    if action == "pre_clear":  # who is about to leave the group is known only before the clear
        instance._leaving_admin = _admins_among(instance, reverse, None)
        return
    if action == "post_clear":
        changed = getattr(instance, "_leaving_admin", set())
    elif action in ("post_add", "post_remove"):
        changed = _admins_among(instance, reverse, pk_set)
    else:
        return
    users = get_user_model().objects
    if action == "post_add":
        users.filter(pk__in=changed).update(is_staff=True)
    else:
        users.filter(pk__in=changed, is_superuser=False).update(is_staff=False)
    if not reverse and instance.pk in changed:  # the caller's object, too
        instance.is_staff = action == "post_add" or (instance.is_superuser and instance.is_staff)


def connect() -> None:
    m2m_changed.connect(
        _flag_follows_admin_role,
        sender=get_user_model().groups.through,
        dispatch_uid="mlinterview-staff-flag-follows-admin-role",
    )
