"""The REST API (django-ninja): everything the staff pages can do, for scripts and integrations."""
