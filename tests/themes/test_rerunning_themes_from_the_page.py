import datetime as dt

from django.utils import timezone
from themes_factories import PER_TOPIC

from heard.themes.models import Theme, ThemeRun
from heard.themes.services import STALE_AFTER, request_run


def test_the_button_runs_the_campaigns_themes_through_the_queue(
    client, campaign, listened, organizer, django_capture_on_commit_callbacks
):
    client.force_login(organizer.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/themes/campaign/{campaign.pk}/run/", follow=True)

    run = ThemeRun.objects.get(campaign=campaign)
    assert run.status == "done"
    assert run.requested_by == organizer.user
    assert (run.done, run.total, run.note_count) == (3 * PER_TOPIC,) * 3
    assert Theme.objects.filter(campaign=campaign, parent=None).count() == 3
    assert "Finding themes again" in response.content.decode()


def test_a_second_request_while_one_is_under_way_does_not_queue_another(
    campaign, listened, organizer
):
    first, created = request_run(by=organizer, campaign=campaign)
    second, created_again = request_run(by=organizer, campaign=campaign)

    assert created and not created_again
    assert second == first
    assert ThemeRun.objects.count() == 1


def test_the_page_shows_a_running_runs_progress_and_refreshes_itself(
    client, campaign, listened, organizer
):
    ThemeRun.objects.create(
        campaign=campaign, status="running", stage="Understanding the notes", done=12, total=30
    )
    client.force_login(organizer.user)

    page = client.get(f"/themes/campaign/{campaign.pk}/").content.decode()

    assert '<progress max="30" value="12">' in page
    assert "12 of 30 notes read" in page
    assert 'http-equiv="refresh"' in page


def test_a_run_the_worker_abandoned_does_not_block_a_new_one(
    client, campaign, listened, organizer, django_capture_on_commit_callbacks
):
    stale = ThemeRun.objects.create(campaign=campaign, status="running")
    ThemeRun.objects.filter(pk=stale.pk).update(
        updated_at=timezone.now() - STALE_AFTER - dt.timedelta(minutes=1)
    )
    client.force_login(organizer.user)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/themes/campaign/{campaign.pk}/run/")

    stale.refresh_from_db()
    assert stale.status == "failed"
    assert ThemeRun.objects.filter(status="done").count() == 1


def test_a_failed_run_is_explained_on_the_page(client, campaign, organizer):
    ThemeRun.objects.create(campaign=campaign, status="failed", error="the model file is missing")
    client.force_login(organizer.user)

    page = client.get(f"/themes/campaign/{campaign.pk}/").content.decode()

    assert "The last run did not finish: the model file is missing" in page
