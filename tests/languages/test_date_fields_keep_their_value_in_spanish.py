"""A browser's date field takes only ISO dates (2026-12-02): a form drawn in Spanish must not
fill it as 02/12/2026, or the field shows empty and the volunteer must type today's date."""

from django.test import Client
from django.utils import timezone
from spanish import get_in_spanish


def test_the_capture_page_in_spanish_keeps_todays_date(lee, ours):
    client = Client()
    client.force_login(lee.user)
    page = get_in_spanish(client, "/conversations/new/").content.decode()
    today = timezone.localdate().isoformat()
    assert f'type="date" name="held_on" value="{today}"' in page


def test_a_campaigns_dates_stay_iso_in_spanish(may, ours):
    ours.campaign.starts_on = timezone.localdate()
    ours.campaign.save()
    client = Client()
    client.force_login(may.user)
    page = get_in_spanish(client, f"/campaigns/{ours.campaign.pk}/edit/").content.decode()
    assert f'value="{ours.campaign.starts_on.isoformat()}"' in page
