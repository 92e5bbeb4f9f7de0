"""The demo organization: big enough, varied, in two languages, and the same on every run.

The demo is built once for the module (about two seconds) and every test reads it.
"""

import hashlib
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Q
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign, Event, QuestionWording, SignUp
from heard.commitments.models import Commitment
from heard.conversations.models import Answer, Conversation, Participant, Quote
from heard.demo import DEMO_PASSWORD, DEMO_USERS
from heard.demo.builder import delete_demo, demo_organization, load_demo
from heard.leadership.models import Assessment
from heard.people import consent
from heard.people.folding import fold
from heard.people.models import Consent, Household, Person, Relationship

SPANISH = re.compile(r"\b(que|los|las|del|tiene|dice|su|para|porque|pero)\b")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        organization = load_demo(log=lambda line: None)
        yield organization
        delete_demo()


@pytest.fixture
def main_conversations(demo, db):
    return Conversation.objects.filter(organization=demo, campaign__name="Listening to Millbrook")


def digest(organization) -> str:
    """Everything a person would read in the demo, without database ids or timestamps."""
    rows: list = []
    # Sorted whole: two people may share a name (the demo has neighbours entered twice), and
    # PostgreSQL returns rows of equal names in no fixed order.
    rows += sorted(
        Person.objects.filter(organization=organization).values_list(
            "name", "phone", "email", "language", "place__name", "household__name",
            "household__address", "added_by__username",
        ),
        key=repr,
    )  # fmt: skip
    rows += sorted(
        Relationship.objects.filter(organization=organization).values_list(
            "person__name", "other__name", "kind", "note"
        )
    )
    conversations = Conversation.objects.filter(organization=organization).order_by("id")
    rows += conversations.values_list(
        "id", "venue", "held_on", "place__name", "held_by__username", "next_step",
        "next_step_response", "language",
    )  # fmt: skip
    rows += sorted(
        QuestionWording.objects.filter(question__campaign__organization=organization).values_list(
            "question__prompt", "language", "prompt", "help_text"
        )
    )
    mine = {"conversation__organization": organization}
    rows += sorted(Participant.objects.filter(**mine).values_list("conversation", "person__name"))
    rows += sorted(
        Answer.objects.filter(**mine).values_list("conversation", "question__prompt", "text")
    )
    rows += sorted(
        Quote.objects.filter(**mine).values_list(
            "conversation", "text", "consent", "person__name", "language"
        )
    )
    rows += sorted(
        Commitment.objects.filter(organization=organization).values_list(
            "conversation", "side", "what", "hours", "due_on", "status", "owner__username"
        )
    )
    rows += sorted(
        Assessment.objects.filter(**mine).values_list(
            "conversation",
            "person__name",
            "offered_to_help",
            "named_neighbours",
            "wants_to_host",
            "took_on_role",
            "kindliness",
        )  # fmt: skip
    )
    rows += sorted(
        SignUp.objects.filter(event__organization=organization).values_list(
            "event__title", "event__starts_at", "person__name", "status", "brought_by__name"
        ),
        key=repr,
    )
    # The organizers' assessments on the scale, made outside any conversation.
    rows += sorted(
        Assessment.objects.filter(person__organization=organization, conversation=None).values_list(
            "person__name", "assessed_on", "assessed_by__username", "level__name", "note"
        )
    )
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def sentences(texts):
    return [s.strip() for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s) > 15]


@pytest.mark.django_db
def test_the_demo_has_at_least_400_conversations_and_250_people(demo, main_conversations):
    assert main_conversations.count() >= 400
    assert Person.objects.filter(organization=demo).count() >= 250
    shared = Household.objects.filter(organization=demo).annotate(size=Count("members"))
    assert shared.filter(size__gt=1).count() >= 60
    assert Relationship.objects.filter(organization=demo).count() >= 500


@pytest.mark.django_db
def test_conversations_happen_at_every_venue_with_the_right_number_of_people(main_conversations):
    venues = Counter(main_conversations.values_list("venue", flat=True))
    assert {"door", "tabling", "one_to_one", "small_group"} <= set(venues)
    assert venues["door"] == max(venues.values())
    group_sizes = main_conversations.filter(venue="small_group").annotate(
        size=Count("participants")
    )
    assert set(group_sizes.values_list("size", flat=True)) <= {3, 4, 5, 6}


@pytest.mark.django_db
def test_one_to_ones_end_in_reciprocal_commitments(main_conversations):
    for conversation in main_conversations.filter(venue="one_to_one"):
        sides = Counter(conversation.commitments.values_list("side", flat=True))
        assert sides[Commitment.Side.PERSON] >= 1
        assert sides[Commitment.Side.ORGANIZER] >= 1
        for commitment in conversation.commitments.all():
            assert commitment.hours > 0
            assert commitment.due_on > conversation.held_on


@pytest.mark.django_db
def test_the_campaign_runs_april_to_october_2026_and_never_in_the_future(main_conversations):
    dates = list(main_conversations.values_list("held_on", flat=True))
    assert min(dates) >= date(2026, 4, 1)
    assert max(dates) <= min(date(2026, 10, 31), timezone.localdate())
    assert len({d.month for d in dates}) == 7


@pytest.mark.django_db
def test_many_la_loma_conversations_are_written_in_spanish(demo, main_conversations):
    spanish = Person.objects.filter(organization=demo, language=Person.Language.SPANISH)
    assert spanish.count() >= 40
    la_loma = main_conversations.filter(place__name__in=["La Loma", "Alder Street blocks"])
    written_in_spanish = [
        c for c in la_loma if SPANISH.search(" ".join(c.answers.values_list("text", flat=True)))
    ]
    assert len(written_in_spanish) >= 0.3 * la_loma.count()


@pytest.mark.django_db
def test_the_main_campaign_listens_in_english_and_spanish_with_its_whole_guide_in_both(demo):
    campaign = Campaign.objects.get(organization=demo, name="Listening to Millbrook")
    assert campaign.languages == ["en", "es"]
    questions = list(campaign.questions.prefetch_related("wordings"))
    assert len(questions) == 6
    for question in questions:
        spanish = question.in_language("es")
        assert not spanish.fell_back, question.prompt
        assert spanish.prompt != question.prompt
        assert SPANISH.search(spanish.prompt + " " + spanish.help_text) or "¿" in spanish.prompt


@pytest.mark.django_db
def test_the_past_campaign_s_guide_is_half_translated_and_falls_back_to_english(demo):
    campaign = Campaign.objects.get(organization=demo, name="Summer Listening 2025")
    fell_back = [q.in_language("es").fell_back for q in campaign.questions.all()]
    assert True in fell_back and False in fell_back


@pytest.mark.django_db
def test_conversations_written_in_spanish_were_held_in_spanish(demo, main_conversations):
    held_in_spanish = main_conversations.filter(language="es")
    assert held_in_spanish.count() >= 40
    assert main_conversations.filter(language="en").count() > held_in_spanish.count()
    for conversation in held_in_spanish.prefetch_related("answers")[:60]:
        words = " ".join(a.text for a in conversation.answers.all())
        assert not words or SPANISH.search(words), words
    # Their Spanish speakers' quotes are in Spanish, and say so; an English speaker's are not.
    quotes = Quote.objects.filter(conversation__in=held_in_spanish, person__language="es")
    assert quotes.exists()
    assert set(quotes.values_list("language", flat=True)) == {"es"}
    # A Spanish speaker's words written down by an English-speaking volunteer stay Spanish.
    assert Quote.objects.filter(conversation__organization=demo, conversation__language="en",
                                language="es").exists()  # fmt: skip


@pytest.mark.django_db
def test_voluntaria_is_a_spanish_speaking_volunteer_in_la_loma(demo):
    from heard.demo.city import TEAM

    voluntaria = Membership.objects.get(user__username="voluntaria")
    assert voluntaria.role == "volunteer"
    assert set(voluntaria.turf.values_list("name", flat=True)) == {"La Loma", "Alder Street blocks"}
    assert next(t for t in TEAM if t.username == "voluntaria").language == "es"
    held = Conversation.objects.filter(held_by=voluntaria.user)
    assert held.filter(language="es").count() >= 0.5 * held.count() > 0


@pytest.mark.django_db
def test_notes_are_varied_not_one_sentence_pattern_repeated(main_conversations):
    texts = list(
        Answer.objects.filter(conversation__in=main_conversations).values_list("text", flat=True)
    )
    assert len(set(texts)) >= 0.9 * len(texts)
    most_common = Counter(sentences(texts)).most_common(1)[0]
    assert most_common[1] <= 15, most_common
    assert "lorem" not in " ".join(texts).lower()


@pytest.mark.django_db
def test_notes_talk_about_each_neighbourhood_in_its_own_terms(main_conversations):
    def text_of(place_names):
        return " ".join(
            Answer.objects.filter(
                conversation__in=main_conversations, conversation__place__name__in=place_names
            ).values_list("text", flat=True)
        )

    assert "lot rent" in text_of(["Pine Haven"]).lower()
    assert "Route 7" in text_of(["Mill Row", "Depot Street"])
    assert "portable" in text_of(["Cedar Grove"]).lower()
    assert "papeles" in text_of(["La Loma", "Alder Street blocks"])


@pytest.mark.django_db
def test_people_carry_leader_signals_quotes_and_next_steps(demo, main_conversations):
    people = Person.objects.filter(organization=demo).count()
    # Leader signals on some; an orientation or a barrier to asking for help noticed on others.
    any_signal = Q()
    for name in Assessment.SIGNALS:
        any_signal |= Q(**{name: True})
    assessed = Assessment.objects.filter(any_signal, person__organization=demo)
    assert 0.12 * people <= assessed.values("person").distinct().count() <= 0.25 * people
    assert Assessment.objects.filter(person__organization=demo).exclude(kindliness="").exists()
    consents = set(
        Quote.objects.filter(conversation__organization=demo).values_list("consent", flat=True)
    )
    assert consents == {"team", "public", "none"}
    responses = set(main_conversations.values_list("next_step_response", flat=True))
    assert responses == {"yes", "maybe", "no", "not_asked"}


@pytest.mark.django_db
def test_relationships_of_every_kind_and_some_bridge_neighbourhoods(demo):
    ties = Relationship.objects.filter(organization=demo).select_related(
        "person__place__parent", "other__place__parent"
    )
    assert {t.kind for t in ties} == set(Relationship.Kind.values)

    def hood(person):
        return person.place.parent or person.place

    assert sum(hood(t.person) != hood(t.other) for t in ties) >= 100


@pytest.mark.django_db
def test_deep_listening_trainings_have_sign_ups_and_attendance(demo):
    trainings = Event.objects.filter(organization=demo, title="Deep Listening Training")
    assert trainings.count() >= 4
    signups = SignUp.objects.filter(event__in=trainings)
    assert signups.filter(status=SignUp.Status.ATTENDED).exists()
    upcoming = trainings.order_by("starts_at").last()
    assert upcoming.starts_at.date() > date(2026, 10, 31)


@pytest.mark.django_db
def test_demo_users_log_in_with_the_demo_password_and_have_their_roles(demo, client, settings):
    # The demo hashes its password with Argon2, whatever the test suite uses to go fast.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    memberships = Membership.objects.filter(organization=demo).select_related("user")
    roles = {m.user.username: m.role for m in memberships}
    assert {u: roles[u] for u, _ in DEMO_USERS} == {
        "organizer": "organizer",
        "volunteer": "volunteer",
        "voluntaria": "volunteer",
        "admin": "admin",
    }
    assert Counter(roles.values()) == {"volunteer": 7, "organizer": 2, "admin": 1}
    assert all(m.user.get_full_name() for m in memberships)
    for username, _ in DEMO_USERS:
        assert client.login(username=username, password=DEMO_PASSWORD), username
        client.logout()


@pytest.mark.django_db
def test_the_volunteer_login_has_a_small_turf_and_many_conversations(demo):
    volunteer = Membership.objects.get(user__username="volunteer")
    assert 1 <= volunteer.turf.count() <= 2
    held = Conversation.objects.filter(held_by=volunteer.user)
    assert held.count() >= 40
    in_turf = held.filter(place__in=volunteer.turf.all()).count()
    assert in_turf >= 0.6 * held.count()


@pytest.mark.django_db
def test_load_demo_refuses_a_second_load(demo):
    with pytest.raises(CommandError, match="--replace"):
        call_command("load_demo")


@pytest.mark.django_db
def test_the_demo_is_the_same_on_every_run(demo):
    before = digest(demo)
    call_command("load_demo", "--replace", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert digest(demo_organization()) == before


def test_planning_does_not_depend_on_python_hash_seed():
    # Set iteration order changes with PYTHONHASHSEED; the demo must not.
    script = (
        "import hashlib, random\n"
        "from heard.demo.residents import make_residents, make_ties\n"
        "from heard.demo.plans import make_plans\n"
        "rng = random.Random(20260401)\n"
        "people = make_residents(rng)\n"
        "plans = make_plans(rng, people)\n"
        "ties = make_ties(rng, people)\n"
        "rows = [(r.name, r.lang, r.issues, sorted(r.speaker.slots.items())) for r in people]\n"
        "rows += [(p.venue, p.held_on, p.author.username, [r.name for r in p.people])"
        " for p in plans]\n"
        "rows += [(a.name, b.name, kind, note) for a, b, kind, note in ties]\n"
        "print(hashlib.sha256(repr(rows).encode()).hexdigest())\n"
    )
    digests = {
        subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_every_fragment_fills_its_slots():
    import random

    from heard.demo import fieldnotes, stories, voces, voices
    from heard.demo.city import HOODS
    from heard.demo.notes import Writer
    from heard.demo.residents import slots_for

    rng = random.Random(1)
    slots = slots_for(
        rng, gender="f", group="latino", age="adult", hood=HOODS[0], first="Ana",
        street="Alder St", place="La Loma", church="St. Brigid's", job="roofing",
    )  # fmt: skip
    slots.update(
        {k: "x" for k in ("a", "b", "c", "A", "B", "C", "word", "word_cap", "word2", "names")}
    )
    slots.update(
        {k: "x" for k in ("other_hood", "where", "where_cap", "event", "event_es", "event_cap")}
    )
    slots.update({k: "x" for k in ("word_bare",)})
    slots.update({k: "x" for k in ("event_date", "host", "organizer", "n_of", "n_of_es", "size")})

    def templates(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from templates(item)
        elif isinstance(value, tuple | list):
            for item in value:
                yield from templates(item)

    writer = Writer(rng)
    count = 0
    for module in (voices, stories, fieldnotes, voces):
        for name in dir(module):
            if name.isupper():
                for template in templates(getattr(module, name)):
                    text = writer.fill(template, slots, date(2026, 6, 1))
                    assert "{" not in text and "@" not in text, (name, template)
                    count += 1
    assert count > 600


# The demo is what people judge Heard by: it must follow the consent rules it teaches. Some
# neighbours said no to notes being kept; none of their words or leader signals are stored.


@pytest.fixture
def refusers(demo, db):
    return consent.refusing(Consent.Topic.RECORDS).filter(organization=demo)


def test_some_demo_neighbours_said_no_to_notes_and_to_contact(demo, refusers):
    assert refusers.count() >= 5
    people = Person.objects.filter(organization=demo)
    assert people.filter(consent.said_no(Consent.Topic.CONTACT)).count() >= 50


def test_their_conversations_hold_no_answers_quotes_or_signals(demo, refusers):
    conversations = Conversation.objects.filter(organization=demo)
    emptied = consent.conversations_without_notes(conversations)
    assert emptied  # the rule had something to do
    assert not Answer.objects.filter(conversation_id__in=emptied).exists()
    assert not Quote.objects.filter(conversation_id__in=emptied).exists()
    assert not Assessment.objects.filter(conversation_id__in=emptied).exists()
    assert Conversation.objects.filter(pk__in=emptied).count() == len(emptied)  # still there


def test_no_quote_or_signal_of_theirs_is_stored_anywhere(demo, refusers):
    assert not Quote.objects.filter(person__in=refusers).exists()
    assert not Assessment.objects.filter(person__in=refusers, conversation__isnull=False).exists()


def test_everyone_else_s_notes_are_all_there(demo):
    conversations = Conversation.objects.filter(organization=demo)
    emptied = consent.conversations_without_notes(conversations)
    kept = conversations.exclude(pk__in=emptied)
    assert kept.exclude(answers__isnull=False).count() == 0


# On the demo, the organizer's leaders page lists at least 15 people with reasons.


def test_the_organizer_sees_at_least_fifteen_leaders_with_reasons(demo, db):
    organizer = Membership.objects.get(organization=demo, user__username="organizer")
    client = Client()
    client.force_login(organizer.user)
    response = client.get("/leaders/")
    assert response.status_code == 200
    leaders = response.context["leaders"]
    assert len(leaders) >= 15
    assert all(leader.reasons for leader in leaders)
    # Evidence beyond knowing people: a signal, a kept commitment, an event or a yes.
    assert sum(any("kept" in r for r in leader.reasons) for leader in leaders) >= 15
    assert "said yes to a next step" in response.content.decode()


# The demo has its own leadership scale (from heard/demo/leadership.py) and assessments on it.


def test_the_demo_has_a_five_level_scale_and_levels_on_its_leaders(demo, db):
    levels = list(demo.leadership_levels.order_by("position"))
    assert [level.position for level in levels] == [1, 2, 3, 4, 5]
    assert all(level.definition for level in levels)
    on_scale = Assessment.objects.filter(person__organization=demo, level__isnull=False)
    assert on_scale.values("person").distinct().count() >= 20
    # Paths: some people were placed twice, on a lower level first.
    assert on_scale.count() > on_scale.values("person").distinct().count()
    assert on_scale.values("level").distinct().count() >= 4
    organizer = Membership.objects.get(organization=demo, user__username="organizer")
    client = Client()
    client.force_login(organizer.user)
    leaders = client.get("/leaders/").context["leaders"]
    assert sum(bool(leader.person.latest_level_name) for leader in leaders) >= 15


def test_some_demo_neighbours_were_brought_to_events_by_leaders(demo, db):
    brought = SignUp.objects.filter(event__organization=demo, brought_by__isnull=False)
    assert brought.count() >= 15
    assert brought.values("brought_by").distinct().count() >= 5
    organizer = Membership.objects.get(organization=demo, user__username="organizer")
    client = Client()
    client.force_login(organizer.user)
    leaders = client.get("/leaders/").context["leaders"]
    assert any(r.startswith("brought ") for leader in leaders for r in leader.reasons)


# Common ground (issue 8): the demo's own divides, and a Common ground page worth reading.


@pytest.fixture(scope="module")
def demo_themes(demo, django_db_blocker):
    """The main campaign's themes, found once for the module (what `heard run`'s worker does)."""
    from heard.campaigns.models import Campaign
    from heard.themes.runs import theme_campaign

    with django_db_blocker.unblock():
        campaign = Campaign.objects.get(organization=demo, name="Listening to Millbrook")
        theme_campaign(campaign=campaign)
        return campaign


def test_the_common_ground_page_tells_shared_themes_from_one_sides(demo, demo_themes, db):
    from heard.common_ground.models import Divide, PersonSide

    tenure = Divide.objects.get(organization=demo, name="Renters and owners")
    assert PersonSide.objects.filter(divide=tenure).count() >= 200
    organizer = Membership.objects.get(organization=demo, user__username="organizer")
    client = Client()
    client.force_login(organizer.user)
    for divide in ("neighbourhood", str(tenure.pk)):
        response = client.get(f"/common-ground/campaign/{demo_themes.pk}/", {"divide": divide})
        assert response.status_code == 200
        page = response.context["page"]
        assert page.common, f"no common ground across {divide}"
        assert page.one_side, f"no theme is one side's concern across {divide}"
        # Quotes from different sides under the first common-ground theme.
        assert len({side for side, _ in page.common[0].quotes}) >= 2
        assert response.context["connectors"].bridges


def test_the_demo_poll_has_opinion_groups_and_common_ground(demo, db):
    from heard.voting.models import Poll

    poll = Poll.objects.get(organization=demo)
    assert poll.is_open and poll.campaign is not None
    organizer = Membership.objects.get(organization=demo, user__username="organizer")
    client = Client()
    client.force_login(organizer.user)
    results = client.get(f"/votes/{poll.pk}/results/").context["results"]
    assert results.voters >= 250 and results.too_few > 0
    assert 2 <= len(results.groups) <= 3
    assert 2 <= len(results.common_ground) <= 6
    # The ballot opens for a phone, and the paper sheets were recorded by a member.
    assert Client().get(f"/vote/{poll.token}/").status_code == 200
    assert poll.voters.filter(kind="paper", recorded_by__isnull=False).exists()


def test_the_demo_plan_has_three_chosen_themes_and_exports_them(demo, demo_themes, db):
    import io

    import docx
    import pypdf

    from heard.demo.action_plan import make_demo_plan

    plan = make_demo_plan(log=lambda *_: None)
    titles = [t.title for t in plan.themes.all()]
    assert len(titles) >= 3
    assert all(t.actions.count() >= 3 for t in plan.themes.all())
    organizer = Membership.objects.get(organization=demo, user__username="organizer")
    client = Client()
    client.force_login(organizer.user)
    pdf = client.get(f"/campaigns/{demo_themes.pk}/plan.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = " ".join(
        " ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf.content)).pages
    )
    word = docx.Document(io.BytesIO(client.get(f"/campaigns/{demo_themes.pk}/plan.docx").content))
    paragraphs = "\n".join(p.text for p in word.paragraphs)
    for title in titles:
        assert " ".join(title.split()) in text
        assert title in paragraphs
    assert demo.name in text and demo.name in paragraphs


def test_the_kindliness_lens_shows_who_help_and_not_help_reach(demo, demo_themes, db):
    organizer = Membership.objects.get(organization=demo, user__username="organizer")
    client = Client()
    client.force_login(organizer.user)
    response = client.get(f"/common-ground/campaign/{demo_themes.pk}/kindliness/")
    assert response.status_code == 200
    lens = response.context["lens"]
    assert lens.everyone.noticed >= 30 and lens.everyone.finds_asking_hard >= 10
    assert len(lens.themes) >= 5 and lens.places
    reach = lens.reach
    assert reach.help.people and reach.social.people
    # The report's story: those who find asking hard come to a meal more than to a clinic.
    assert reach.social.finds_asking_hard > reach.help.finds_asking_hard
    assert reach.only_social_hard >= 3


# Third spaces (issue 10): places, their regulars from capture, notes naming them, an event
# hosted at one and a small group meeting at one.


def test_the_demo_has_places_where_neighbours_meet(demo, db):
    from heard.smallgroups.models import SmallGroup
    from heard.spaces.mentions import find_in_notes
    from heard.spaces.models import Regular, ThirdSpace

    spaces = ThirdSpace.objects.filter(organization=demo)
    assert spaces.count() >= 5
    assert spaces.filter(hub_of_helping=True).exists()
    regulars = Regular.objects.filter(space__organization=demo, how="capture")
    assert regulars.count() >= 50
    assert regulars.values("space").distinct().count() == spaces.count()
    assert Event.objects.filter(organization=demo, space__isnull=False).exists()
    group = SmallGroup.objects.get(plan__campaign__organization=demo, space__isnull=False)
    assert group.seats.count() >= 4
    organizer = Membership.objects.get(organization=demo, user__username="organizer")
    found = find_in_notes(organizer)
    assert sum(found.count_for(space) >= 2 for space in spaces) >= 3
    assert len(found.candidates) >= 3
    client = Client()
    client.force_login(organizer.user)
    assert client.get("/spaces/").status_code == 200
    assert client.get(f"/spaces/{group.space_id}/").status_code == 200


def test_every_demo_name_is_folded_for_search(demo, db):
    people = Person.objects.filter(organization=demo).values_list("name", "name_folded")
    assert all(folded == fold(name) for name, folded in people)


def test_the_person_page_warns_of_the_neighbours_entered_twice(demo, client, db):
    organizer = Membership.objects.get(organization=demo, user__username="organizer")
    client.force_login(organizer.user)
    for name, written in (("Alvin Gaines", "Alvin Gaines"), ("Rubén Medina", "Ruben Medina")):
        first = Person.objects.filter(organization=demo, name=name).order_by("pk").first()
        second = Person.objects.filter(organization=demo, name=written).order_by("-pk").first()
        page = client.get(reverse("people:detail", args=[first.pk])).content.decode()
        assert "Might be the same person as" in page
        assert reverse("people:merge", args=[first.pk, second.pk]) in page
        box = page[page.index("Might be the same person as") :][:600]
        assert "same name" in box, box
        if consent.may_contact(first):
            assert "same phone" in box, box
