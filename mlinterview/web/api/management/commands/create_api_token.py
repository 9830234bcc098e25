from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from mlinterview.web.api.models import ApiToken


class Command(BaseCommand):
    help = "Issue an API token for a staff user; the key is printed once."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("username")
        parser.add_argument("--name", default="cli")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None or not user.is_staff:
            raise CommandError(f"no staff user named {options['username']!r}")
        _, key = ApiToken.issue(user, options["name"])
        self.stdout.write(key)
