"""Fixtures of the webhook tests: the database task queue, a receiver of the test's own on a
loopback port, and an endpoint pointing at it (allowed by a superuser, as the app requires for a
loopback target)."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import Group

from mlinterview.web.assessments.jobs.queues import TASK_QUEUES
from mlinterview.web.webhooks import models as wm
from mlinterview.web.webhooks import services
from tests.webhooks.receiver import Receiver


@pytest.fixture
def queue(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}


@pytest.fixture
def root(db, django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.com", "pw-for-tests-only")


@pytest.fixture
def administrator(db, django_user_model):
    """A member of the ``admin`` role: manages webhooks, is no superuser."""
    user = django_user_model.objects.create_user("ada_admin", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name="admin"))
    return user


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as running:
        yield running


@pytest.fixture
def endpoint(receiver, root, queue) -> wm.Endpoint:
    return services.create_endpoint(
        receiver.url, list(wm.EVENT_NAMES), root, allow_private=True, timeout_seconds=2
    )


@pytest.fixture
def keep_signal_handlers() -> Iterator[None]:
    """The database worker installs its own SIGINT/SIGTERM handlers; give pytest its own back."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
