from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mlinterview.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # Every process that opens the database loads this app: its SQLite files (sessions, users,
        # API tokens and all the rest) are kept private to the app's user from the first connection.
        from django.db.backends.signals import connection_created

        from mlinterview.web.private_files import private_sqlite_files

        connection_created.connect(private_sqlite_files, dispatch_uid="mlinterview-private-sqlite-files")

        # Joining the admin group lets the account into the admin site (accounts/staff.py).
        from mlinterview.web.accounts import staff

        staff.connect()
