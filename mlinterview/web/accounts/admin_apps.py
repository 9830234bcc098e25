"""``django.contrib.admin``'s app, with the two-factor :class:`~.admin_site.ProjectAdminSite` as
``admin.site`` (listed in INSTALLED_APPS instead of ``django.contrib.admin``). Kept apart from the
site itself: an app config is imported before any model may be."""

from django.contrib.admin.apps import AdminConfig


class ProjectAdminConfig(AdminConfig):
    default_site = "mlinterview.web.accounts.admin_site.ProjectAdminSite"
