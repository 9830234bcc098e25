"""The Django project: settings built from the environment, URLs, WSGI."""
