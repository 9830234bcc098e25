from __future__ import annotations

from django import forms

from mlinterview.web.api.keys import LIFETIMES
from mlinterview.web.api.scopes import SCOPES


class NewKeyForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="What the key is for, e.g. the CI job that uses it.")
    scopes = forms.MultipleChoiceField(
        choices=[(scope, f"{scope}: {what}") for scope, what in SCOPES.items()],
        widget=forms.CheckboxSelectMultiple,
        help_text="Give a key only what its job needs.",
    )
    expires_in_days = forms.TypedChoiceField(
        label="Expires after",
        choices=[(d, f"{d} days") for d in LIFETIMES],
        coerce=int,
        initial=90,
    )
