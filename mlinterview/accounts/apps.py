from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mlinterview.accounts"
    label = "accounts"
    verbose_name = "Accounts"
