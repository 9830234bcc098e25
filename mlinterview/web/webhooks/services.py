"""The rules of outgoing webhooks: setting up endpoints, emitting events, erasure, replay.

``emit`` is what the rest of the app calls. It stores the event once and a delivery per
subscribed endpoint in the caller's transaction, and queues them when that transaction commits,
so an event of work that was rolled back is never sent. Delivery itself is ``delivery.py``.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from mlinterview.web.assessments import models as am
from mlinterview.web.assessments.audit import audit
from mlinterview.web.webhooks import models as wm
from mlinterview.web.webhooks.targets import TargetRefused, check_url, resolve


class WebhookError(ValueError):
    """A request about webhooks that cannot be carried out, with a message for the person."""


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def create_endpoint(
    url: str,
    events: list[str],
    user: Any,
    *,
    description: str = "",
    allow_private: bool = False,
    timeout_seconds: int = 10,
) -> wm.Endpoint:
    """Make an endpoint with a new secret (the caller shows it once). Only a superuser may allow
    a private target; for everyone else the target is resolved and must be public."""
    url = url.strip()
    chosen = [e for e in wm.EVENT_NAMES if e in set(events)]
    if not chosen or len(chosen) != len(set(events)):
        raise WebhookError("Choose one or more of the events listed.")
    if allow_private and not getattr(user, "is_superuser", False):
        raise WebhookError("Only an administrator of the server (a superuser) may allow a private target.")
    if not 1 <= timeout_seconds <= 30:
        raise WebhookError("The timeout must be between 1 and 30 seconds.")
    try:
        check_url(url)
        resolve(url, allow_private=allow_private)
    except TargetRefused as exc:
        raise WebhookError(str(exc)) from None
    endpoint = wm.Endpoint.objects.create(
        url=url,
        description=description.strip()[:200],
        secret=new_secret(),
        events=chosen,
        allow_private=allow_private,
        timeout_seconds=timeout_seconds,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    audit(user, "webhook.create", endpoint, url=url, events=chosen, allow_private=allow_private)
    return endpoint


def set_active(endpoint: wm.Endpoint, active: bool, user: Any) -> None:
    endpoint.active = active
    endpoint.save(update_fields=["active"])
    audit(user, "webhook.enable" if active else "webhook.disable", endpoint)


def _erased(invitation_id: int | None, candidate_id: int | None) -> bool:
    """Whether the candidate the event is about has had their personal data deleted."""
    if invitation_id is not None:
        invitation = am.Invitation.objects.filter(pk=invitation_id).select_related("candidate").first()
        if invitation is None or invitation.candidate.anonymised_at is not None:
            return True
    if candidate_id is not None:
        candidate = am.Candidate.objects.filter(pk=candidate_id).first()
        if candidate is None or candidate.anonymised_at is not None:
            return True
    return False


def emit(
    event: str,
    payload: dict[str, Any],
    *,
    invitation_id: int | None = None,
    candidate_id: int | None = None,
    dedup_key: str | None = None,
) -> wm.Event | None:
    """Send ``event`` with ``payload`` (JSON-serialisable) to every active endpoint subscribed to
    it. ``invitation_id``/``candidate_id`` name whom it is about: nothing is sent about a
    candidate whose data was erased, and erasing them later cancels what is still pending.
    ``dedup_key`` makes emitting the same fact twice a no-op. Returns the event stored, or None
    when nobody subscribes (or the fact was already emitted, or the candidate was erased)."""
    if event not in wm.EVENT_NAMES:
        raise ValueError(f"unknown webhook event {event!r}")
    endpoints = [e for e in wm.Endpoint.objects.filter(active=True) if event in e.events]
    if not endpoints or _erased(invitation_id, candidate_id):
        return None
    now = timezone.now()
    try:
        with transaction.atomic():
            stored = wm.Event.objects.create(
                name=event,
                payload=payload,
                invitation_id=invitation_id,
                candidate_id=candidate_id,
                dedup_key=dedup_key,
            )
    except IntegrityError:
        if dedup_key and wm.Event.objects.filter(dedup_key=dedup_key).exists():
            return None
        raise
    for endpoint in endpoints:
        _new_delivery(endpoint, stored, now)
    return stored


def _new_delivery(endpoint: wm.Endpoint, event: wm.Event, now: datetime, **extra: Any) -> wm.Delivery:
    from mlinterview.web.webhooks.jobs import enqueue_delivery, lease_for

    delivery = wm.Delivery.objects.create(
        endpoint=endpoint, event=event, next_attempt_at=now, lease_until=now + lease_for(endpoint), **extra
    )
    transaction.on_commit(lambda: enqueue_delivery(delivery.pk))
    return delivery


def replay(delivery: wm.Delivery, user: Any) -> wm.Delivery:
    """Send a delivery's event again to its endpoint, as a new delivery with a new idempotency
    key (a receiver that kept the first one would otherwise ignore it); the body's event id is the
    same, so the receiver can still tell it is the same event."""
    if delivery.event.erased_at is not None:
        raise WebhookError("This event was about a candidate whose data was erased; it cannot be sent again.")
    with transaction.atomic():
        again = _new_delivery(delivery.endpoint, delivery.event, timezone.now(), replay_of=delivery)
        audit(user, "webhook.replay", delivery, new_delivery=again.pk)
    return again


def forget_invitations(sender: Any, invitation_ids: list[int], **kwargs: Any) -> None:
    """A candidate's erasure: the events about them lose their payload and the deliveries not yet
    made are cancelled. (Deliveries already made are the receivers' to erase.)"""
    now = timezone.now()
    candidate_ids = list(
        am.Invitation.objects.filter(pk__in=invitation_ids).values_list("candidate_id", flat=True)
    )
    events = wm.Event.objects.filter(invitation_id__in=invitation_ids) | wm.Event.objects.filter(
        candidate_id__in=candidate_ids
    )
    event_ids = list(events.values_list("pk", flat=True))
    wm.Delivery.objects.filter(
        event_id__in=event_ids, status__in=[wm.Delivery.Status.PENDING, wm.Delivery.Status.RUNNING]
    ).update(status=wm.Delivery.Status.CANCELLED, finished_at=now, lease_until=None)
    wm.Event.objects.filter(pk__in=event_ids).update(payload={}, erased_at=now)
