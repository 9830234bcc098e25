"""The REST API (django-ninja): everything the staff pages can do, for scripts and integrations.

May import: the other web apps' services and models, the pure cores; nothing imports it but urls."""
