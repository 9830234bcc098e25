"""The task queues, in the order a worker serving several takes jobs, and queueing a job on one.

Imported by the settings (``web/config.py``), so this module imports nothing of Django's.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

# Candidates' trial runs first (someone is waiting, and each attempt has at most one in flight),
# then scoring (fast; a flood of submitted code must not starve it), then the final judging of
# submitted code. "default" is the Tasks API's own queue, which no task of the app uses.
TASK_QUEUES = ["trials", "scoring", "default", "judging"]


def enqueue(job: Any, *args: Any, run_after: datetime | None = None) -> None:
    """Queue ``job`` on its own queue with what its backend supports.

    RQ serves its queues in TASK_QUEUES order; the database worker keeps every queue in one
    table, so the same order is given to it as a job priority derived from that list (RQ has no
    per-job priority and refuses one, so it gets none). A delay the backend cannot honour is
    dropped: the job then runs at once, which is what a retry with no backoff would do.
    """
    backend = job.get_backend()
    queue = job.queue_name
    options: dict[str, Any] = {"queue_name": queue}
    if backend.supports_priority:
        options["priority"] = 10 * (len(TASK_QUEUES) - 1 - TASK_QUEUES.index(queue))
    if run_after is not None and backend.supports_defer:
        options["run_after"] = run_after
    job.using(**options).enqueue(*args)
