"""Who may create a practice account, and with what: a username nobody holds or the site keeps back,
an e-mail address no other account uses (the password-reset mail goes to it), and a password
Django's validators accept.

A name or an address that cannot be had gets one message whatever the reason (held by staff, by
another practice account, or kept back for the site), so the page never says whose it is.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.core.exceptions import ValidationError

# Names an administrator or the site itself would use: refused to everyone, whether or not an
# account holds them, so that refusing one tells nothing about the staff.
RESERVED_USERNAMES = frozenset(
    {"admin", "administrator", "root", "staff", "superuser", "system", "support", "mlinterview"}
)
UNAVAILABLE = "That username cannot be used; choose another."
ADDRESS_IN_USE = (
    "That e-mail address cannot be used for a new account. If the account is yours, "
    "sign in, or reset its password from the sign-in page."
)
EMAIL_HELP = "We send a link to this address if you forget your password, and for nothing else."


class SignupForm(UserCreationForm):
    """A practice account: username, e-mail address and a password typed twice."""

    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        help_text=EMAIL_HELP,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def clean_username(self) -> str:
        username = self.cleaned_data.get("username", "")
        taken = self._meta.model.objects.filter(username__iexact=username).exists()
        if username.casefold() in RESERVED_USERNAMES or taken:
            raise ValidationError(UNAVAILABLE, code="unavailable")
        return username

    def clean_email(self) -> str:
        """The address as typed with its domain in lower case; one account per address, compared
        without regard to case (as the password-reset form looks accounts up)."""
        email = self._meta.model.objects.normalize_email(self.cleaned_data.get("email", "")).strip()
        if self._meta.model.objects.filter(email__iexact=email).exists():
            raise ValidationError(ADDRESS_IN_USE, code="unavailable")
        return email
