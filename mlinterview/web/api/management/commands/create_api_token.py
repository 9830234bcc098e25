from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from mlinterview.web.accounts.staff import is_staff_member
from mlinterview.web.api.models import ApiToken
from mlinterview.web.api.scopes import ALL_SCOPES, SCOPES, unknown_scopes


class Command(BaseCommand):
    help = "Issue an API token for a staff user; the key is printed once."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("username")
        parser.add_argument("--name", default="cli")
        parser.add_argument(
            "--scope",
            action="append",
            dest="scopes",
            metavar="SCOPE",
            help=f"repeat for each scope the key needs (default: all): {', '.join(SCOPES)}",
        )
        parser.add_argument("--expires-in-days", type=int, default=None, help="default: never expires")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None or not is_staff_member(user):
            raise CommandError(f"no staff user named {options['username']!r}")
        scopes = options["scopes"] or list(ALL_SCOPES)
        unknown = unknown_scopes(scopes)
        if unknown:
            raise CommandError(f"unknown scopes {', '.join(unknown)}; known: {', '.join(SCOPES)}")
        days = options["expires_in_days"]
        if days is not None and days < 1:
            raise CommandError("--expires-in-days must be at least 1")
        expires_at = timezone.now() + timedelta(days=days) if days else None
        _, key = ApiToken.issue(user, options["name"], scopes=scopes, expires_at=expires_at)
        self.stdout.write(key)
