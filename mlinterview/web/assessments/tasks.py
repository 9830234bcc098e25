"""Background tasks (Django Tasks API): the app never depends on which backend runs them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django_tasks import task

from mlinterview.web.assessments import services


@task(queue_name="scoring")
def score_answer_task(score_id: int) -> str:
    return services.run_scoring(score_id)


@task(queue_name="trials")
def trial_run_task(run_id: int) -> str:
    return services.run_trial(run_id)


def enqueue(job: Any, *args: Any, queue_name: str | None = None, run_after: datetime | None = None) -> None:
    """Queue ``job`` (on ``queue_name``, else the task's own queue) with what its backend supports.

    RQ serves its queues in TASK_QUEUES order; the database worker keeps every queue in one
    table, so the same order is given to it as a job priority derived from that list (RQ has no
    per-job priority and refuses one, so it gets none). A delay the backend cannot honour is
    dropped: the job then runs at once, which is what a retry with no backoff would do.
    """
    from mlinterview.web.config import TASK_QUEUES

    backend = job.get_backend()
    queue = queue_name or job.queue_name
    options: dict[str, Any] = {"queue_name": queue}
    if backend.supports_priority:
        options["priority"] = 10 * (len(TASK_QUEUES) - 1 - TASK_QUEUES.index(queue))
    if run_after is not None and backend.supports_defer:
        options["run_after"] = run_after
    job.using(**options).enqueue(*args)
