"""The registry's forms: a place, the list's filters, a small group to meet at a place."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from heard.ids import IdChoiceField
from heard.people.models import Place

from .models import Kind, ThirdSpace


class SpaceForm(forms.Form):
    name = forms.CharField(
        max_length=160,
        label=_("Name"),
        help_text=_("As neighbours call it: “the laundromat on Elm”."),
    )
    kind = forms.ChoiceField(choices=Kind.choices, initial=Kind.OTHER, label=_("Kind"))
    neighbourhood = IdChoiceField(
        queryset=Place.objects.none(),
        required=False,
        empty_label="—",
        label=_("Neighbourhood"),
        error_messages={"invalid_choice": _("Unknown neighbourhood.")},
    )
    address = forms.CharField(max_length=240, required=False, label=_("Address"))
    note = forms.CharField(
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Note"),
        help_text=_("When it is busy, who runs it, whom to ask."),
    )
    hub_of_helping = forms.BooleanField(
        required=False,
        label=_("Hub of helping"),
        help_text=_("Help is given or swapped there: a food bank, a repair café."),
    )

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = places

    @staticmethod
    def initial_for(space: ThirdSpace) -> dict:
        return {
            "name": space.name,
            "kind": space.kind,
            "neighbourhood": space.neighbourhood_id,
            "address": space.address,
            "note": space.note,
            "hub_of_helping": space.hub_of_helping,
        }


class SpaceFilterForm(forms.Form):
    """The registry's search and filters, from the query string."""

    q = forms.CharField(required=False, max_length=200)
    kind = forms.ChoiceField(
        choices=[("", _("All kinds")), *Kind.choices], required=False, label=_("Kind")
    )
    neighbourhood = IdChoiceField(
        queryset=Place.objects.none(),
        required=False,
        empty_label=_("All neighbourhoods"),
        label=_("Neighbourhood"),
        error_messages={"invalid_choice": _("Unknown neighbourhood.")},
    )
    hub = forms.BooleanField(required=False, label=_("Hubs of helping only"))

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = places


class FoundForm(forms.Form):
    """ "Add to the registry" beside a place found in notes: the place is named by its folded
    name, looked up again among what the notes say (never trusted from the form)."""

    key = forms.CharField(max_length=200)


class RegularForm(forms.Form):
    person = IdChoiceField(queryset=None, error_messages={"invalid_choice": _("Unknown person.")})

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class SmallGroupForm(forms.Form):
    group = IdChoiceField(
        queryset=None,
        label=_("Small group"),
        error_messages={"invalid_choice": _("Unknown small group.")},
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
        self.fields["group"].label_from_instance = lambda g: (
            gettext("%(campaign)s: group %(position)s, %(concern)s")
            % {"campaign": g.plan.campaign.name, "position": g.position, "concern": g.concern_title}
        )
