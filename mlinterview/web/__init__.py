"""The Django project (settings built from the environment, URLs, WSGI) and, one folder each, its apps.

May import: the pure cores and Django; never mlinterview.cli. Apps import each other only downwards
(no cycles: .importlinter)."""
