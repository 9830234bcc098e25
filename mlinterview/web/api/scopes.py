"""What an API key may do. Each API operation needs one scope; a key carries the scopes its owner
chose when creating it. A scope never adds to the owner's account: the operation still checks the
account's permissions, so a key can do at most what its owner can."""

from __future__ import annotations

SCOPES: dict[str, str] = {
    "assessments:read": "List and read assessments and their items",
    "assessments:write": "Create assessments, change their items, generate and publish them",
    "invitations:read": "List the invitations of an assessment",
    "invitations:write": "Invite candidates (the response carries their link)",
    "results:read": "Read shortlists and attempts with their answers and scores",
    "results:review": "Record that you have finished reviewing an attempt",
    "scores:override": "Change a score, or put a failed score back in the queue",
    "candidates:delete": "Erase a candidate's personal data",
    "pool:read": "Search the talent pool, read its profiles (anonymous until revealed) and shortlists",
}

ALL_SCOPES: tuple[str, ...] = tuple(SCOPES)
READ_ONLY: tuple[str, ...] = tuple(s for s in SCOPES if s.endswith(":read"))


def unknown_scopes(scopes: list[str] | tuple[str, ...]) -> list[str]:
    return [s for s in scopes if s not in SCOPES]
