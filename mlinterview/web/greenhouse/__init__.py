"""The Greenhouse Assessment Partner integration: the endpoints Greenhouse calls (list_tests,
send_test, test_status, response_error), the organisation API keys they authenticate with, and
the completion callback (a PATCH to the URL Greenhouse gave) sent when an attempt is reviewed.

Nothing imports it but the site's urls (and the settings, by name).

May import: the assessments app (models, services, audit trail, job queues, signals), the accounts
app (teams), Django and django-tasks.
"""
