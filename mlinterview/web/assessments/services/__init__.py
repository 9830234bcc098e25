"""The rules of assessments, one module per concern: building, invitations, attempts, review and
generation. Views, the REST API, the CLI and tests call ``services.<name>``; this package re-exports
every public name (with the job functions staff pages and tests reach through it), so each rule
(published versions are frozen, tokens are single use, answers are capped, nothing is lost, every
human change is audited) is enforced in one place whatever the entry point.

May import: the assessments' models, errors, audit, exercise adapter and jobs (to queue work), the
questions app and the pure cores (bank); never views, the API or other web apps above."""

from mlinterview.web.assessments.audit import audit
from mlinterview.web.assessments.errors import AssessmentError, InvalidToken
from mlinterview.web.assessments.jobs.health import JobHealth, job_health, retry_all_failed, retry_score
from mlinterview.web.assessments.jobs.recovery import reconcile
from mlinterview.web.assessments.jobs.tasks import (
    MAX_SCORING_TRIES,
    TRIAL_RUN_UNAVAILABLE,
    run_scoring,
    run_trial,
    scoring_lease,
)
from mlinterview.web.assessments.services.attempts import (
    LATE_SAVE_GRACE,
    attempt_of,
    autosave,
    enforce_deadline,
    request_trial_run,
    seconds_left,
    start_attempt,
    submit,
    submit_overdue_attempts,
    trial_run_view,
)
from mlinterview.web.assessments.services.building import (
    ItemSpec,
    add_item,
    assign_reviewers,
    create_assessment,
    current_specs,
    editable_version,
    move_item,
    publish,
    question_versions_for,
    remove_item,
    set_items,
    update_settings,
)
from mlinterview.web.assessments.services.generation import Generated, generate_items, typed_seed
from mlinterview.web.assessments.services.invitations import (
    MAX_CSV_ROWS,
    CsvResult,
    NameConflict,
    hash_token,
    invite,
    invite_csv,
    link_token,
    queue_mail,
    resend_invitation,
    resolve_token,
    revoke_invitation,
    send_due_reminders,
    update_invitation_settings,
)
from mlinterview.web.assessments.services.review import (
    DeletionPlan,
    ShortlistRow,
    assessment_shortlist,
    commit_review,
    delete_candidate,
    deletion_plan,
    disagreements,
    item_group,
    may_see_identity,
    override_score,
    reviewable_attempts,
    reviewable_scores,
    shortlist,
)
from mlinterview.web.assessments.services.save_limits import SaveThrottled
from mlinterview.web.assessments.services.text import storable
from mlinterview.web.assessments.services.trial_limits import TrialRunRefused

__all__ = [
    "LATE_SAVE_GRACE",
    "MAX_CSV_ROWS",
    "MAX_SCORING_TRIES",
    "TRIAL_RUN_UNAVAILABLE",
    "AssessmentError",
    "CsvResult",
    "DeletionPlan",
    "InvalidToken",
    "SaveThrottled",
    "ItemSpec",
    "JobHealth",
    "ShortlistRow",
    "TrialRunRefused",
    "add_item",
    "assessment_shortlist",
    "assign_reviewers",
    "attempt_of",
    "audit",
    "autosave",
    "commit_review",
    "create_assessment",
    "current_specs",
    "delete_candidate",
    "deletion_plan",
    "disagreements",
    "editable_version",
    "enforce_deadline",
    "Generated",
    "generate_items",
    "typed_seed",
    "hash_token",
    "invite",
    "invite_csv",
    "item_group",
    "job_health",
    "NameConflict",
    "link_token",
    "queue_mail",
    "resend_invitation",
    "revoke_invitation",
    "send_due_reminders",
    "update_invitation_settings",
    "may_see_identity",
    "move_item",
    "override_score",
    "publish",
    "question_versions_for",
    "reconcile",
    "remove_item",
    "request_trial_run",
    "resolve_token",
    "retry_all_failed",
    "retry_score",
    "reviewable_attempts",
    "reviewable_scores",
    "run_scoring",
    "run_trial",
    "scoring_lease",
    "seconds_left",
    "set_items",
    "shortlist",
    "start_attempt",
    "storable",
    "submit",
    "submit_overdue_attempts",
    "trial_run_view",
    "update_settings",
]
