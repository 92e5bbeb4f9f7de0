from django import forms
from django.utils.translation import gettext_lazy as _

from heard.ids import IdChoiceField

from .models import Theme


class RenameForm(forms.Form):
    name = forms.CharField(
        max_length=120,
        label=_("Name"),
        help_text=_("Your own words for it; the label the notes gave it stays visible."),
    )


class PinForm(forms.Form):
    pinned = forms.BooleanField(required=False)


class MergeForm(forms.Form):
    into = IdChoiceField(
        queryset=Theme.objects.none(),
        label=_("Merge into"),
        empty_label=_("Choose a theme…"),
        error_messages={"invalid_choice": _("Choose another theme of this campaign.")},
    )

    def __init__(self, *args, theme: Theme, **kwargs):
        super().__init__(*args, **kwargs)
        # The theme itself stays in the list so that picking it says why it cannot be done.
        self.fields["into"].queryset = theme.campaign.themes.filter(parent=None)
        self.fields["into"].label_from_instance = lambda t: f"{t.title} ({t.size})"


class MoveForm(forms.Form):
    """Move one conversation: to a theme of its campaign, or to "unclear" (empty choice)."""

    conversation = forms.UUIDField(widget=forms.HiddenInput)
    to = IdChoiceField(
        queryset=Theme.objects.none(),
        required=False,
        empty_label=_("Unclear (no theme)"),
        label=_("Move to"),
        error_messages={"invalid_choice": _("Choose a theme of this campaign.")},
    )

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].queryset = campaign.themes.filter(parent=None)
