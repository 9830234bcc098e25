"""Outgoing webhooks (issue 17, point 3): endpoints that administrators set up, signed JSON
deliveries of the app's events through the background queue, with retries, a delivery log and
replay.

Other code calls ``services.emit``; the assessments app's events arrive by its signals
(``receivers.py``), since it imports nothing of this app.

May import: the assessments app (models, audit, signals, the queue helpers) and the accounts app.
"""
