import pytest
from django.core.exceptions import ValidationError
from themes_factories import PER_TOPIC, theme_of

from heard.themes.models import Theme
from heard.themes.services import merge_themes, split_theme, theme_campaign


@pytest.fixture
def themed(campaign, listened):
    theme_campaign(campaign=campaign)
    return {topic: theme_of(conversations[0]) for topic, conversations in listened.items()}


def test_a_theme_splits_in_two_along_what_was_said(themed, listened, organizer):
    merged = merge_themes(by=organizer, theme=themed["park"], into=themed["traffic"])
    Theme.objects.filter(parent=merged).delete()  # no sub-themes: split by grouping

    parts = split_theme(by=organizer, theme=merged)

    assert len(parts) == 2
    assert not Theme.objects.filter(pk=merged.pk).exists()
    park = {theme_of(c).pk for c in listened["park"]}
    traffic = {theme_of(c).pk for c in listened["traffic"]}
    assert len(park) == 1 and len(traffic) == 1 and park != traffic
    assert sorted(p.size for p in parts) == [PER_TOPIC, PER_TOPIC]
    assert all(p.kept for p in parts)


def test_a_theme_with_sub_themes_splits_into_them(campaign, themed, listened, organizer):
    rent = themed["rent"]
    Theme.objects.filter(parent=rent).delete()  # the run's own; these two are known
    first = Theme(campaign=campaign, parent=rent, label="lease")
    first.vectors = rent.vectors
    first.save()
    second = Theme(campaign=campaign, parent=rent, label="landlord")
    second.vectors = -rent.vectors
    second.save()
    for conversation in listened["rent"][:4]:
        conversation.theme_assignment.subtheme = second
        conversation.theme_assignment.save()

    parts = split_theme(by=organizer, theme=rent)

    assert sorted(p.label for p in parts) == ["landlord", "lease"]
    landlord = next(p for p in parts if p.label == "landlord")
    assert {theme_of(c).pk for c in listened["rent"][:4]} == {landlord.pk}
    assert landlord.parent is None


def test_a_theme_of_one_conversation_cannot_be_split(themed, listened, organizer):
    for conversation in listened["rent"][1:]:
        conversation.delete()

    with pytest.raises(ValidationError, match="at least two conversations"):
        split_theme(by=organizer, theme=themed["rent"])


def test_split_parts_survive_a_rerun(campaign, themed, listened, organizer):
    merged = merge_themes(by=organizer, theme=themed["park"], into=themed["traffic"])
    Theme.objects.filter(parent=merged).delete()
    parts = split_theme(by=organizer, theme=merged)

    theme_campaign(campaign=campaign)

    assert set(Theme.objects.filter(parent=None).values_list("pk", flat=True)) >= {
        p.pk for p in parts
    }
    assert theme_of(listened["park"][0]).pk in {p.pk for p in parts}
