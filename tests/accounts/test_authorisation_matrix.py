"""The authorisation matrix (issue 14, Must show): every route of the URL configuration and every
operation of the API schema, requested by every role, against an outcome table written by hand.

The tables below (``PAGES`` and ``API``) are the specification. They are typed in, cell by cell;
nothing in this file asks the rules under test (``assessments/access.py``, ``interviews/access.py``,
the views' decorators) what the answer should be. Two checks keep them complete:

- every route that Django's URL resolver knows (walked through every include) and every
  operation of the django-ninja schema must have a row, so a new route without a row fails the
  suite, and a row whose route is gone fails too;
- the API rows name each operation's scope by hand, and the schema must agree.

Besides the status, each cell checks the content of what came back: a response about team A's
objects never shows team B's assessment titles, candidate names or aliases, and the list pages
and API lists show exactly the teams a role may see (``LISTS``, ``SECOND_LISTS`` and ``API_LISTS``,
also by hand).
A request that changes state (POST, PUT, DELETE) and is refused leaves the database as it was.

The roles (columns of the tables):

- ``anon``: nobody signed in.
- ``cand``: a candidate, who has no account, only the personal link of team A's attempt in progress.
  The link's token *is* the credential of the ``/take/<token>/`` routes, so on those routes the
  candidate uses it and every other role uses a well-formed token that belongs to no invitation
  (what someone without the link could try). On the API the candidate sends the token as a key.
- ``prac``: a practice user (signed in, not staff). On the API: a key of their own, all scopes.
- ``i_no``: an interviewer of team A who is not assigned to its assessment nor on its interview panel.
- ``i_yes``: an interviewer of team A assigned to its assessment and on its interview panel (their
  scorecard submitted).
- ``rec_b``: a recruiter of team B (the other team).
- ``rec_a``: a recruiter of team A, the owner of team A's assessment.
- ``hm_a``: the hiring manager of team A (``Membership.Role.HIRING_MANAGER``), on no panel and
  assigned to nothing. The project has no group of its own for hiring managers (``accounts/roles.py``
  and the migrations make ``admin``, ``recruiter`` and ``interviewer`` only), so they are in the
  ``interviewer`` group: they review, but neither build, invite nor override scores. What they
  should get, typed by hand: everything of their team to read (its assessments, shortlists,
  attempts, interviews and calibration), reviews as an assigned reviewer does, no other team's
  rows, and nothing that only recruiters may change.
- ``key+`` / ``key-``: an API key of ``rec_a`` with the operation's scope and nothing else / with
  every scope but that one. On pages the key is sent as a bearer header without a session (pages
  do not take keys: they answer as to anyone not signed in).
- ``admin``: a member of the ``admin`` group (every team's objects), in no team.

Everyone is made as the product makes them: a role is a group (and a seat in a team), never
Django's "Staff status" flag, which nobody here is given by hand (issue 15, point 9: an interviewer
without it was left off panels and refused the bank). Joining the ``admin`` group sets the flag,
since the admin site needs it (``accounts/staff.py``); the other roles have no business there.

On API rows the staff roles and ``prac`` call with a key of their own holding every scope (the API
has no other way in; a signed-in session without a key is refused, see the last test).

A "hiring manager with a shared link" (read-only, expiring shortlist link) is issue 17's: a column then.

URL parameters are team A's objects. POST bodies that would run expensive work (generating an
assessment or an interview from the whole bank, grading a pasted answer) are invalid on purpose:
callers who pass the access checks get the app's own refusal of the input (a 400 on the API, a
redirect with a message on the pages), which still shows that the access checks let them through.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from mlinterview.web.accounts.models import Membership, Team
from mlinterview.web.accounts.teams import add_member
from mlinterview.web.api.models import ApiToken
from mlinterview.web.api.scopes import ALL_SCOPES
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services
from mlinterview.web.interviews import models as im
from mlinterview.web.pool import services as pool_services
from mlinterview.web.pool import shortlists as pool_shortlists
from mlinterview.web.practice.models import PracticeAnswer, PracticeRun
from mlinterview.web.webhooks import models as wm
from tests.assessments.attempts import score_at, submitted_attempt
from tests.assessments.small_bank import import_small_bank

pytestmark = pytest.mark.django_db

ROLES = ("anon", "cand", "prac", "i_no", "i_yes", "rec_b", "rec_a", "hm_a", "key+", "key-", "admin")

# Outcomes: an HTTP status, or a redirect to a sign-in page.
L = "login"  # 302 to the site's /login/?next=...
AL = "admin-login"  # 302 to /admin/login/?next=...
RU = "redirect, unchanged"  # 302 elsewhere, refusing: the database stays as it was

SLUGS = ["type-1-vs-type-2-errors", "loss-function"]  # the two teams' assessments use these
FREE_SLUG = "support-vector-machine"  # in no assessment, so open for practice
FREE_EXERCISE = "standardize"  # a coding exercise in no assessment, so open for practice

# --- the table of pages -----------------------------------------------------------------------
# A row's label is the URL name, with " POST" for the second method of a page that has two, or a
# query string for a variant (the CSV export). Outcomes in the order of ROLES.

# fmt: off
#                               method     anon  cand  prac  i_no i_yes rec_b rec_a  hm_a  key+  key- admin
PAGES: dict[str, tuple[str, tuple[Any, ...]]] = {
    "home":                     ("GET",  (  200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200)),
    "login":                    ("GET",  (  200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200)),
    "logout":                   ("POST", (  302,  302,  302,  302,  302,  302,  302,  302,  302,  302,  302)),
    "signup":                   ("GET",  (  200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200)),
    "two-factor":               ("GET",  (    L,    L,  403,  200,  200,  200,  200,  200,    L,    L,  200)),
    "two-factor-qr":            ("GET",  (    L,    L,  404,  200,  200,  200,  200,  200,    L,    L,  200)),
    "password_reset":           ("GET",  (  200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200)),
    "password_reset_done":      ("GET",  (  200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200)),
    # The emailed link (of a user who is none of the roles) works for whoever holds it.
    "password_reset_confirm":   ("GET",  (  302,  302,  302,  302,  302,  302,  302,  302,  302,  302,  302)),
    "password_reset_complete":  ("GET",  (  200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200)),
    # Candidate routes: only the live link opens them, whoever is signed in.
    "take-done":                ("GET",  (  200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200)),
    "take-landing":             ("GET",  (  403,  302,  403,  403,  403,  403,  403,  403,  403,  403,  403)),
    "take-start":               ("POST", (  403,  302,  403,  403,  403,  403,  403,  403,  403,  403,  403)),
    "take-item":                ("GET",  (  403,  200,  403,  403,  403,  403,  403,  403,  403,  403,  403)),
    "take-save":                ("POST", (  403,  200,  403,  403,  403,  403,  403,  403,  403,  403,  403)),
    # The page's report of pastes, leaving the tab and typing (issue 16, point 2).
    "take-activity":            ("POST", (  403,  200,  403,  403,  403,  403,  403,  403,  403,  403,  403)),
    # The item is a written question: the link is accepted, the run refused as not an exercise.
    "take-run":                 ("POST", (  403,  409,  403,  403,  403,  403,  403,  403,  403,  403,  403)),
    "take-run-status":          ("GET",  (  403,  200,  403,  403,  403,  403,  403,  403,  403,  403,  403)),
    "take-submit":              ("GET",  (  403,  200,  403,  403,  403,  403,  403,  403,  403,  403,  403)),
    "take-submit POST":         ("POST", (  403,  200,  403,  403,  403,  403,  403,  403,  403,  403,  403)),
    # The optional self-identification form (issue 16, point 4): the live link opens it. No
    # categories are set up here, so a POST saves nothing and goes back to the form.
    "self-identification":      ("GET",  (  403,  200,  403,  403,  403,  403,  403,  403,  403,  403,  403)),
    "self-identification POST": ("POST", (  403,  302,  403,  403,  403,  403,  403,  403,  403,  403,  403)),
    # Staff: building assessments (recruiters of the team, administrators); the team's hiring
    # manager may read the list and an assessment, not change them.
    "assessment-list":          ("GET",  (    L,    L,  403,  403,  403,  200,  200,  200,    L,    L,  200)),
    "assessment-list POST":     ("POST", (    L,    L,  403,  403,  403,  302,  302,  403,    L,    L,  302)),
    "assessment-detail":        ("GET",  (    L,    L,  403,  403,  403,  404,  200,  200,    L,    L,  200)),
    "assessment-preview":       ("GET",  (    L,    L,  403,  403,  403,  404,  200,  200,    L,    L,  200)),
    # The question page's "Add to assessment", into team A's draft.
    "assessment-add-question":  ("POST", (    L,    L,  403,  403,  403,  404,  302,  403,    L,    L,  302)),
    # Retiring a leaked question (issue 16, point 3) changes every team's builder: administrators only.
    "bank-retire":              ("POST", (    L,    L,  403,  403,  403,  403,  403,  403,    L,    L,  302)),
    "item-add":                 ("POST", (    L,    L,  403,  403,  403,  404,  302,  403,    L,    L,  302)),
    "item-remove":              ("POST", (    L,    L,  403,  403,  403,  404,  302,  403,    L,    L,  302)),
    "item-move":                ("POST", (    L,    L,  403,  403,  403,  404,  302,  403,    L,    L,  302)),
    "assessment-generate":      ("POST", (    L,    L,  403,  403,  403,  404,  302,  403,    L,    L,  302)),
    "assessment-settings":      ("POST", (    L,    L,  403,  403,  403,  404,  302,  403,    L,    L,  302)),
    "assessment-publish":       ("POST", (    L,    L,  403,  403,  403,  404,  302,  403,    L,    L,  302)),
    "assessment-invite":        ("POST", (    L,    L,  403,  403,  403,  404,  302,  403,    L,    L,  302)),
    "invitation-settings":      ("POST", (    L,    L,  403,  403,  403,  404,  302,  403,    L,    L,  302)),
    "invitation-resend":        ("POST", (    L,    L,  403,  403,  403,  404,  302,  403,    L,    L,  302)),
    "invitation-revoke":        ("POST", (    L,    L,  403,  403,  403,  404,  302,  403,    L,    L,  302)),
    # Development only (no SMTP server): the mail kept instead of sent, of one's own assessments.
    "outbox":                   ("GET",  (    L,    L,  403,  403,  403,  200,  200,  403,    L,    L,  200)),
    # Staff: results (the team's leads, assigned reviewers, administrators).
    "jobs":                     ("GET",  (    L,    L,  403,  200,  200,  200,  200,  200,    L,    L,  200)),
    "jobs POST":                ("POST", (    L,    L,  403,  404,  302,  404,  302,  302,    L,    L,  302)),
    # Retry every failed job: those of the scores one may open, and only those.
    "jobs POST all":            ("POST", (    L,    L,  403,   RU,  302,  302,  302,  302,    L,    L,  302)),
    "shortlist":                ("GET",  (    L,    L,  403,  404,  200,  404,  200,  200,    L,    L,  200)),
    "shortlist ?format=csv":    ("GET",  (    L,    L,  403,  404,  200,  404,  200,  200,    L,    L,  200)),
    # Two of team A's candidates side by side (issue 15, point 5): as the shortlist.
    "shortlist-compare":        ("GET",  (    L,    L,  403,  404,  200,  404,  200,  200,    L,    L,  200)),
    "attempt-review":           ("GET",  (    L,    L,  403,  404,  200,  404,  200,  200,    L,    L,  200)),
    "attempt-commit":           ("POST", (    L,    L,  403,  404,  302,  404,  302,  302,    L,    L,  302)),
    "attempt-report":           ("GET",  (    L,    L,  403,  404,  200,  404,  200,  200,    L,    L,  200)),
    # The confirmation page, then the confirmed deletion (a POST without confirm=delete deletes nothing).
    "candidate-delete GET":     ("GET",  (    L,    L,  403,  403,  403,  404,  200,  403,    L,    L,  200)),
    "candidate-delete":         ("POST", (    L,    L,  403,  403,  403,  404,  302,  403,    L,    L,  302)),
    # Changing a score is its own permission: an assigned interviewer may read, not change.
    "score-override":           ("POST", (    L,    L,  403,  404,  403,  404,  302,  403,    L,    L,  302)),
    "score-retry":              ("POST", (    L,    L,  403,  404,  302,  404,  302,  302,    L,    L,  302)),
    # Live interviews. A lead of the team who is not on the panel is sent to the debrief.
    "interview-list":           ("GET",  (    L,    L,  403,  200,  200,  200,  200,  200,    L,    L,  200)),
    "interview-list POST":      ("POST", (    L,    L,  403,  302,  302,  302,  302,  302,    L,    L,  302)),
    "interview-detail":         ("GET",  (    L,    L,  403,  404,  200,  404,  302,  302,    L,    L,  302)),
    "interview-detail POST":    ("POST", (    L,    L,  403,  404,  302,  404,   RU,   RU,    L,    L,   RU)),
    "interview-debrief":        ("GET",  (    L,    L,  403,  404,  200,  404,  200,  200,    L,    L,  200)),
    # Only the rating's own interviewer asks for an advisory score on it.
    "interview-advisory":       ("POST", (    L,    L,  403,  404,  302,  404,  404,  404,    L,    L,  404)),
    # Adding a question to the kit by hand: the panel, while no scorecard is submitted (i_yes's is).
    "interview-add-question":   ("POST", (    L,    L,  403,  404,   RU,  404,  403,  403,    L,    L,  403)),
    "calibration":              ("GET",  (    L,    L,  403,  403,  403,  200,  200,  200,    L,    L,  200)),
    # Practice: anyone signed in.
    "practice-home":            ("GET",  (    L,    L,  200,  200,  200,  200,  200,  200,    L,    L,  200)),
    "practice-progress":        ("GET",  (    L,    L,  200,  200,  200,  200,  200,  200,    L,    L,  200)),
    "practice-anki":            ("GET",  (    L,    L,  200,  200,  200,  200,  200,  200,    L,    L,  200)),
    "practice-question":        ("GET",  (    L,    L,  200,  200,  200,  200,  200,  200,    L,    L,  200)),
    # A kept answer's feedback: only to the person who answered (the answer is the practice user's).
    "practice-answer":          ("GET",  (    L,    L,  200,  404,  404,  404,  404,  404,    L,    L,  404)),
    # Coding practice: any signed-in person, on an exercise in no live assessment; a run's status
    # only to the person who asked for it (the run is the practice user's).
    "practice-coding":          ("GET",  (    L,    L,  200,  200,  200,  200,  200,  200,    L,    L,  200)),
    "practice-code":            ("GET",  (    L,    L,  200,  200,  200,  200,  200,  200,    L,    L,  200)),
    "practice-code-save":       ("POST", (    L,    L,  302,  302,  302,  302,  302,  302,    L,    L,  302)),
    "practice-code-run-new":    ("POST", (    L,    L,  202,  202,  202,  202,  202,  202,    L,    L,  202)),
    "practice-code-run":        ("GET",  (    L,    L,  200,  404,  404,  404,  404,  404,    L,    L,  404)),
    # The bank's reference answers: staff only (MLINTERVIEW_PUBLIC_BANK is off).
    "question-list":            ("GET",  (    L,    L,  403,  200,  200,  200,  200,  200,    L,    L,  200)),
    "question-detail":          ("GET",  (    L,    L,  403,  200,  200,  200,  200,  200,    L,    L,  200)),
    "coverage":                 ("GET",  (    L,    L,  403,  200,  200,  200,  200,  200,    L,    L,  200)),
    "role-profile":             ("GET",  (  200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200)),
    # API keys: each staff member their own.
    "api-keys":                 ("GET",  (    L,    L,  403,  200,  200,  200,  200,  200,    L,    L,  200)),
    "api-keys POST":            ("POST", (    L,    L,  403,  200,  200,  200,  200,  200,    L,    L,  200)),
    "api-key-revoke":           ("POST", (    L,    L,  403,  404,  404,  404,  302,  404,    L,    L,  404)),
    # The API's documentation and schema: signed-in staff (MLINTERVIEW_PUBLIC_API_DOCS is off).
    "api:openapi-json":         ("GET",  (    L,    L,  403,  200,  200,  200,  200,  200,    L,    L,  200)),
    "api:openapi-view":         ("GET",  (    L,    L,  403,  200,  200,  200,  200,  200,    L,    L,  200)),
    "api:api-root":             ("GET",  (  404,  404,  404,  404,  404,  404,  404,  404,  404,  404,  404)),
    # The adverse-impact report (issue 16, point 4): the fairness auditor role only, which none
    # of these roles holds, administrators included (tests/fairness/test_web_report.py lets one in).
    "fairness-home":            ("GET",  (    L,    L,  403,  403,  403,  403,  403,  403,    L,    L,  403)),
    "fairness-report":          ("GET",  (    L,    L,  403,  403,  403,  403,  403,  403,    L,    L,  403)),
    "fairness-report ?format=csv": ("GET", (  L,    L,  403,  403,  403,  403,  403,  403,    L,    L,  403)),
    "fairness-report ?format=pdf": ("GET", (  L,    L,  403,  403,  403,  403,  403,  403,    L,    L,  403)),
    # Outgoing webhooks (issue 17, point 3): administrators only, since the events cover every team.
    "webhooks":                 ("GET",  (    L,    L,  403,  403,  403,  403,  403,  403,    L,    L,  200)),
    "webhooks POST":            ("POST", (    L,    L,  403,  403,  403,  403,  403,  403,    L,    L,  200)),
    "webhook-detail":           ("GET",  (    L,    L,  403,  403,  403,  403,  403,  403,    L,    L,  200)),
    "webhook-toggle":           ("POST", (    L,    L,  403,  403,  403,  403,  403,  403,    L,    L,  302)),
    "webhook-delivery":         ("GET",  (    L,    L,  403,  403,  403,  403,  403,  403,    L,    L,  200)),
    "webhook-replay":           ("POST", (    L,    L,  403,  403,  403,  403,  403,  403,    L,    L,  302)),
    # The Greenhouse Assessment Partner endpoints (issue 17, point 3) take a team's Greenhouse
    # key only (tests/greenhouse): no role here holds one, so every request is unauthenticated.
    "greenhouse-list-tests":    ("GET",  (  401,  401,  401,  401,  401,  401,  401,  401,  401,  401,  401)),
    "greenhouse-send-test":     ("POST", (  401,  401,  401,  401,  401,  401,  401,  401,  401,  401,  401)),
    "greenhouse-test-status":   ("GET",  (  401,  401,  401,  401,  401,  401,  401,  401,  401,  401,  401)),
    "greenhouse-response-error": ("POST", (401,  401,  401,  401,  401,  401,  401,  401,  401,  401,  401)),
    # The talent pool (issue 17, point 1). Candidates sign in with a one-time link mailed to them
    # (none of these roles has a pool session, so its pages send everyone to ask for a link; the
    # link here is a guessed one, gone for all). Profiles are for recruiters and administrators.
    "pool-signin":              ("GET",  (  200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200)),
    "pool-signin POST":         ("POST", (  200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200)),
    "pool-link":                ("GET",  (  200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200)),
    "pool-link POST":           ("POST", (  410,  410,  410,  410,  410,  410,  410,  410,  410,  410,  410)),
    "pool-signout":             ("POST", (  302,  302,  302,  302,  302,  302,  302,  302,  302,  302,  302)),
    "pool-me":                  ("GET",  (  302,  302,  302,  302,  302,  302,  302,  302,  302,  302,  302)),
    "pool-opt-in":              ("GET",  (  302,  302,  302,  302,  302,  302,  302,  302,  302,  302,  302)),
    "pool-edit":                ("GET",  (  302,  302,  302,  302,  302,  302,  302,  302,  302,  302,  302)),
    "pool-withdraw":            ("GET",  (  302,  302,  302,  302,  302,  302,  302,  302,  302,  302,  302)),
    "pool-profile":             ("GET",  (    L,    L,  403,  403,  403,  200,  200,  403,    L,    L,  200)),
    "pool-reveal":              ("POST", (    L,    L,  403,  403,  403,  302,  302,  403,    L,    L,  302)),
    # Search, shortlists (the organisation's, like the profiles) and invitations from a result
    # (issue 17, point 2): recruiters and administrators. A shared link is read-only for anyone
    # holding it, signed in or not (here team A's live link).
    "pool-search":              ("GET",  (    L,    L,  403,  403,  403,  200,  200,  403,    L,    L,  200)),
    "pool-add-to-shortlist":    ("POST", (    L,    L,  403,  403,  403,  302,  302,  403,    L,    L,  302)),
    "pool-invite":              ("POST", (    L,    L,  403,  403,  403,  302,  302,  403,    L,    L,  302)),
    "pool-shortlists":          ("GET",  (    L,    L,  403,  403,  403,  200,  200,  403,    L,    L,  200)),
    "pool-shortlists POST":     ("POST", (    L,    L,  403,  403,  403,  302,  302,  403,    L,    L,  302)),
    "pool-shortlist":           ("GET",  (    L,    L,  403,  403,  403,  200,  200,  403,    L,    L,  200)),
    "pool-shortlist-share":     ("POST", (    L,    L,  403,  403,  403,  200,  200,  403,    L,    L,  200)),
    "pool-share-revoke":        ("POST", (    L,    L,  403,  403,  403,  302,  302,  403,    L,    L,  302)),
    "pool-shortlist-remove":    ("POST", (    L,    L,  403,  403,  403,  302,  302,  403,    L,    L,  302)),
    "pool-shortlist-pdf":       ("GET",  (    L,    L,  403,  403,  403,  200,  200,  403,    L,    L,  200)),
    "pool-shared":              ("GET",  (  200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200)),
    # The admin site: its index is for administrators (the admin group sets the Staff flag it
    # needs); every other admin page is Django's own business.
    "admin:index":              ("GET",  (   AL,   AL,   AL,   AL,   AL,   AL,   AL,   AL,   AL,   AL,  200)),
}
# fmt: on

# --- the table of API operations ---------------------------------------------------------------
# "METHOD path" as in the schema: (scope, outcomes in the order of ROLES).

# fmt: off
#       scope                              anon  cand  prac  i_no i_yes rec_b rec_a  hm_a  key+  key- admin
API: dict[str, tuple[str, tuple[int, ...]]] = {
    "GET /api/assessments":
        ("assessments:read",             (  401,  401,  401,  403,  403,  200,  200,  200,  200,  403,  200)),
    "POST /api/assessments":
        ("assessments:write",            (  401,  401,  401,  403,  403,  201,  201,  403,  201,  403,  201)),
    "GET /api/assessments/{assessment_id}":
        ("assessments:read",             (  401,  401,  401,  403,  403,  404,  200,  200,  200,  403,  200)),
    "PUT /api/assessments/{assessment_id}/items":
        ("assessments:write",            (  401,  401,  401,  403,  403,  404,  200,  403,  200,  403,  200)),
    # The body asks for an unknown level: 400 for those let through.
    "POST /api/assessments/{assessment_id}/generate":
        ("assessments:write",            (  401,  401,  401,  403,  403,  404,  400,  403,  400,  403,  400)),
    # Team A's latest version is published already: 400 for those let through.
    "POST /api/assessments/{assessment_id}/publish":
        ("assessments:write",            (  401,  401,  401,  403,  403,  404,  400,  403,  400,  403,  400)),
    # The invitation list (names, e-mails) is the recruiters' pipeline, not a hiring manager's.
    "GET /api/assessments/{assessment_id}/invitations":
        ("invitations:read",             (  401,  401,  401,  403,  403,  404,  200,  403,  200,  403,  200)),
    "POST /api/assessments/{assessment_id}/invitations":
        ("invitations:write",            (  401,  401,  401,  403,  403,  404,  201,  403,  201,  403,  201)),
    "GET /api/assessments/{assessment_id}/shortlist":
        ("results:read",                 (  401,  401,  401,  404,  200,  404,  200,  200,  200,  403,  200)),
    "GET /api/attempts/{attempt_id}":
        ("results:read",                 (  401,  401,  401,  404,  200,  404,  200,  200,  200,  403,  200)),
    "POST /api/attempts/{attempt_id}/commit":
        ("results:review",               (  401,  401,  401,  404,  200,  404,  200,  200,  200,  403,  200)),
    "POST /api/scores/{score_id}/override":
        ("scores:override",              (  401,  401,  401,  404,  403,  404,  201,  403,  201,  403,  201)),
    "POST /api/scores/{score_id}/retry":
        ("scores:override",              (  401,  401,  401,  404,  200,  404,  200,  200,  200,  403,  200)),
    "DELETE /api/candidates/{candidate_id}":
        ("candidates:delete",            (  401,  401,  401,  403,  403,  404,  204,  403,  204,  403,  204)),
    # The talent pool (issue 17): as its pages, recruiters of any team and administrators.
    "GET /api/pool/search":
        ("pool:read",                    (  401,  401,  401,  403,  403,  200,  200,  403,  200,  403,  200)),
    "GET /api/pool/profiles/{profile_id}":
        ("pool:read",                    (  401,  401,  401,  403,  403,  200,  200,  403,  200,  403,  200)),
    "GET /api/pool/shortlists/{shortlist_id}":
        ("pool:read",                    (  401,  401,  401,  403,  403,  200,  200,  403,  200,  403,  200)),
}
# fmt: on

# --- what the lists show -----------------------------------------------------------------------
# For a list, the teams whose rows a role must see; every other team's rows must be absent. A
# role not named sees no team's rows. Every other response must not show team B's rows (its
# parameters are team A's objects); what kind of marker must be present is named per list.

LISTS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "assessment-list": (("title", "link"), {"rec_b": "B", "rec_a": "A", "hm_a": "A", "admin": "AB"}),
    "jobs": (
        ("title", "alias", "link"),
        {"i_yes": "A", "rec_b": "B", "rec_a": "A", "hm_a": "A", "admin": "AB"},
    ),
    # The interviews whose panel one sits on.
    "interview-list": (("interview",), {"i_yes": "A"}),
    # Panel calibration over the interviews the viewer may open.
    "calibration": (("panelist",), {"rec_b": "B", "rec_a": "A", "hm_a": "A", "admin": "AB"}),
    "shortlist": (("alias",), {"i_yes": "A", "rec_a": "A", "hm_a": "A", "admin": "A"}),
    "shortlist ?format=csv": (("alias",), {"i_yes": "A", "rec_a": "A", "hm_a": "A", "admin": "A"}),
    "shortlist-compare": (("alias",), {"i_yes": "A", "rec_a": "A", "hm_a": "A", "admin": "A"}),
    "candidate-delete GET": (("alias",), {"rec_a": "A", "admin": "A"}),
    "interview-debrief": (("panelist",), {"i_yes": "A", "rec_a": "A", "hm_a": "A", "admin": "A"}),
    # Each one's own keys only: team A's recruiter's keys are shown to nobody else.
    "api-keys": (("key",), {"rec_b": "B", "rec_a": "A"}),
    "api-keys POST": (("key",), {"rec_b": "B", "rec_a": "A"}),
}

# Other lists on a page, of other kinds than its rows: ((kind, {role: teams shown}), ...).
SECOND_LISTS: dict[str, tuple[tuple[str, dict[str, str]], ...]] = {
    "interview-list": (
        # The interview form's panel choices: the reviewers of one's own teams (every team's for an
        # administrator).
        ("panelist", {"i_no": "A", "i_yes": "A", "rec_b": "B", "rec_a": "A", "hm_a": "A", "admin": "AB"}),
        # The candidates an interview may be linked to: those of the assessments one may open.
        ("name", {"i_yes": "A", "rec_b": "B", "rec_a": "A", "hm_a": "A", "admin": "AB"}),
    ),
}

# For API lists: which teams' ids the list holds, exactly.
API_LISTS: dict[str, dict[str, str]] = {
    "GET /api/assessments": {"rec_b": "B", "rec_a": "A", "hm_a": "A", "key+": "A", "admin": "AB"},
    "GET /api/assessments/{assessment_id}/invitations": {"rec_a": "A", "key+": "A", "admin": "A"},
    "GET /api/assessments/{assessment_id}/shortlist": {
        "i_yes": "A",
        "rec_a": "A",
        "hm_a": "A",
        "key+": "A",
        "admin": "A",
    },
}

# The rows whose request, made by a role let through, changes the database (so the check that a
# refused one changes nothing is known to look at the right state).
CHANGES = {
    "webhooks POST",
    "webhook-toggle",
    "webhook-replay",
    "take-save",
    "take-activity",
    "take-submit POST",
    "practice-code-save",
    "practice-code-run-new",
    "assessment-list POST",
    "item-add",
    "assessment-add-question",
    "bank-retire",
    "item-remove",
    "item-move",
    "assessment-generate",  # a published assessment gets a new draft before the level is refused
    "assessment-settings",
    "assessment-invite",
    "invitation-settings",
    "invitation-resend",
    "invitation-revoke",
    "jobs POST",
    "jobs POST all",
    "attempt-commit",
    "candidate-delete",
    "score-override",
    "score-retry",
    "pool-reveal",
    "pool-add-to-shortlist",
    "pool-shortlists POST",
    "pool-shortlist-share",
    "pool-share-revoke",
    "pool-shortlist-remove",
    "api-keys POST",
    "api-key-revoke",
    "POST /api/assessments",
    "PUT /api/assessments/{assessment_id}/items",
    "POST /api/assessments/{assessment_id}/invitations",
    "POST /api/attempts/{attempt_id}/commit",
    "POST /api/scores/{score_id}/override",
    "POST /api/scores/{score_id}/retry",
    "DELETE /api/candidates/{candidate_id}",
}

# Postconditions of cells that are let through but must not reach another team's objects.


def _team_a_failed_job_untouched(w: World) -> bool:
    return m.Score.objects.get(pk=w.objects["failed_score"].pk).status == m.Score.Status.FAILED


def _team_b_failed_job_untouched(w: World) -> bool:
    return m.Score.objects.get(pk=w.objects["failed_score_b"].pk).status == m.Score.Status.FAILED


AFTER: dict[tuple[str, str], Callable[[World], bool]] = {
    ("jobs POST all", "i_yes"): _team_b_failed_job_untouched,
    ("jobs POST all", "rec_a"): _team_b_failed_job_untouched,
    ("jobs POST all", "hm_a"): _team_b_failed_job_untouched,
    ("jobs POST all", "rec_b"): _team_a_failed_job_untouched,
}

# Cells where the application disagrees with the table today: (row, role) -> what is wrong. Each
# is a strict xfail, so the suite stays green and the cell fails loudly once it is fixed.
KNOWN: dict[tuple[str, str], str] = {}


# --- the routes the application has ------------------------------------------------------------


def _walk(resolver: URLResolver, namespace: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += _walk(entry, inner)
        else:
            found.append((f"{namespace}{entry.name or ''}", entry))
    return found


def _is_api_operation(pattern: URLPattern) -> bool:
    """A django-ninja operation (its view is made in ``ninja.operation``); the docs, schema and
    root views of the API are ordinary routes with rows in PAGES."""
    return getattr(pattern.callback, "__module__", "") == "ninja.operation"


def django_routes() -> tuple[set[str], set[str]]:
    """(names of the site's routes, paths of django-ninja's operation routes as the schema writes them)."""
    pages, operations = set(), set()
    for name, pattern in _walk(get_resolver()):
        if name.startswith("admin:") and name != "admin:index":
            # The admin site's own pages (changelists, add/change/delete, login, password change,
            # app lists, the catch-all): their permission checks are Django's, per model. Its
            # login gating is checked by the admin:index row.
            continue
        if _is_api_operation(pattern):
            route = "/api/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))
            operations.add(route)
            continue
        assert name, f"an unnamed route {pattern.pattern!r} outside the admin: give it a name and a row"
        pages.add(name)
    # Static files are served by WhiteNoise's middleware, not by a route, so none appear here.
    return pages, operations


def schema_operations() -> dict[str, dict[str, Any]]:
    from mlinterview.web.api.api import api

    schema = api.get_openapi_schema()
    return {
        f"{method.upper()} {path}": op for path, ops in schema["paths"].items() for method, op in ops.items()
    }


def test_every_route_has_a_row_and_every_row_a_route():
    pages, operation_paths = django_routes()
    rows = {label.split(" ")[0] for label in PAGES}
    assert sorted(pages - rows) == [], "routes without a row in PAGES"
    assert sorted(rows - pages) == [], "rows in PAGES whose route no longer exists"
    operations = schema_operations()
    assert sorted(set(operations) - set(API)) == [], "API operations without a row in API"
    assert sorted(set(API) - set(operations)) == [], "rows in API whose operation no longer exists"
    # Every django-ninja route is in the schema (none hidden with include_in_schema=False).
    assert operation_paths == {key.split(" ", 1)[1] for key in operations}


def test_each_operation_names_the_scope_in_the_table():
    operations = schema_operations()
    assert {key: op.get("x-scope") for key, op in operations.items()} == {
        key: row[0] for key, row in API.items()
    }


# --- the world: two teams, each with an assessment, attempts and an interview ------------------

TEAM_MARKERS = {
    # kind -> (team A's, team B's); aliases are added once the candidates exist.
    "title": ("Alpha Screen Q7", "Bravo Screen K4"),
    "name": ("Alice Alphacand", "Bert Bravocand"),
    "interview": ("Ines Alphaview", "Igor Bravoview"),
    "panelist": ("Pat Alphapanel", "Bianca Bravopanel"),
    "key": ("Alpha matrix key", "Bravo matrix key"),
}
ALWAYS_ABSENT = ("title", "name", "alias", "interview", "key", "link")  # never shown for another team


@dataclass
class World:
    users: dict[str, Any]
    keys: dict[str, str]  # role -> a key of their own with every scope
    only: dict[str, str]  # scope -> a key of rec_a with that scope alone
    all_but: dict[str, str]  # scope -> a key of rec_a with every other scope
    no_scope_key: str
    token: str  # the candidate's live link
    sessions: dict[str, str]  # role -> the session key of a sign-in made once for the module
    objects: dict[str, Any]
    markers: dict[str, tuple[str, str]]
    ids: dict[str, dict[str, set[int]]]  # list kind -> team -> ids


def _user(name: str, group: str | None, display: str = ""):
    """An account with a role as the product gives one: a group, no Staff flag ticked by hand."""
    user = get_user_model().objects.create_user(name, password="pw-for-tests-only", display_name=display)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def _published(title: str, owner) -> m.AssessmentVersion:
    assessment = services.create_assessment(title, owner, time_limit_minutes=30)
    version = assessment.latest
    services.set_items(version, [services.ItemSpec("question", s) for s in SLUGS], owner)
    services.publish(version, owner)
    return version


def _failed(attempt: m.Attempt) -> m.Score:
    score = score_at(attempt, 1)
    m.Score.objects.filter(pk=score.pk).update(status=m.Score.Status.FAILED, tries=3, error="worker lost")
    return score


def _interview(name: str, team: Team, creator, panel: list, ratings: list[list[int]]) -> im.Interview:
    from mlinterview.web.questions.models import Question

    interview = im.Interview.objects.create(
        candidate_name=name, level="mid", minutes=45, created_by=creator, team=team
    )
    items = [
        im.InterviewQuestion.objects.create(
            interview=interview, question_version=Question.objects.get(slug=slug).current_version, position=n
        )
        for n, slug in enumerate(SLUGS)
    ]
    interview.panel.set(panel)
    for member, values in zip(panel, ratings, strict=True):
        card = im.Scorecard.objects.create(
            interview=interview,
            interviewer=member,
            recommendation="yes",
            reason="Clear answers.",
            submitted_at=timezone.now(),
        )
        for item, value in zip(items, values, strict=True):
            im.Rating.objects.create(scorecard=card, item=item, value=value, notes="")
    return interview


def build_world() -> World:
    import_small_bank([*SLUGS, FREE_SLUG])
    team_a, team_b = Team.objects.create(name="Matrix team A"), Team.objects.create(name="Matrix team B")
    users = {
        "prac": _user("prac", None),
        "i_no": _user("i_no", "interviewer"),
        "i_yes": _user("i_yes", "interviewer", display="Ivy Alphapanel"),
        "rec_b": _user("rec_b", "recruiter"),
        "rec_a": _user("rec_a", "recruiter"),
        "admin": _user("admin_user", "admin"),
        # No hiring-manager group exists (roles.py, the migrations): the interviewer group, and
        # the team role HIRING_MANAGER in team A below.
        "hm_a": _user("hm_a", "interviewer"),
    }
    pat = _user("pat", "interviewer", display="Pat Alphapanel")
    bianca = _user("bianca", "interviewer", display="Bianca Bravopanel")
    bruno = _user("bruno", "interviewer", display="Bruno Bravopanel")
    add_member(team_a, users["rec_a"], Membership.Role.RECRUITER)
    add_member(team_b, users["rec_b"], Membership.Role.RECRUITER)
    add_member(team_a, users["hm_a"], Membership.Role.HIRING_MANAGER)
    for member in (users["i_no"], users["i_yes"], pat):
        add_member(team_a, member, Membership.Role.INTERVIEWER)
    for member in (bianca, bruno):
        add_member(team_b, member, Membership.Role.INTERVIEWER)

    version_a = _published(TEAM_MARKERS["title"][0], users["rec_a"])
    version_b = _published(TEAM_MARKERS["title"][1], users["rec_b"])
    a, b = version_a.assessment, version_b.assessment
    assert (a.team, b.team) == (team_a, team_b)
    services.assign_reviewers(a, [users["i_yes"]], users["rec_a"])
    # A draft of team A, for the question page's "Add to assessment" (drafts only).
    draft_a = services.create_assessment("Alpha draft in the making", users["rec_a"], time_limit_minutes=30)

    alice = submitted_attempt(
        version_a, users["rec_a"], "Alice Alphacand", "alice@alpha.example", [0.6, None]
    )
    alma = submitted_attempt(
        version_a, users["rec_a"], "Alma Alphasecond", "alma@alpha.example", [0.4, 0.5]
    )  # a second candidate of team A, to compare with Alice
    bert = submitted_attempt(version_b, users["rec_b"], "Bert Bravocand", "bert@bravo.example", [0.9, None])
    failed_a, failed_b = _failed(alice), _failed(bert)
    amos, _ = services.invite(version_a, "Amos Alphainvite", "amos@alpha.example", users["rec_a"])
    anna, token = services.invite(version_a, "Anna Alphaprogress", "anna@alpha.example", users["rec_a"])
    in_progress = services.start_attempt(anna)
    first_item = version_a.items.order_by("position").first()
    run = m.TrialRun.objects.create(attempt=in_progress, item=first_item, source="print('hi')")

    interview_a = _interview(
        TEAM_MARKERS["interview"][0], team_a, users["rec_a"], [users["i_yes"], pat], [[3, 2], [2, 4]]
    )
    _interview(TEAM_MARKERS["interview"][1], team_b, users["rec_b"], [bianca, bruno], [[4, 1], [1, 3]])
    rating = im.Rating.objects.filter(
        scorecard__interview=interview_a, scorecard__interviewer=users["i_yes"]
    ).first()

    keys = {}
    for role in ("prac", "i_no", "i_yes", "rec_b", "rec_a", "hm_a", "admin"):
        team_name = {"rec_a": "Alpha", "rec_b": "Bravo"}.get(role, role)
        keys[role] = ApiToken.issue(users[role], f"{team_name} matrix key, every scope")[1]
    only = {s: ApiToken.issue(users["rec_a"], f"Alpha matrix key, {s} only", [s])[1] for s in ALL_SCOPES}
    all_but = {
        s: ApiToken.issue(
            users["rec_a"], f"Alpha matrix key, all but {s}", [x for x in ALL_SCOPES if x != s]
        )[1]
        for s in ALL_SCOPES
    }
    no_scope_key = ApiToken.issue(users["rec_a"], "Alpha matrix key, no scope", [])[1]
    revocable = ApiToken.issue(users["rec_a"], "Alpha matrix key to revoke", ["results:read"])[0]
    reset_user = _user("forgetful", None)
    webhook = wm.Endpoint.objects.create(
        url="https://8.8.8.8/matrix", secret="whsec_m", events=["attempt.submitted"]
    )

    markers = dict(TEAM_MARKERS)
    markers["alias"] = (alice.invitation.candidate.alias, bert.invitation.candidate.alias)
    markers["link"] = (f"/assessments/{a.pk}/", f"/assessments/{b.pk}/")
    ids = {
        "assessments": {"A": {a.pk, draft_a.pk}, "B": {b.pk}},
        "candidates": {
            "A": {i.candidate_id for i in (alice.invitation, alma.invitation, amos, anna)},
            "B": {bert.invitation.candidate_id},
        },
        "attempts": {"A": {alice.pk, alma.pk}, "B": {bert.pk}},
    }
    objects = {
        "assessment": a,
        "draft": draft_a,
        "attempt": alice,
        "second_attempt": alma,
        "invitation": amos,  # invited, not started: it may be resent and revoked
        "done_score": score_at(alice, 0),
        "failed_score": failed_a,
        "failed_score_b": failed_b,
        "candidate": alice.invitation.candidate,
        "item": first_item,
        "run": run,
        "practice_answer": PracticeAnswer.objects.create(
            user=users["prac"],
            slug=FREE_SLUG,
            content="Typed by the matrix test.",
            score=2.0,
            feedback={"score": 2.0, "confidence": 0.5, "feedback": "Half of it.", "key_points": []},
            answered_at=timezone.now(),
        ),
        "practice_run": PracticeRun.objects.create(
            user=users["prac"], slug=FREE_EXERCISE, kind=PracticeRun.Kind.EXAMPLES, source="# mine"
        ),
        "interview": interview_a,
        "rating": rating,
        "revocable": revocable,
        "reset_user": reset_user,
        "webhook": webhook,
        "webhook_delivery": wm.Delivery.objects.create(
            endpoint=webhook,
            event=wm.Event.objects.create(name="attempt.submitted", payload={"attempt_id": 1}),
            next_attempt_at=timezone.now(),
            status=wm.Delivery.Status.DELIVERED,
        ),
        # Alice opted in to the talent pool (her levels wait for a committed review).
        "pool_profile": pool_services.opt_in("alice@alpha.example", True, pool_services.ProfileInput()),
    }
    objects["pool_shortlist"] = pool_shortlists.create("Matrix shortlist", users["rec_a"])
    pool_shortlists.add(objects["pool_shortlist"], objects["pool_profile"], users["rec_a"])
    objects["pool_share"], objects["pool_share_token"] = pool_shortlists.share(
        objects["pool_shortlist"], users["rec_a"]
    )
    sessions = {}
    for role, user in users.items():
        client = Client()
        client.force_login(user)
        sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return World(users, keys, only, all_but, no_scope_key, token, sessions, objects, markers, ids)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at the end; each test
    runs in a savepoint within it (pytest-django's per-test transaction), so a test's changes
    never reach the next one."""
    with django_db_blocker.unblock():
        block = transaction.atomic()
        block.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            block.__exit__(None, None, None)


# --- requests ----------------------------------------------------------------------------------

GUESSED_TOKEN = secrets.token_urlsafe(32)  # a link no invitation has


def _page_request(label: str, w: World, role: str) -> tuple[str, dict[str, Any], str | None]:
    """(URL, POST data, content type) for a row: its parameters are team A's objects."""
    route, _, variant = label.partition(" ")
    o = w.objects
    a, attempt = o["assessment"].pk, o["attempt"].pk
    token = w.token if role == "cand" else GUESSED_TOKEN
    kwargs: dict[str, Callable[[], dict[str, Any]]] = {
        "password_reset_confirm": lambda: {
            "uidb64": urlsafe_base64_encode(force_bytes(o["reset_user"].pk)),
            "token": default_token_generator.make_token(o["reset_user"]),
        },
        "take-landing": lambda: {"token": token},
        "take-start": lambda: {"token": token},
        "take-item": lambda: {"token": token, "position": 0},
        "take-save": lambda: {"token": token},
        "take-activity": lambda: {"token": token},
        "take-run": lambda: {"token": token},
        "take-run-status": lambda: {"token": token, "run_id": o["run"].pk},
        "take-submit": lambda: {"token": token},
        "self-identification": lambda: {"token": token},
        "fairness-report": lambda: {"pk": a},
        "webhook-detail": lambda: {"pk": o["webhook"].pk},
        "webhook-toggle": lambda: {"pk": o["webhook"].pk},
        "webhook-delivery": lambda: {"pk": o["webhook_delivery"].pk},
        "webhook-replay": lambda: {"pk": o["webhook_delivery"].pk},
        "pool-link": lambda: {"token": GUESSED_TOKEN},
        "pool-profile": lambda: {"pk": o["pool_profile"].pk},
        "pool-reveal": lambda: {"pk": o["pool_profile"].pk},
        "pool-add-to-shortlist": lambda: {"pk": o["pool_profile"].pk},
        "pool-invite": lambda: {"pk": o["pool_profile"].pk},
        "pool-shortlist": lambda: {"pk": o["pool_shortlist"].pk},
        "pool-shortlist-share": lambda: {"pk": o["pool_shortlist"].pk},
        "pool-share-revoke": lambda: {"pk": o["pool_shortlist"].pk, "link": o["pool_share"].pk},
        "pool-shortlist-remove": lambda: {"pk": o["pool_shortlist"].pk, "profile": o["pool_profile"].pk},
        "pool-shortlist-pdf": lambda: {"pk": o["pool_shortlist"].pk},
        "pool-shared": lambda: {"token": o["pool_share_token"]},
        "assessment-detail": lambda: {"pk": a},
        "assessment-preview": lambda: {"pk": a},
        "item-add": lambda: {"pk": a},
        "item-remove": lambda: {"pk": a, "position": 0},
        "item-move": lambda: {"pk": a, "position": 0, "offset": 1},
        "assessment-generate": lambda: {"pk": a},
        "assessment-settings": lambda: {"pk": a},
        "assessment-publish": lambda: {"pk": a},
        "assessment-invite": lambda: {"pk": a},
        "invitation-settings": lambda: {"pk": a},
        "invitation-resend": lambda: {"pk": a, "invitation_id": o["invitation"].pk},
        "invitation-revoke": lambda: {"pk": a, "invitation_id": o["invitation"].pk},
        "shortlist": lambda: {"pk": a},
        "shortlist-compare": lambda: {"pk": a},
        "attempt-review": lambda: {"pk": a, "attempt_id": attempt},
        "attempt-commit": lambda: {"pk": a, "attempt_id": attempt},
        "attempt-report": lambda: {"pk": a, "attempt_id": attempt},
        "candidate-delete": lambda: {"pk": a, "attempt_id": attempt},
        "score-override": lambda: {"pk": a, "attempt_id": attempt, "score_id": o["done_score"].pk},
        "score-retry": lambda: {"pk": a, "attempt_id": attempt, "score_id": o["failed_score"].pk},
        "interview-detail": lambda: {"pk": o["interview"].pk},
        "interview-debrief": lambda: {"pk": o["interview"].pk},
        "interview-advisory": lambda: {"pk": o["interview"].pk, "rating_id": o["rating"].pk},
        "interview-add-question": lambda: {"pk": o["interview"].pk},
        "practice-question": lambda: {"slug": FREE_SLUG},
        "practice-answer": lambda: {"answer_id": o["practice_answer"].pk},
        "practice-code": lambda: {"slug": FREE_EXERCISE},
        "practice-code-save": lambda: {"slug": FREE_EXERCISE},
        "practice-code-run-new": lambda: {"slug": FREE_EXERCISE},
        "practice-code-run": lambda: {"run_id": o["practice_run"].pk},
        "question-detail": lambda: {"slug": SLUGS[0]},
        "api-key-revoke": lambda: {"key_id": o["revocable"].pk},
    }
    url = reverse(route, kwargs=kwargs[route]() if route in kwargs else None)
    if variant.startswith("?"):
        url += variant
    if route == "shortlist-compare":
        url += f"?attempt={attempt}&attempt={o['second_attempt'].pk}"
    json_body = {"item": o["item"].pk, "content": "Typed by the matrix test."}
    data: dict[str, Any] = {
        "take-save": json_body,
        "take-run": json_body,
        "take-activity": {"item": o["item"].pk, "away": [{"event": "left"}]},
        "assessment-list POST": {"title": "Matrix-made assessment", "minutes": "30"},
        "webhooks POST": {"url": "https://8.8.8.8/matrix-made", "events": ["attempt.scored"]},
        "webhook-toggle": {"active": "0"},
        "item-add": {"kind": "question", "slug": FREE_SLUG},
        "assessment-add-question": {"assessment": str(o["draft"].pk), "slug": FREE_SLUG},
        "bank-retire": {"kind": "question", "slug": FREE_SLUG, "reason": "Leaked, says the matrix test"},
        "assessment-generate": {"level": "no-such-level", "minutes": "30"},
        "assessment-settings": {"minutes": "40", "instructions": "Changed by the matrix test."},
        "assessment-invite": {"name": "Matrix Invitee", "email": "invitee@alpha.example"},
        "invitation-settings": {"link_valid_days": "5", "reminder_hours": "12"},
        "jobs POST": {"score": str(o["failed_score"].pk)},
        "jobs POST all": {"score": "all"},
        "score-override": {"value": "5", "reason": "Changed by the matrix test."},
        "pool-reveal": {"reason": "Revealed by the matrix test."},
        "pool-add-to-shortlist": {"name": "Matrix-made shortlist"},
        "pool-invite": {"assessment": str(o["assessment"].pk)},
        "pool-shortlists POST": {"name": "Matrix-made shortlist"},
        "pool-shortlist-share": {"days": "7"},
        "candidate-delete": {"confirm": "delete"},
        "interview-list POST": {"candidate": "", "level": "mid", "minutes": "45"},
        "interview-detail POST": {f"rating-{o['rating'].item_id}": "1", "action": "save"},
        "interview-advisory": {"answer": ""},
        "interview-add-question": {"slug": FREE_SLUG},
        "api-keys POST": {"name": "Matrix-made key", "scopes": ["results:read"], "expires_in_days": "30"},
        "practice-code-save": {"content": "# typed by the matrix test"},
        "practice-code-run-new": {"content": "def standardize(X):\n    return X\n", "kind": "examples"},
    }.get(label, {})
    json_routes = ("take-save", "take-run", "take-activity", "practice-code-run-new")
    content_type = "application/json" if route in json_routes else None
    return url, data, content_type


def _page_client(w: World, role: str) -> tuple[Client, dict[str, str]]:
    client = Client()
    if role in w.sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = w.sessions[role]
    headers = {}
    if role == "key+":
        headers["HTTP_AUTHORIZATION"] = f"Bearer {w.only['results:read']}"
    elif role == "key-":
        headers["HTTP_AUTHORIZATION"] = f"Bearer {w.no_scope_key}"
    return client, headers


def _api_headers(w: World, role: str, scope: str) -> dict[str, str]:
    key = {
        "anon": None,
        "cand": w.token,
        "key+": w.only[scope],
        "key-": w.all_but[scope],
    }.get(role, w.keys.get(role))
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {}


def _api_request(key: str, w: World) -> tuple[str, str, Any]:
    method, path = key.split(" ", 1)
    o = w.objects
    url = path.format(
        assessment_id=o["assessment"].pk,
        attempt_id=o["attempt"].pk,
        candidate_id=o["candidate"].pk,
        profile_id=o["pool_profile"].pk,
        shortlist_id=o["pool_shortlist"].pk,
        score_id=(o["failed_score"] if path.endswith("/retry") else o["done_score"]).pk,
    )
    body = {
        "POST /api/assessments": {"title": "Matrix-made assessment", "time_limit_minutes": 30},
        "PUT /api/assessments/{assessment_id}/items": [{"kind": "question", "slug": FREE_SLUG}],
        "POST /api/assessments/{assessment_id}/generate": {"level": "no-such-level"},
        "POST /api/assessments/{assessment_id}/invitations": {
            "name": "Matrix Invitee",
            "email": "invitee@alpha.example",
        },
        "POST /api/scores/{score_id}/override": {"value": 0.05, "reason": "Changed by the matrix test."},
    }.get(key)
    return method, url, body


# --- checks ------------------------------------------------------------------------------------

# The state a refused request must leave alone: the apps that hold teams, users and their groups,
# assessments, attempts and scores, interviews, practice, API keys, two-factor devices and queued
# jobs (the question bank's tables are written only by an import). Sessions and sign-in records are
# not in it, nor a key's last use (stamped once the key and its scope are accepted, before the
# operation's own checks).
WATCHED_APPS = {
    "webhooks",
    "accounts",
    "assessments",
    "interviews",
    "practice",
    "fairness",
    "greenhouse",
    "pool",
    "api",
    "auth",
    "otp_totp",
    "django_tasks_database",
}
IGNORED_MODELS = {"auth.permission"}
IGNORED_FIELDS = {"api.apitoken": {"last_used_at"}, "accounts.user": {"last_login"}}


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    state = {}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if model._meta.app_label not in WATCHED_APPS or label in IGNORED_MODELS:
            continue
        fields = [
            f.attname for f in model._meta.concrete_fields if f.attname not in IGNORED_FIELDS.get(label, ())
        ]
        state[label] = list(model.objects.order_by("pk").values_list(*fields))
    return state


def _assert_outcome(response, expected: Any) -> None:
    status, location = response.status_code, response.get("Location", "")
    if expected == L:
        assert (status, location.split("?")[0]) == (302, reverse("login")), (status, location)
    elif expected == AL:
        assert (status, location.split("?")[0]) == (302, reverse("admin:login")), (status, location)
    elif expected in (302, RU):
        assert status == 302 and not location.startswith((reverse("login"), reverse("admin:login"))), (
            status,
            location,
        )
    else:
        assert status == expected, (status, location, response.content[:300])


def _assert_rows(
    body: str, w: World, visible: str, must_show: tuple[str, ...], checked: tuple[str, ...]
) -> None:
    for index, team in enumerate("AB"):
        for kind in checked:
            marker = w.markers[kind][index]
            present = re.search(re.escape(marker) + r"(?!\d)", body) is not None
            if team not in visible:
                assert not present, f"team {team}'s {kind} {marker!r} is shown"
            elif kind in must_show:
                assert present, f"team {team}'s {kind} {marker!r} is missing"


def _cells(table: dict[str, Any]) -> list[Any]:
    cells = []
    for label in table:
        for role in ROLES:
            marks = []
            if (label, role) in KNOWN:
                marks.append(pytest.mark.xfail(strict=True, reason=KNOWN[(label, role)]))
            cells.append(pytest.param(label, role, marks=marks, id=f"{label}|{role}"))
    return cells


REFUSED = {L, AL, RU, 401, 403, 404, 405}


def _check_state(label: str, expected: Any, before: Any) -> None:
    if expected in REFUSED:
        assert snapshot() == before, "a refused request changed the database"
    elif label in CHANGES:
        assert snapshot() != before, "an allowed request changed nothing"


@pytest.mark.parametrize(("label", "role"), _cells(PAGES))
def test_page(world, label, role):
    method, outcomes = PAGES[label]
    expected = outcomes[ROLES.index(role)]
    client, headers = _page_client(world, role)
    url, data, content_type = _page_request(label, world, role)
    before = snapshot() if method == "POST" and (expected in REFUSED or label in CHANGES) else None
    if method == "GET":
        response = client.get(url, **headers)
    elif content_type == "application/json":
        response = client.post(url, json.dumps(data), content_type=content_type, **headers)
    else:
        response = client.post(url, data, **headers)
    _assert_outcome(response, expected)
    if before is not None:
        _check_state(label, expected, before)
    if (label, role) in AFTER:
        assert AFTER[(label, role)](world), f"{label} by {role} reached another team's objects"
    if response.status_code == 200 and not response.get("Content-Type", "").startswith("application/pdf"):
        must_show, visible = LISTS.get(label, ((), {}))
        others = SECOND_LISTS.get(label, ())
        checked = tuple(k for k in ALWAYS_ABSENT + must_show if k not in {kind for kind, _ in others})
        default = "" if label in LISTS else "A"
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        _assert_rows(text, world, visible.get(role, default), must_show, checked)
        for kind, shown in others:
            _assert_rows(text, world, shown.get(role, ""), (kind,), (kind,))


@pytest.mark.parametrize(("label", "role"), _cells(API))
def test_api(world, label, role):
    scope, outcomes = API[label]
    expected = outcomes[ROLES.index(role)]
    method, url, body = _api_request(label, world)
    client = Client()
    headers = _api_headers(world, role, scope)
    before = snapshot() if method != "GET" and (expected in REFUSED or label in CHANGES) else None
    call = getattr(client, method.lower())
    if body is None:
        response = call(url, **headers)
    else:
        response = call(url, json.dumps(body), content_type="application/json", **headers)
    _assert_outcome(response, expected)
    if before is not None:
        _check_state(label, expected, before)
    text = response.content.decode()
    if response.status_code in (200, 201):
        visible = API_LISTS[label].get(role, "") if label in API_LISTS else "A"
        _assert_rows(text, world, visible, (), ALWAYS_ABSENT)  # no rows of a team not visible
    if label in API_LISTS and response.status_code == 200:
        kind, field = {
            "GET /api/assessments": ("assessments", "id"),
            "GET /api/assessments/{assessment_id}/invitations": ("candidates", "candidate_id"),
            "GET /api/assessments/{assessment_id}/shortlist": ("attempts", "attempt_id"),
        }[label]
        teams = API_LISTS[label].get(role, "")
        wanted = set().union(*(world.ids[kind][t] for t in teams)) if teams else set()
        assert {row[field] for row in response.json()} == wanted


def test_a_signed_in_session_without_a_key_cannot_call_the_api(world):
    """The API takes keys only: a recruiter's browser session (cookie, no key) is refused."""
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions["rec_a"]
    assert client.get(reverse("assessment-list")).status_code == 200  # the session is signed in
    before = snapshot()
    for key in API:
        method, url, body = _api_request(key, world)
        call = getattr(client, method.lower())
        response = call(url) if body is None else call(url, json.dumps(body), content_type="application/json")
        assert response.status_code == 401, key
    assert snapshot() == before


# --- the header's links --------------------------------------------------------------------------
# What each role's header offers (issue 15, point 9), typed by hand: the pages of the table above
# that answer 200 to the role and belong in a menu, with the sign-in and sign-up links of those
# signed out. The candidate and the key roles have no session: they see what anyone signed out sees.

_STAFF_LINKS = ("interview-list", "question-list", "coverage", "role-profile", "api-keys")
_LEAD_LINKS = ("assessment-list", *_STAFF_LINKS)
_SIGNED_OUT = ("role-profile", "signup", "login")  # with sign-up open, as in these tests
NAV: dict[str, tuple[str, ...]] = {
    "anon": _SIGNED_OUT,
    "cand": _SIGNED_OUT,
    "prac": ("practice-home", "role-profile"),
    "i_no": _STAFF_LINKS,
    "i_yes": _STAFF_LINKS,
    "rec_b": _LEAD_LINKS,
    "rec_a": _LEAD_LINKS,
    "hm_a": _LEAD_LINKS,
    "key+": _SIGNED_OUT,
    "key-": _SIGNED_OUT,
    "admin": (*_LEAD_LINKS, "webhooks", "admin:index"),
}


def _header_links(html: str) -> list[str]:
    nav = html.split('<nav aria-label="Main">', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="([^"]+)"', nav)


@pytest.mark.parametrize("role", ROLES)
def test_every_header_link_shown_to_a_role_opens_for_it(world, role):
    """The header (``mlinterview/web/navigation.py``) offers each role exactly its links, and
    every one of them opens with 200 for that role; the "not found" page has the same header."""
    client, headers = _page_client(world, role)
    for page in (reverse("home"), "/no-such-page/"):
        links = _header_links(client.get(page, **headers).content.decode())
        names = [":".join(filter(None, (m.namespace, m.url_name))) for m in map(resolve, links)]
        assert sorted(names) == sorted(NAV[role]), page
        for name, link in zip(names, links, strict=True):
            assert PAGES[name][1][ROLES.index(role)] == 200, f"the table refuses {name} to {role}"
            assert client.get(link, **headers).status_code == 200, link
