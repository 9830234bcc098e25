"""Signals the assessments app sends for apps that stand on it (it imports none of them)."""

from __future__ import annotations

from django.dispatch import Signal

# Sent by ``services.delete_candidate`` inside its transaction, with ``invitation_ids``: the
# invitations whose personal data was just removed. Apps that keep personal data of their own per
# invitation delete it then (the fairness app: the candidate's self-identification).
personal_data_deleted = Signal()
