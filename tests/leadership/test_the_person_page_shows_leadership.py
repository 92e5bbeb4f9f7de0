"""The person page says how many of their commitments they kept and their latest level."""

from factories import AssessmentFactory, CommitmentFactory

from heard.commitments.models import Commitment


def test_the_person_page_says_kept_n_of_m_of_their_own_commitments(may_client, lee_client, ours):
    for status in (Commitment.Status.DONE, Commitment.Status.DONE, Commitment.Status.OPEN):
        CommitmentFactory(conversation=ours.by_may, person=ours.sam, status=status)
    # The organizer's side is the team's promise, not Sam's.
    CommitmentFactory(
        conversation=ours.by_may,
        person=ours.sam,
        side=Commitment.Side.ORGANIZER,
        status=Commitment.Status.DONE,
    )
    CommitmentFactory(conversation=ours.by_lee, person=ours.rosa, status=Commitment.Status.DONE)
    assert "Kept 2 of 3 commitments" in may_client.get(f"/people/{ours.sam.pk}/").content.decode()
    # Lee sees Rosa's, made in the conversation Lee held.
    assert "Kept 1 of 1 commitment<" in lee_client.get(f"/people/{ours.rosa.pk}/").content.decode()


def test_the_person_page_shows_the_latest_level_to_staff(may_client, lee_client, ours, scale):
    core, active, _ = scale
    AssessmentFactory(
        person=ours.rosa, level=active, level_name=active.name, assessed_on="2026-01-01"
    )
    AssessmentFactory(person=ours.rosa, level=core, level_name=core.name, assessed_on="2026-03-01")
    page = may_client.get(f"/people/{ours.rosa.pk}/").content.decode()
    assert "Level: <span" in page and "Core leader" in page and "Active member" not in page
    # An organizer's judgement made outside Lee's conversations is not Lee's to read.
    assert "Core leader" not in lee_client.get(f"/people/{ours.rosa.pk}/").content.decode()


def test_a_level_alone_does_not_hide_the_signals_seen_before(may_client, ours, scale):
    AssessmentFactory(
        person=ours.sam, wants_to_host=True, offered_to_help=False, assessed_on="2026-01-01"
    )
    AssessmentFactory(
        person=ours.sam, offered_to_help=False, level=scale[1], assessed_on="2026-02-01"
    )
    page = may_client.get(f"/people/{ours.sam.pk}/").content.decode()
    assert "Wants to host" in page and "none yet" not in page
