"""Start Django from the CLI, on demand (so commands that do not need it stay fast)."""

import os


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mlinterview.web.settings")
    import django

    django.setup()
