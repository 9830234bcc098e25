"""Staff roles and the permissions they carry, named in one place.

The permissions belong to the assessments app (declared on its ``Assessment`` model); the roles are
groups holding them. The migration ``assessments/0002_roles`` creates the groups with these same
names but keeps its own literal copy, since a migration must not import code that may change later;
``tests/accounts/test_roles.py`` checks that the two agree.
"""

from __future__ import annotations

PERMISSIONS_APP = "assessments"

# Codenames, as stored in auth_permission.codename.
MANAGE_ASSESSMENTS = "manage_assessments"  # build and publish assessments, invite candidates
REVIEW_ATTEMPTS = "review_attempts"  # review attempts, sit on interview panels
OVERRIDE_SCORES = "override_scores"  # change an automatic score (with a reason)
ALL_TEAMS_CODENAME = "access_all_teams"  # see and act on every team's assessments and interviews

# The same permissions as ``user.has_perm`` and ``permission_required`` spell them.
MANAGE = f"{PERMISSIONS_APP}.{MANAGE_ASSESSMENTS}"
REVIEW = f"{PERMISSIONS_APP}.{REVIEW_ATTEMPTS}"
OVERRIDE = f"{PERMISSIONS_APP}.{OVERRIDE_SCORES}"
ALL_TEAMS = f"{PERMISSIONS_APP}.{ALL_TEAMS_CODENAME}"

# Group names.
ADMIN = "admin"
RECRUITER = "recruiter"
INTERVIEWER = "interviewer"

ROLES: dict[str, tuple[str, ...]] = {
    ADMIN: (MANAGE_ASSESSMENTS, REVIEW_ATTEMPTS, OVERRIDE_SCORES, ALL_TEAMS_CODENAME),
    RECRUITER: (MANAGE_ASSESSMENTS, REVIEW_ATTEMPTS, OVERRIDE_SCORES),
    INTERVIEWER: (REVIEW_ATTEMPTS,),
}
"""Each role (group name) with the codenames its group holds.

What a role may do says nothing of *which* assessments: that is the team's business (a user's
memberships in ``accounts.models.Team``, and the rules in ``assessments/access.py``). Only ``admin``
sees every team's."""

ADMIN_SITE: dict[tuple[str, str], tuple[str, ...]] = {
    ("accounts", "team"): ("view", "add", "change", "delete"),
    ("accounts", "membership"): ("view", "add", "change", "delete"),
    ("accounts", "user"): ("view",),
    ("assessments", "assessment"): ("view", "change"),
}
"""What the ``admin`` group may do in Django's admin site, as (app, model): actions: set up teams
and their members, and assign an assessment's team, owner and reviewers (issue 15, point 9: an
administrator who is not a superuser found the admin site empty). Making accounts and giving roles
stays with superusers. Joining the group also ticks "Staff status", which the admin site needs
(``staff.py``). The migration ``accounts/0003_admin_site`` grants these from its own copy."""

# The fairness auditor (issue 16, point 4): the only role that sees candidates' self-identification
# and the adverse-impact report. Its permission belongs to the fairness app (declared on its
# ``SelfIdentification`` model), so it is kept apart from ``ROLES``, whose codenames are the
# assessments app's. The migration ``fairness/0002_auditor_role`` makes the group from its own copy.
FAIRNESS_APP = "fairness"
VIEW_ADVERSE_IMPACT = "view_adverse_impact"
AUDIT_FAIRNESS = f"{FAIRNESS_APP}.{VIEW_ADVERSE_IMPACT}"
FAIRNESS_AUDITOR = "fairness auditor"

OTHER_APP_ROLES: dict[str, tuple[tuple[str, str], ...]] = {
    FAIRNESS_AUDITOR: ((FAIRNESS_APP, VIEW_ADVERSE_IMPACT),),
}
"""Roles whose permissions are another app's, as (app label, codename) pairs. Holding one makes
nobody a member of the hiring team (``staff.py`` looks at ``ROLES`` only): an auditor reads the
report, not the candidates' answers, the bank or the review pages."""

ADMIN_SITE_FAIRNESS: dict[tuple[str, str], tuple[str, ...]] = {
    ("fairness", "category"): ("view", "add", "change", "delete"),
}
"""What else the ``admin`` group may do in the admin site: set up the self-identification
categories (their names and choices, never anyone's answers). Granted by
``fairness/0002_auditor_role``."""
