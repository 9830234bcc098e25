"""Background jobs of the assessments: the queues, one task per queue, queueing with leases and
retries, the worker's recovery of lost work, job health for staff, and the worker loop.

May import: the assessments' models, errors, audit, grading and exercise adapter, Django and the
Django Tasks API (never the assessment services, which queue their work through these modules).
This package's own import runs nothing: the settings import the queue list from ``queues``."""
