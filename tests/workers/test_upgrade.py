"""An existing install upgrades with jobs still queued, and the queued jobs finish.

The database is built from the migrations as they stood before the background jobs moved to
``mlinterview.web.assessments.jobs`` (``BEFORE``: the leaf migration of every app then), with
Django's MigrationExecutor, and filled through the historical models the way the code of that
time stored a submitted answer and its scoring job: the job's task path is the old one
(``mlinterview.assessments.tasks.score_answer_task``). Then the install upgrades as a real one
does (``mlinterview manage migrate``) and the real worker command runs what is queued.

The same for RQ, whose queued jobs live in Redis rather than in the database: a job stored under
the old path is moved to the current task when a worker starts.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest

from tests.e2e.conftest import App
from tests.workers.test_rq import Redis

pytestmark = pytest.mark.slow

OLD_SCORE_TASK = "mlinterview.assessments.tasks.score_answer_task"
NEW_SCORE_TASK = "mlinterview.web.assessments.jobs.tasks.score_answer_task"
ANSWER = (
    "A loss function measures how far a model's predictions are from the targets; training "
    "minimises it, for example cross-entropy for classification and squared error for regression."
)
# Every app's leaf migration before the task paths moved (assessments 0004 re-points them).
BEFORE = [
    ("accounts", "0001_initial"),
    ("admin", "0003_logentry_add_action_flag_choices"),
    ("api", "0001_initial"),
    ("assessments", "0003_trial_runs"),
    ("auth", "0012_alter_user_first_name_max_length"),
    ("contenttypes", "0002_remove_content_type_name"),
    ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ("interviews", "0001_initial"),
    ("practice", "0001_initial"),
    ("questions", "0001_initial"),
    ("sessions", "0001_initial"),
]

# Runs in the app's own process (``mlinterview manage shell -c``): the database at BEFORE, and a
# submitted answer with its scoring job queued, written with the models of that state.
OLD_INSTALL = """
import datetime
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from mlinterview.bank import load_bank
from mlinterview.web.questions.importer import content_hash, question_data

BEFORE = {before!r}
executor = MigrationExecutor(connection)
executor.migrate(BEFORE)
old = executor.loader.project_state(BEFORE).apps
model = old.get_model
now = timezone.now()

content = load_bank().questions["loss-function"]
data = question_data(content)
qset = model("questions", "QuestionSet").objects.create(slug=content.set, title=content.set, description="")
question = model("questions", "Question").objects.create(
    slug="loss-function", question_set=qset, title=content.title, level=content.level.value,
    tags=list(content.tags), minutes=content.minutes)
qversion = model("questions", "QuestionVersion").objects.create(
    question=question, number=1, content_hash=content_hash(data), data=data)
question.current_version = qversion
question.save()

rita = model("accounts", "User").objects.create(username="rita", password="!", is_staff=True)
assessment = model("assessments", "Assessment").objects.create(title="Before the upgrade", created_by=rita)
version = model("assessments", "AssessmentVersion").objects.create(
    assessment=assessment, number=1, time_limit_minutes=30, published_at=now - datetime.timedelta(hours=1))
item = model("assessments", "AssessmentItem").objects.create(
    version=version, position=0, kind="question", question_version=qversion, weight=1.0)
candidate = model("assessments", "Candidate").objects.create(name="Ola", email="ola@example.com")
invitation = model("assessments", "Invitation").objects.create(
    version=version, candidate=candidate, token_hash="0" * 64, expires_at=now + datetime.timedelta(days=14),
    started_at=now - datetime.timedelta(minutes=20), submitted_at=now)
attempt = model("assessments", "Attempt").objects.create(
    invitation=invitation, started_at=now - datetime.timedelta(minutes=20),
    deadline=now + datetime.timedelta(minutes=10), submitted_at=now)
answer = model("assessments", "Answer").objects.create(
    attempt=attempt, item=item, content={answer!r}, revision=1)
model("assessments", "AnswerRevision").objects.create(answer=answer, revision=1, content=answer.content)
# Submitting leased the score until its job was due (the default lease: ten minutes), so no
# reconciler queues it a second time: only the job queued below can score it.
score = model("assessments", "Score").objects.create(
    answer=answer, status="pending", lease_until=now + datetime.timedelta(minutes=10))
job = model("django_tasks_database", "DBTaskResult").objects.create(
    status="READY", task_path={old_task!r}, args_kwargs={{"args": [score.pk], "kwargs": {{}}}},
    priority=20, queue_name="scoring", backend_name="default",
    run_after=datetime.datetime(9999, 1, 1, tzinfo=datetime.timezone.utc),
    exception_class_path="", traceback="")
print(score.pk, job.pk)
"""


@pytest.fixture
def old_install(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = App(tmp_path_factory.mktemp("upgrade"))
    try:
        yield app
    finally:
        app.stop()
        app.drop_database()


def test_a_scoring_job_queued_before_the_upgrade_finishes_after_it(old_install: App) -> None:
    app = old_install
    script = OLD_INSTALL.format(before=BEFORE, answer=ANSWER, old_task=OLD_SCORE_TASK)
    score_id, job_id = app.cli("manage", "shell", "-c", script).stdout.split()[-2:]
    job_sql = "SELECT status, task_path FROM django_tasks_database_dbtaskresult WHERE id = ?"
    with app.db() as conn:
        assert conn.execute(job_sql, (_uuid(app, job_id),)).fetchone() == ("READY", OLD_SCORE_TASK)

    app.cli("manage", "migrate")  # the upgrade
    worker = app.cli("worker", "--batch")  # the real worker: recovery, then every queued job

    with app.db() as conn:
        job = conn.execute(job_sql, (_uuid(app, job_id),)).fetchone()
        assert job == ("SUCCESSFUL", NEW_SCORE_TASK), worker.stdout[-2000:] + worker.stderr[-2000:]
        status, value, tries = conn.execute(
            "SELECT status, auto_value, tries FROM assessments_score WHERE id = ?", (int(score_id),)
        ).fetchone()
        # Scored once, by the job queued before the upgrade (no job was queued anew).
        assert (status, tries) == ("done", 1) and 0.0 <= value <= 1.0
        assert conn.execute("SELECT COUNT(*) FROM django_tasks_database_dbtaskresult").fetchone()[0] == 1


def test_the_migration_and_the_rq_mover_send_every_former_path_to_the_same_task() -> None:
    from mlinterview.web.assessments.jobs import former, tasks
    from mlinterview.web.assessments.jobs.queues import TASK_QUEUES

    migration = importlib.import_module("mlinterview.web.assessments.migrations.0004_task_paths")
    assert migration.FORMER_MODULES == former.FORMER_MODULES
    for module in former.FORMER_MODULES:
        for name in ("score_answer_task", "trial_run_task"):
            for queue in TASK_QUEUES:
                task = former.current_task(f"{module}.{name}", queue)
                assert migration.current_path(f"{module}.{name}", queue) == task.module_path
    # Code queued for judging gets the judging task; everything else keeps its kind of task.
    assert former.current_task(OLD_SCORE_TASK, "judging") is tasks.judge_answer_task
    assert former.current_task(OLD_SCORE_TASK, "scoring") is tasks.score_answer_task
    assert former.current_task(NEW_SCORE_TASK, "scoring") is None  # already current
    # Going back restores the one scoring task of the code before.
    judge = tasks.judge_answer_task.module_path
    assert migration.previous_path(judge, "judging") == "mlinterview.web.assessments.tasks.score_answer_task"


def _uuid(app: App, printed: str) -> str:
    """The job id as the database holds it: SQLite stores a UUID as 32 hex digits."""
    return printed if app.pg_url else printed.replace("-", "")


# --- RQ --------------------------------------------------------------------------------------

SUBMITTED_WITH_AN_OLD_RQ_JOB = """
import datetime
import django_rq
from django.utils import timezone
from rq.job import Callback, JobStatus
from django_tasks_rq.backend import Job, failed_callback, success_callback
from mlinterview.web.accounts.models import User
from mlinterview.web.assessments import models as m
from mlinterview.web.assessments import services

rita = User.objects.create(username="rita", is_staff=True)
a = services.create_assessment("Before the upgrade", rita, 30)
services.set_items(a.latest, [services.ItemSpec("question", "loss-function")], rita)
services.publish(a.latest, rita)
attempt = services.start_attempt(services.invite(a.latest, "Ola", "ola@example.com", rita)[0])
services.autosave(attempt, attempt.answers.first().item_id, {answer!r})
services.submit(attempt)
score = m.Score.objects.get(answer__attempt=attempt)
m.Score.objects.filter(pk=score.pk).update(lease_until=timezone.now() + datetime.timedelta(minutes=10))
# Only the job as the code before the upgrade queued it: its task under the old path.
queue = django_rq.get_queue("scoring", job_class=Job)
queue.empty()
old = queue.create_job({old_task!r}, args=[score.pk], status=JobStatus.QUEUED,
    on_failure=Callback(failed_callback), on_success=Callback(success_callback),
    meta={{"backend_name": "default"}})
queue.enqueue_job(old)
print(score.pk, old.id)
"""


def test_an_rq_job_queued_under_the_old_task_path_is_moved_when_a_worker_starts(
    tmp_path_factory: pytest.TempPathFactory, redis: Redis
) -> None:
    app = App(tmp_path_factory.mktemp("upgrade-rq"))
    app.env.update({"MLINTERVIEW_TASK_BACKEND": "rq", "REDIS_URL": redis.url})
    try:
        app.cli("setup")
        script = SUBMITTED_WITH_AN_OLD_RQ_JOB.format(answer=ANSWER, old_task=OLD_SCORE_TASK)
        score_id, old_job = app.cli("manage", "shell", "-c", script).stdout.split()[-2:]
        worker = app.cli("worker", "--batch", "--queues", "scoring")
        with app.db() as conn:
            status, tries = conn.execute(
                "SELECT status, tries FROM assessments_score WHERE id = ?", (int(score_id),)
            ).fetchone()
        assert (status, tries) == ("done", 1), worker.stdout[-2000:] + worker.stderr[-2000:]
        assert "re-queued 1 job(s) stored under a former task path" in worker.stdout
        import redis as redis_py

        client = redis_py.Redis(unix_socket_path=str(redis.socket))
        assert not client.exists(f"rq:job:{old_job}")  # the old job is gone, not left to fail
    finally:
        app.stop()
        app.drop_database()
