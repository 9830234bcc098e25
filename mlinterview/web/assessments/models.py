"""Assessments, invitations, attempts, answers, scores and the audit trail.

The rules that act on these rows live in the ``services`` package and background work in ``jobs``;
views and the API only call them.
Design notes:

- An ``Assessment`` is edited as a draft ``AssessmentVersion``; publishing freezes that version
  (it is never edited again). Editing a published assessment starts a new draft version.
- An ``Invitation`` holds only the SHA-256 of the candidate's token, so the database never
  contains a usable link. The token is an HMAC of the invitation and a random nonce under a key
  derived from the server's secret key (like Django's password-reset tokens), so the worker that
  mails it and the reminder job can rebuild the link; a new nonce (resend) makes the old link fail.
- An ``InvitationMail`` is one message to a candidate (the invitation or a reminder) and what
  became of it: queued, sent to the mail server, kept by a development backend, or failed.
- Autosaves that change an answer are kept as ``AnswerRevision`` rows, one per window of a few
  seconds holding that window's latest text; older intermediate revisions are thinned when an
  answer reaches its caps, and the answer's current text is never dropped.
- A ``Score`` is one grader's automatic, advisory result with its evidence and the grader's name
  and version. An answer has one primary score (its kind's primary grader: it ranks and makes the
  totals) and may have second opinions from other graders beside it. ``Override`` rows keep every
  human change of the primary score with its reason, and the newest one wins.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from mlinterview.web.accounts import roles
from mlinterview.web.accounts.models import Team
from mlinterview.web.questions.models import QuestionVersion


class Assessment(models.Model):
    title = models.CharField(max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Who may see it (assessments/access.py): the owning team's recruiters and hiring managers,
    # its owner, the reviewers assigned to it, and administrators.
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="assessments"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_assessments",
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="assigned_assessments",
        help_text="Interviewers assigned to review this assessment's attempts.",
    )
    link_valid_days = models.PositiveSmallIntegerField(
        default=14, help_text="How many days a new or resent invitation link works."
    )
    reminder_hours = models.PositiveSmallIntegerField(
        default=48,
        help_text="Remind those who have not started this many hours before their link expires (0: never).",
    )

    class Meta:
        ordering = ["-created_at"]
        permissions = [
            (roles.MANAGE_ASSESSMENTS, "Build and publish assessments, invite candidates"),
            (roles.REVIEW_ATTEMPTS, "Review attempts"),
            (roles.OVERRIDE_SCORES, "Override automatic scores"),
            (roles.ALL_TEAMS_CODENAME, "See and act on every team's assessments and interviews"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def latest(self) -> AssessmentVersion | None:
        return self.versions.order_by("-number").first()

    @property
    def published(self) -> AssessmentVersion | None:
        return self.versions.filter(published_at__isnull=False).order_by("-number").first()


class AssessmentVersion(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    time_limit_minutes = models.PositiveIntegerField(default=45)
    instructions = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assessment", "number"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "number"], name="unique_assessment_version")
        ]

    def __str__(self) -> str:
        state = "published" if self.is_published else "draft"
        return f"{self.assessment.title} v{self.number} ({state})"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class AssessmentItem(models.Model):
    class Kind(models.TextChoices):
        QUESTION = "question", "Written question"
        EXERCISE = "exercise", "Coding exercise"

    version = models.ForeignKey(AssessmentVersion, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    question_version = models.ForeignKey(
        QuestionVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    exercise_slug = models.SlugField(max_length=80, blank=True)
    exercise_hash = models.CharField(max_length=64, blank=True)
    weight = models.FloatField(default=1.0)

    class Meta:
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "position"], name="unique_item_position")]

    def __str__(self) -> str:
        return f"{self.position}: {self.slug}"

    @property
    def slug(self) -> str:
        if self.kind == self.Kind.QUESTION and self.question_version is not None:
            return self.question_version.question.slug
        return self.exercise_slug


class Candidate(models.Model):
    name = models.CharField(max_length=200)
    email = models.EmailField()
    created_at = models.DateTimeField(auto_now_add=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name if not self.anonymised_at else f"Deleted candidate #{self.pk}"

    @property
    def alias(self) -> str:
        """The name reviewers see before they have committed their scores."""
        return f"Candidate #{self.pk:04d}"


class Invitation(models.Model):
    class Status(models.TextChoices):
        CREATED = "created", "Created"
        REVOKED = "revoked", "Revoked"
        SENT = "sent", "Sent"
        OPENED = "opened", "Opened"
        STARTED = "started", "Started"
        SUBMITTED = "submitted", "Submitted"

    version = models.ForeignKey(AssessmentVersion, on_delete=models.PROTECT, related_name="invitations")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    # The random part of the current link's token (see the module's notes); a new one revokes the old link.
    link_nonce = models.CharField(max_length=64, blank=True, default="")
    expires_at = models.DateTimeField()
    extra_time_minutes = models.PositiveIntegerField(
        default=0, help_text="Accommodation: minutes added to the time limit."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # Set once when the reminder job takes this invitation (it never reminds twice for one link).
    reminder_queued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["version", "candidate"], name="one_invitation_per_version")
        ]

    @property
    def delivery(self) -> InvitationMail | None:
        """The latest message sent (or meant to be sent) for this invitation."""
        return self.mails.order_by("-created_at", "-pk").first()

    @property
    def status(self) -> str:
        for name, at in (
            (self.Status.SUBMITTED, self.submitted_at),
            (self.Status.REVOKED, self.revoked_at),
            (self.Status.STARTED, self.started_at),
            (self.Status.OPENED, self.opened_at),
            (self.Status.SENT, self.sent_at),
        ):
            if at is not None:
                return name
        return self.Status.CREATED

    @property
    def expired(self) -> bool:
        return timezone.now() >= self.expires_at


class InvitationMail(models.Model):
    """One message to a candidate and what became of it (the recruiter's page and the
    development outbox show these). The body is never stored: it holds the candidate's link."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", "Invitation"
        REMINDER = "reminder", "Reminder"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        HELD = "held", "Not sent (development)"
        FAILED = "failed", "Failed"

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="mails")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    to = models.EmailField()
    subject = models.CharField(max_length=300, blank=True)
    # Where the message went: the SMTP server, or the development backend that kept it.
    delivered_to = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True)
    # The site address the link starts with (taken from the request that asked for the mail).
    base_url = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class Attempt(models.Model):
    invitation = models.OneToOneField(Invitation, on_delete=models.CASCADE, related_name="attempt")
    started_at = models.DateTimeField()
    deadline = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    auto_submitted = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0, help_text="The item the candidate is on.")
    # The autosave rate limit's state (services/save_limits.py): when the whole burst of saves
    # is available again; None before the first save.
    save_allowance_full_at = models.DateTimeField(null=True, blank=True)

    @property
    def is_open(self) -> bool:
        return self.submitted_at is None


class Answer(models.Model):
    MAX_CHARS = 20_000

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(AssessmentItem, on_delete=models.PROTECT, related_name="answers")
    content = models.TextField(blank=True)
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    # When the candidate's page first showed this item (or a save of it arrived): the item has
    # then been served, which the builder's exposure counts (services/exposure.py).
    shown_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["attempt", "item__position"]
        constraints = [models.UniqueConstraint(fields=["attempt", "item"], name="one_answer_per_item")]

    @property
    def score(self) -> Score | None:
        """The primary score (the one that ranks and makes totals), or None before submission.

        Read from ``prefetch_related("scores")`` when the caller prefetched it.
        """
        return next((s for s in self.scores.all() if s.primary), None)

    @property
    def second_opinions(self) -> list[Score]:
        """Other graders' scores of this answer: shown beside the primary one, never ranked."""
        return sorted((s for s in self.scores.all() if not s.primary), key=lambda s: s.grader)


class AnswerRevision(models.Model):
    """The latest text of one window of a few seconds (services/revisions.py): ``saved_at`` is
    when the window opened, ``revision`` the answer's revision number of the text it holds."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="revisions")
    revision = models.PositiveIntegerField()
    content = models.TextField(blank=True)
    saved_at = models.DateTimeField(auto_now_add=True)
    size = models.PositiveIntegerField(default=0, help_text="Bytes of the content in UTF-8.")

    class Meta:
        ordering = ["answer", "revision"]
        constraints = [models.UniqueConstraint(fields=["answer", "revision"], name="unique_answer_revision")]


class Score(models.Model):
    """One grader's automatic (advisory) score of an answer, normalised to 0..1, with its evidence.

    The primary row (at most one per answer) is the one that ranks and that an override replaces;
    other rows are second opinions. ``grader`` names the grader that graded the row (or, while it
    waits, the one asked to); ``grader_version`` is filled when it has graded.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="scores")
    grader = models.CharField(max_length=100)
    grader_version = models.CharField(max_length=200, blank=True)
    primary = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    auto_value = models.FloatField(null=True, blank=True)
    evidence = models.JSONField(default=dict, blank=True)
    tries = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    scored_at = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(
        null=True, blank=True, help_text="Work not finished by then is re-queued by the reconciler."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "grader"], name="one_score_per_grader"),
            models.UniqueConstraint(
                fields=["answer"], condition=models.Q(primary=True), name="one_primary_score_per_answer"
            ),
        ]

    @property
    def latest_override(self) -> Override | None:
        return self.overrides.order_by("-created_at", "-id").first()

    @property
    def value(self) -> float | None:
        override = self.latest_override
        return override.value if override is not None else self.auto_value


class TrialRun(models.Model):
    """A candidate's "run on the examples" request: judged on the public examples by a worker.

    Trial runs go through the queue like final judging, so untrusted code never runs in a web
    process and a burst of runs waits its turn instead of slowing every page.
    """

    # A background job like a score: waiting, running, done or failed.
    Status = Score.Status

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="trial_runs")
    item = models.ForeignKey(AssessmentItem, on_delete=models.CASCADE, related_name="+")
    source = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    # A candidate waits for a trial run; one no worker has finished in this long is given up on
    # (the page stops waiting; the code itself is saved anyway).
    PATIENCE = timedelta(seconds=90)

    class Meta:
        ordering = ["-created_at", "-id"]

    def waited_too_long(self, now: datetime) -> bool:
        return now - self.created_at > self.PATIENCE


class AttemptActivity(models.Model):
    """How the candidate's page was used, for the whole attempt (issue 16, point 2): how often
    the page was left (another tab or window) and for how long in total. Context for reviewers,
    disclosed on the landing page; it never changes a score (services/activity.py).

    ``away_since`` is the server's time when the page said it was left and has not yet said it
    is back; ``allowance_full_at`` is the state of the reports' rate limit (as the autosave's)."""

    attempt = models.OneToOneField(Attempt, on_delete=models.CASCADE, related_name="activity")
    times_away = models.PositiveIntegerField(default=0)
    seconds_away = models.FloatField(default=0.0)
    away_since = models.DateTimeField(null=True, blank=True)
    reports = models.PositiveIntegerField(default=0, help_text="Reports from the page stored.")
    last_report_at = models.DateTimeField(null=True, blank=True)
    allowance_full_at = models.DateTimeField(null=True, blank=True)


class AnswerActivity(models.Model):
    """How one answer came to be (issue 16, point 2): pastes into it (sizes and times, never what
    was pasted beyond the answer itself), and a summary of its input events. Context only."""

    MAX_LOGGED_PASTES = 50  # pastes listed one by one; the counts go on beyond

    answer = models.OneToOneField(Answer, on_delete=models.CASCADE, related_name="activity")
    pastes = models.PositiveIntegerField(default=0)
    pasted_chars = models.PositiveIntegerField(default=0)
    largest_paste = models.PositiveIntegerField(default=0)
    paste_log = models.JSONField(default=list, blank=True, help_text='[{"at": ISO time, "chars": n}]')
    input_events = models.PositiveIntegerField(default=0)
    typed_chars = models.PositiveIntegerField(default=0, help_text="Added a few characters at a time.")
    inserted_chars = models.PositiveIntegerField(
        default=0, help_text="Added by pastes, drops and other insertions of many characters at once."
    )
    largest_insertion = models.PositiveIntegerField(default=0, help_text="Most added by one input event.")
    active_seconds = models.FloatField(default=0.0, help_text="Time between input events under 5 s apart.")


class RetiredExercise(models.Model):
    """A coding exercise an administrator retired as leaked (services/exposure.py): it leaves the
    builder's list, new assessments and the generator; versions already published keep it.
    Questions have their own ``retired`` flag (questions/models.py); exercises live in files."""

    slug = models.SlugField(max_length=80, unique=True)
    reason = models.TextField()
    retired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    retired_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.slug


class Override(models.Model):
    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="overrides")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    value = models.FloatField()
    reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class ReviewCommit(models.Model):
    """A reviewer has committed their scores for an attempt; only then is the name shown."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="review_commits")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    committed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "reviewer"], name="one_commit_per_reviewer")
        ]


class AuditEvent(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=60)
    target = models.CharField(max_length=200)
    details = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
