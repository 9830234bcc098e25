"""Signals the assessments app sends for apps that stand on it (it imports none of them)."""

from __future__ import annotations

from django.dispatch import Signal

# Sent by ``services.delete_candidate`` inside its transaction, with ``invitation_ids``: the
# invitations whose personal data was just removed. Apps that keep personal data of their own per
# invitation delete it then (the fairness app: the candidate's self-identification).
personal_data_deleted = Signal()

# Events of an invitation's life, for apps that tell others about them (the webhooks app). Each is
# sent inside the transaction that made the change, so a receiver's writes commit or roll back
# with it. ``invitation_sent``: with ``invitation_id`` and ``delivered`` (False when the
# development mail backend kept the message), once the invitation's message was handled
# (jobs/mail.py). ``attempt_submitted``: with ``attempt_id`` (services/attempts.py, ``submit``).
# ``review_committed``: with ``attempt_id`` and ``reviewer_id``, when a reviewer commits their
# review (services/review.py, ``commit_review``).
invitation_sent = Signal()
attempt_submitted = Signal()
review_committed = Signal()
