"""Administrators issue and revoke teams' Greenhouse keys in the admin site. A new key is shown
once, in the confirmation message; only its prefix is seen afterwards. A key may also carry the
credential Greenhouse issued for our completion notices; once saved, only its last four characters
are shown (``keys.masked``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from mlinterview.web.greenhouse import keys
from mlinterview.web.greenhouse.models import ApiKey, Callback, SentTest


class ApiKeyForm(forms.ModelForm):
    completion_credential_new = forms.CharField(
        label="Completion credential",
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False),
        help_text=(
            "Optional: the credential Greenhouse gave you for telling it a test is complete, if it "
            "is not this key. Left empty, the completion notice presents this key. It is not shown "
            "again once saved; type a new one to replace it."
        ),
    )
    completion_credential_clear = forms.BooleanField(label="Clear the completion credential", required=False)

    class Meta:
        model = ApiKey
        fields = ["team", "label"]


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    form = ApiKeyForm
    list_display = ["team", "label", "prefix", "completion_credential_set", "created_at", "revoked_at"]
    actions = ["revoke"]

    def get_fields(self, request: HttpRequest, obj: ApiKey | None = None) -> list[str]:
        if obj is None:
            return ["team", "label", "completion_credential_new"]
        return [
            "team",
            "prefix",
            "label",
            "completion_credential_stored",
            "completion_credential_new",
            "completion_credential_clear",
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: ApiKey | None = None) -> list[str]:
        return [] if obj is None else ["team", "prefix", "completion_credential_stored"]

    # A key's team and secret never change (the team is read-only once issued); its label and
    # completion credential may.
    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # revoked keys stay, for the audit trail and the tests sent through them

    @admin.display(boolean=True, description="Completion credential")
    def completion_credential_set(self, obj: ApiKey) -> bool:
        return bool(obj.completion_credential)

    @admin.display(description="Stored completion credential")
    def completion_credential_stored(self, obj: ApiKey) -> str:
        return keys.masked(obj.completion_credential) or "None: the completion notice presents this key."

    def save_model(self, request: HttpRequest, obj: ApiKey, form: Any, change: bool) -> None:
        if change:
            obj.save(update_fields=["label"])
        else:
            key = keys.issue(obj, request.user)
            self.message_user(
                request,
                f"Give Greenhouse this key for {obj.team} now; it is not shown again: {key}",
                messages.WARNING,
            )
        new = form.cleaned_data.get("completion_credential_new", "").strip()
        if new:
            keys.set_completion_credential(obj, new, request.user)
        elif form.cleaned_data.get("completion_credential_clear"):
            keys.set_completion_credential(obj, "", request.user)

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
