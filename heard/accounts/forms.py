"""Forms of the Members page. They check what a field can check alone (a username's characters,
an email's shape, the password typed twice); the rules that need the database live in
services.py, whose errors land on the same fields."""

from django import forms
from django.contrib.auth.password_validation import password_validators_help_texts
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from heard.ids import IdMultipleChoiceField

from .models import Role

TURF_HELP = _("A volunteer sees the people of these places and the conversations they held.")
#: Django's own help, in the reader's language (built when the form is shown, not imported).
PASSWORD_HELP = lazy(lambda: " ".join(password_validators_help_texts()), str)()


class TurfField(IdMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(queryset=None, required=False, help_text=TURF_HELP, **kwargs)


class PasswordFields(forms.Form):
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=PASSWORD_HELP,
    )
    password_again = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password"), cleaned.get("password_again")
        if first and second and first != second:
            self.add_error("password_again", _("The two passwords differ."))
        return cleaned


class NewMemberForm(PasswordFields):
    username = forms.CharField(
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        label=_("Username"),
        help_text=_("What they type to log in: letters, digits and @ . + - _ only."),
        widget=forms.TextInput(attrs={"autocapitalize": "none", "autocomplete": "off"}),
    )
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("Email"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.VOLUNTEER)
    turf = TurfField()

    field_order = ["username", "full_name", "email", "role", "turf", "password", "password_again"]

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["turf"].queryset = places

    def member(self) -> dict:
        """The service's keyword arguments."""
        return {
            name: self.cleaned_data[name]
            for name in ("username", "full_name", "email", "role", "turf", "password")
        }


class MemberChangeForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    turf = TurfField()

    def __init__(self, *args, places, member, **kwargs):
        initial = {"role": member.role, "turf": list(member.turf.all())}
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["turf"].queryset = places


class PasswordForm(PasswordFields):
    pass


class ActiveForm(forms.Form):
    active = forms.TypedChoiceField(
        choices=[("1", _("Reactivate")), ("0", _("Deactivate"))], coerce=lambda value: value == "1"
    )


class SharingForm(forms.Form):
    read_plans = forms.BooleanField(
        required=False,
        label=_("Volunteers read the action plans"),
        help_text=_(
            "They see the plan and its exports, with people named only from their turf "
            "and quotes shared with the team. Organizers and administrators always do."
        ),
    )
