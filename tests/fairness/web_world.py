"""A constructed assessment for the fairness pages' tests: 11 submitted attempts with known
scores and self-identified groups, every attempt reviewed, one score changed by a reviewer.

    age band       region  automatic total  final total
    under 40       North   90, 80, 70       same
    under 40       South   65, 30           same
    40 and over    North   75, 20           same
    40 and over    South   40, 10           70 (a reviewer's override), 10
    (prefer not)   North   95               same
    (no answers at all)    50               same

Each attempt's two items carry the same value, so a total is that value in percent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from mlinterview.web.fairness.models import Category, SelfIdentification
from tests.assessments.attempts import score_at, submitted_attempt
from tests.assessments.small_bank import import_small_bank

SLUGS = ["type-1-vs-type-2-errors", "loss-function"]
AGE, REGION = "Age band", "Region"
ROWS = [
    ("under 40", "North", 0.9),
    ("under 40", "North", 0.8),
    ("under 40", "North", 0.7),
    ("under 40", "South", 0.65),
    ("under 40", "South", 0.3),
    ("40 and over", "North", 0.75),
    ("40 and over", "North", 0.2),
    ("40 and over", "South", 0.4),  # overridden to 0.7 on both items
    ("40 and over", "South", 0.1),
    ("Prefer not to say", "North", 0.95),
    (None, None, 0.5),
]
OVERRIDDEN = 7  # the index in ROWS of the attempt whose scores a reviewer changed
# A label no other text on any page contains, to search for where it must not be.
MARKER = "Zebrafinch"


@dataclass
class World:
    version: m.AssessmentVersion
    users: dict[str, Any]
    attempts: list[m.Attempt]
    categories: dict[str, Category]


def _user(name: str, group: str | None = None, **flags: Any):
    user = get_user_model().objects.create_user(name, password="pw-for-tests-only", **flags)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def build_world() -> World:
    import_small_bank(SLUGS)
    users = {
        "recruiter": _user("rita", "recruiter"),
        "interviewer": _user("ivan", "interviewer"),
        "admin": _user("adele", "admin"),
        "auditor": _user("audrey", "fairness auditor"),
        "superuser": _user("root", is_superuser=True, is_staff=True),
    }
    assessment = services.create_assessment("Fairness screen", users["recruiter"], time_limit_minutes=30)
    services.assign_reviewers(assessment, [users["interviewer"]], users["recruiter"])
    version = assessment.latest
    services.set_items(version, [services.ItemSpec("question", s) for s in SLUGS], users["recruiter"])
    services.publish(version, users["recruiter"])
    age = Category.objects.create(name=AGE, labels="under 40\n40 and over", position=0)
    region = Category.objects.create(name=REGION, labels=f"North\nSouth\n{MARKER}", position=1)
    attempts = []
    for n, (age_label, region_label, value) in enumerate(ROWS):
        attempt = submitted_attempt(
            version, users["recruiter"], f"Person {n}", f"person{n}@example.com", [value, value]
        )
        for category, label in ((age, age_label), (region, region_label)):
            if label:
                SelfIdentification.objects.create(
                    invitation=attempt.invitation, category=category, label=label
                )
        attempts.append(attempt)
    for position in (0, 1):
        services.override_score(
            score_at(attempts[OVERRIDDEN], position),
            users["recruiter"],
            0.7,
            "Read again: better than scored.",
        )
    for attempt in attempts:
        services.commit_review(attempt, users["interviewer"])
    return World(version, users, attempts, {AGE: age, REGION: region})
