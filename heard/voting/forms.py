"""Forms of the voting pages: a poll, its statements, starting from themes, a paper sheet, and
the public ballot's one vote."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from heard.campaigns.models import Campaign, Event
from heard.conversations.models import Quote
from heard.ids import IdChoiceField, IdMultipleChoiceField, parse_id
from heard.themes.models import Theme

from .models import STATEMENT_MAX_CHARS, Vote

#: The public ballot's buttons, by the word they post.
CHOICES = {"agree": Vote.Choice.AGREE, "disagree": Vote.Choice.DISAGREE, "pass": Vote.Choice.PASS}


class PollForm(forms.Form):
    title = forms.CharField(
        max_length=120,
        label=_("Title"),
        help_text=_("What voters see at the top of the page."),
    )
    campaign = IdChoiceField(queryset=Campaign.objects.none(), required=False, label=_("Campaign"))
    event = IdChoiceField(
        queryset=Event.objects.none(),
        required=False,
        label=_("Event"),
        help_text=_("The house meeting or event where people vote (optional)."),
    )

    def __init__(self, *args, campaigns, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns
        self.fields["event"].queryset = events


class StatementsForm(forms.Form):
    texts = forms.CharField(
        label=_("Add statements"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20_000,
        help_text=format_lazy(
            _(
                "One per line, each at most {count} characters: something a neighbour could "
                "agree or disagree with."
            ),
            count=STATEMENT_MAX_CHARS,
        ),
    )

    def clean_texts(self) -> list[str]:
        lines = [" ".join(line.split()) for line in self.cleaned_data["texts"].splitlines()]
        lines = [line for line in lines if line]
        long = [line for line in lines if len(line) > STATEMENT_MAX_CHARS]
        if long:
            raise forms.ValidationError(
                gettext("Keep each statement to %(most)d characters (“%(start)s…” has %(count)d).")
                % {"most": STATEMENT_MAX_CHARS, "start": long[0][:40], "count": len(long[0])}
            )
        if not lines:
            raise forms.ValidationError(gettext("Write at least one statement."))
        return lines


class StatementForm(forms.Form):
    text = forms.CharField(
        max_length=STATEMENT_MAX_CHARS,
        label=_("Statement"),
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
    )
    moderated_out = forms.BooleanField(
        required=False, label=_("Moderate out (keep, but never show or score it)")
    )


class FromThemesForm(forms.Form):
    themes = IdMultipleChoiceField(
        queryset=Theme.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    quotes = IdMultipleChoiceField(
        queryset=Quote.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, themes, quotes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = themes
        self.fields["quotes"].queryset = quotes

    def clean(self):
        data = super().clean()
        if not data.get("themes") and not data.get("quotes"):
            raise forms.ValidationError(gettext("Tick at least one theme or quote."))
        return data


PAPER_CHOICES = [
    ("", _("Blank")),
    ("agree", _("Agree")),
    ("disagree", _("Disagree")),
    ("pass", _("Pass")),
]


class PaperSheetForm(forms.Form):
    """One row per statement on the ballot: agree / disagree / pass / left blank."""

    def __init__(self, *args, statements, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = list(statements)
        for statement in self.statements:
            self.fields[f"s{statement.pk}"] = forms.ChoiceField(
                label=statement.text,
                choices=PAPER_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                initial="",
            )

    def rows(self):
        return [(s, self[f"s{s.pk}"]) for s in self.statements]

    def answers(self) -> dict[int, int | None]:
        return {s.pk: CHOICES.get(self.cleaned_data.get(f"s{s.pk}") or "") for s in self.statements}


class VoteForm(forms.Form):
    """The public ballot's POST: which statement, and agree / disagree / pass."""

    statement = forms.CharField(max_length=20)
    vote = forms.ChoiceField(choices=[(k, k) for k in CHOICES])

    def clean_statement(self) -> int:
        statement = parse_id(self.cleaned_data["statement"])
        if statement is None:
            raise forms.ValidationError(gettext("Unknown statement."))
        return statement

    @property
    def choice(self) -> int:
        return int(CHOICES[self.cleaned_data["vote"]])
