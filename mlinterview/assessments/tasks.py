"""Background tasks (Django Tasks API): the app never depends on which backend runs them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django_tasks import task

from mlinterview.assessments import services


@task(queue_name="scoring")
def score_answer_task(score_id: int) -> str:
    return services.run_scoring(score_id)


@task(queue_name="trials")
def trial_run_task(run_id: int) -> str:
    return services.run_trial(run_id)


def enqueue(
    job: Any, *args: Any, queue_name: str | None = None, priority: int = 0, run_after: datetime | None = None
) -> None:
    """Queue ``job`` with the options its backend supports.

    Priorities order the database worker's single table the way RQ's separate queues are
    ordered (see TASK_QUEUES); RQ has no per-job priority and refuses one, so it is left out
    there. A delay the backend cannot honour is dropped: the job then runs at once, which is
    what a retry with no backoff would do.
    """
    backend = job.get_backend()
    options: dict[str, Any] = {}
    if queue_name is not None:
        options["queue_name"] = queue_name
    if priority and backend.supports_priority:
        options["priority"] = priority
    if run_after is not None and backend.supports_defer:
        options["run_after"] = run_after
    (job.using(**options) if options else job).enqueue(*args)
