from django import forms
from django.utils.translation import gettext_lazy as _

from heard.ids import IdChoiceField

from .services import MAX_NAME


class NewTokenForm(forms.Form):
    member = IdChoiceField(queryset=None, label=_("Acts as"), empty_label=None)
    name = forms.CharField(
        max_length=MAX_NAME,
        label=_("Name"),
        help_text=_("What will use it, e.g. “Lee’s phone” or “weekly export script”."),
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.fields["member"].label_from_instance = lambda m: (
            f"{m.display_name} ({m.get_role_display()})"
        )
