"""Administrators issue and revoke teams' Greenhouse keys in the admin site. A new key is shown
once, in the confirmation message; only its prefix is seen afterwards."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from mlinterview.web.greenhouse import keys
from mlinterview.web.greenhouse.models import ApiKey, Callback, SentTest


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["team", "label", "prefix", "created_at", "revoked_at"]
    fields = ["team", "label"]
    actions = ["revoke"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a key is issued or revoked, never edited

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # revoked keys stay, for the audit trail and the tests sent through them

    def save_model(self, request: HttpRequest, obj: ApiKey, form: Any, change: bool) -> None:
        key = keys.issue(obj, request.user)
        self.message_user(
            request,
            f"Give Greenhouse this key for {obj.team} now; it is not shown again: {key}",
            messages.WARNING,
        )

    @admin.action(description="Revoke the selected keys")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiKey]) -> None:
        for api_key in queryset:
            keys.revoke_key(api_key, request.user)


@admin.register(SentTest)
class SentTestAdmin(admin.ModelAdmin):
    list_display = ["partner_interview_id", "invitation", "api_key", "created_at"]
    readonly_fields = ["api_key", "invitation", "partner_interview_id", "callback_url", "created_at"]
    exclude = ["greenhouse_profile_url"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Callback)
class CallbackAdmin(admin.ModelAdmin):
    list_display = ["sent_test", "status", "tries", "next_try_at", "last_status", "delivered_at"]
    readonly_fields = [f.name for f in Callback._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
