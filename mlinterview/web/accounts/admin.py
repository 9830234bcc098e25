from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from mlinterview.web.accounts.models import User


@admin.register(User)
class ProjectUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, ("Profile", {"fields": ("display_name",)}))
