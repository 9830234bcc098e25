from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mlinterview.web.accounts"
    label = "accounts"
    verbose_name = "Accounts"
