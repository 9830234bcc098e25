"""The task queues, in the order a worker serving several takes jobs, and queueing a job on one.

Imported by the settings (``web/config.py``), so this module imports nothing of Django's.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

# The queues in the order a worker serving several looks at them. Fair share (issue 14, finding 3:
# trial runs used to come first, so two candidates looping runs kept a worker from ever scoring):
# - "scoring" (written answers: fast, and finite, since it comes only from submitted attempts)
#   always comes first;
# - "trials" (a candidate's runs on the examples) and "judging" (submitted code on every test)
#   share what is left: neither can hold the worker while the other waits. On the database
#   backend they have one priority, so their jobs run in the order queued; RQ's worker takes
#   them in turn (``FairSimpleWorker``).
# Each attempt has at most one trial run in flight and a cooldown between runs
# (services/trial_limits.py), so a submitted answer waits at most for the job running now, the
# scoring queued before it and, for code, one trial run per candidate who had one queued.
# "mail" (invitations and reminders to candidates, issue 15) comes before everything: a message
# takes a moment and a candidate should not wait for a queue of judging to get their link.
# "webhooks" (signed messages to other systems, issue 17) takes turns with trial runs and judging:
# a slow receiver holds a worker for its timeout at most, and never ahead of scoring.
# "default" is the Tasks API's own queue, which no task of the app uses.
TASK_QUEUES = ["mail", "scoring", "trials", "judging", "webhooks", "default"]
# Served in a fixed place, never rotated: every other queue takes turns after them.
FIRST_QUEUES = ("mail", "scoring")
# The database backend's priority of each queue's jobs (higher first; equal: in the order queued).
QUEUE_PRIORITY = {"mail": 30, "scoring": 20, "trials": 10, "judging": 10, "webhooks": 10, "default": 0}


def enqueue(job: Any, *args: Any, run_after: datetime | None = None) -> None:
    """Queue ``job`` on its own queue with what its backend supports.

    The database worker keeps every queue in one table and takes the job of highest priority
    first, so each job gets its queue's ``QUEUE_PRIORITY``. RQ has no per-job priority and
    refuses one, so it gets none: its worker orders the queues itself. A delay the backend
    cannot honour is dropped: the job then runs at once, which is what a retry with no backoff
    would do.
    """
    backend = job.get_backend()
    queue = job.queue_name
    options: dict[str, Any] = {"queue_name": queue}
    if backend.supports_priority:
        options["priority"] = QUEUE_PRIORITY[queue]
    if run_after is not None and backend.supports_defer:
        options["run_after"] = run_after
    job.using(**options).enqueue(*args)


def fair_order(queues: list[str], served: str) -> list[str]:
    """The order to look at ``queues`` after a job was taken from ``served``: that queue goes
    behind the others that take turns; ``FIRST_QUEUES`` keep their place at the front."""
    if served in FIRST_QUEUES or served not in queues:
        return list(queues)
    return [q for q in queues if q != served] + [served]
