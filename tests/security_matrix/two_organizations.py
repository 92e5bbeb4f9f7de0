"""Two organizations, A and B, each holding one of every kind of object Heard stores.

Every text B holds carries the marker `bmark` (lower case, so it fits usernames, slugs and
email addresses too): a response that contains it has shown A's member something of B's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from decimal import Decimal
from types import SimpleNamespace

import numpy as np
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from heard.accounts.models import Membership, Organization, Role
from heard.api.models import ApiToken
from heard.campaigns.models import (
    Campaign,
    Event,
    GuideQuestion,
    Purpose,
    QuestionWording,
    SignUp,
)
from heard.commitments.models import Commitment
from heard.common_ground.models import Divide, PersonSide, Side
from heard.conversations.models import Answer, Conversation, Participant, Quote
from heard.leadership.models import Assessment
from heard.people.models import Consent, Household, Person, Place, Relationship
from heard.plans.models import ActionPlan, PlanAction, PlanTheme
from heard.smallgroups.models import CriticalFriend, GroupSeat, Lock, SmallGroup, SmallGroupPlan
from heard.themes.models import Theme, ThemeAssignment, ThemeRun
from heard.voting.models import Poll, Statement, Vote, Voter

MARKER = "bmark"
PASSWORD = "listen-first"  # noqa: S105


def build_organization(tag: str) -> SimpleNamespace:
    """One organization whose every text field says `tag`."""

    def words(what: str) -> str:
        return f"{tag} {what}"

    User = get_user_model()
    org = Organization.objects.create(name=words("tenants union"), slug=f"{tag}-union")

    def member(role: str, **flags) -> Membership:
        user = User.objects.create_user(
            username=f"{tag}-{role}",
            password=PASSWORD,
            first_name=words(role),
            last_name=f"{tag}son",
            email=f"{role}@{tag}.example.org",
            **flags,
        )
        return Membership.objects.create(user=user, organization=org, role=role)

    admin, organizer, volunteer = (member(role) for role in Role.values)
    hood = Place.objects.create(organization=org, name=words("neighbourhood"))
    turf = Place.objects.create(
        organization=org, name=words("turf"), kind=Place.Kind.TURF, parent=hood
    )
    volunteer.turf.set([turf])
    household = Household.objects.create(
        organization=org, name=words("household"), address=words("12 street"), place=turf
    )
    person, neighbour = (
        Person.objects.create(
            organization=org,
            name=words(name),
            phone=f"555-{tag}-{n}",
            email=f"{name}@{tag}.example.org",
            place=turf,
            household=household,
            added_by=organizer.user,
        )
        for n, name in enumerate(["rosa", "sam"])
    )
    relationship = Relationship.objects.create(
        organization=org,
        person=person,
        other=neighbour,
        kind=Relationship.Kind.NEIGHBOUR,
        note=words("tie"),
    )
    consent = Consent.objects.create(
        person=person, topic=Consent.Topic.CONTACT, granted=True, recorded_by=organizer.user
    )
    campaign = Campaign.objects.create(
        organization=org,
        name=words("campaign"),
        description=words("campaign description"),
        starts_on=timezone.localdate() - dt.timedelta(days=60),
    )
    questions = {
        purpose: GuideQuestion.objects.create(
            campaign=campaign,
            position=n,
            prompt=words(f"{purpose} prompt"),
            help_text=words(f"{purpose} help"),
            purpose=purpose,
        )
        for n, purpose in enumerate([Purpose.PROBLEM, Purpose.WHY, Purpose.HOPE], start=1)
    }
    # The guide in a second language: its words must stay in the organization too.
    campaign.languages = ["en", "es"]
    campaign.save(update_fields=["languages"])
    wording = QuestionWording.objects.create(
        question=questions[Purpose.PROBLEM],
        language="es",
        prompt=words("problem prompt in Spanish"),
        help_text=words("problem help in Spanish"),
    )
    event = Event.objects.create(
        organization=org,
        campaign=campaign,
        title=words("training"),
        starts_at=timezone.now() + dt.timedelta(days=7),
        location=words("hall"),
        description=words("event description"),
    )
    signup = SignUp.objects.create(event=event, person=person)
    conversation = Conversation.objects.create(
        id=uuid.uuid4(),
        organization=org,
        campaign=campaign,
        venue="door",
        held_on=timezone.localdate() - dt.timedelta(days=3),
        place=turf,
        held_by=volunteer.user,
        next_step="house_meeting",
        next_step_response="yes",
    )
    for who in (person, neighbour):
        Participant.objects.create(conversation=conversation, person=who)
    answers = [
        Answer.objects.create(
            conversation=conversation, question=question, text=words(f"{purpose} answer")
        )
        for purpose, question in questions.items()
    ]
    quotes = [
        Quote.objects.create(
            conversation=conversation,
            person=person,
            text=words(f"{consent} quote"),
            consent=consent,
        )
        for consent in Quote.Consent.values
    ]
    commitment = Commitment.objects.create(
        organization=org,
        conversation=conversation,
        person=person,
        side=Commitment.Side.PERSON,
        owner=organizer.user,
        what=words("commitment"),
        hours=Decimal("2.0"),
        due_on=timezone.localdate() + dt.timedelta(days=10),
    )
    assessment = Assessment.objects.create(
        person=person,
        conversation=conversation,
        assessed_by=volunteer.user,
        assessed_on=timezone.localdate(),
        offered_to_help=True,
        kindliness="activist",
        note=words("assessment note"),
    )
    run = ThemeRun.objects.create(
        campaign=campaign,
        requested_by=organizer.user,
        status=ThemeRun.Status.DONE,
        stage=words("stage"),
        error=words("error"),
        note_count=1,
        theme_count=1,
    )
    vector = np.ones((1, 8), dtype=np.float32) / np.sqrt(8)
    theme = Theme(
        campaign=campaign,
        label=words("theme label"),
        name=words("theme name"),
        keywords=[words("keyword")],
        why_phrases=[words("why phrase")],
        hope_phrases=[words("hope phrase")],
        size=1,
    )
    theme.vectors = vector
    theme.save()
    subtheme = Theme(campaign=campaign, parent=theme, label=words("subtheme"), size=1)
    subtheme.vectors = vector
    subtheme.save()
    assignment = ThemeAssignment.objects.create(
        conversation=conversation,
        campaign=campaign,
        theme=theme,
        subtheme=subtheme,
        score=0.9,
        note_sha256=hashlib.sha256(words("note").encode()).hexdigest(),
    )
    divide = Divide.objects.create(organization=org, name=words("divide"), description=words("why"))
    side = Side.objects.create(divide=divide, name=words("side"))
    person_side = PersonSide.objects.create(
        person=person, divide=divide, side=side, recorded_by=organizer.user
    )
    # Open, so that B's own admin (and whoever holds its link) reaches its public ballot.
    poll = Poll.objects.create(
        organization=org,
        campaign=campaign,
        event=event,
        title=words("poll"),
        is_open=True,
        created_by=organizer.user,
    )
    statement = Statement.objects.create(poll=poll, text=words("statement"), position=1)
    voter = Voter.objects.create(poll=poll, device=words("device"))
    # A paper sheet has no text of its own (no device): it is B's through its poll.
    Voter.objects.create(poll=poll, kind=Voter.Kind.PAPER, device="", recorded_by=volunteer.user)
    vote = Vote.objects.create(voter=voter, statement=statement, choice=Vote.Choice.AGREE)
    plan = ActionPlan.objects.create(campaign=campaign, title=words("plan"))
    plan_theme = PlanTheme.objects.create(
        plan=plan, theme=theme, title=words("plan theme"), challenge=words("challenge")
    )
    plan_action = PlanAction.objects.create(
        plan_theme=plan_theme, what=words("action"), owner_person=person, commitment=commitment
    )
    api_token = ApiToken.objects.create(
        organization=org,
        membership=volunteer,
        name=words("api token"),
        prefix=tag[:8],
        secret_sha256=hashlib.sha256(words("api secret").encode()).hexdigest(),
        created_by=admin.user,
    )
    made = SimpleNamespace(
        tag=tag,
        org=org,
        wording=wording,
        admin=admin,
        organizer=organizer,
        volunteer=volunteer,
        hood=hood,
        turf=turf,
        household=household,
        person=person,
        neighbour=neighbour,
        relationship=relationship,
        consent=consent,
        campaign=campaign,
        question=questions[Purpose.PROBLEM],
        event=event,
        signup=signup,
        conversation=conversation,
        answer=answers[0],
        quote=quotes[0],
        commitment=commitment,
        assessment=assessment,
        run=run,
        theme=theme,
        subtheme=subtheme,
        assignment=assignment,
        group=Group.objects.create(name=words("group")),
        divide=divide,
        side=side,
        person_side=person_side,
        poll=poll,
        statement=statement,
        voter=voter,
        vote=vote,
        plan=plan,
        plan_theme=plan_theme,
        plan_action=plan_action,
        api_token=api_token,
    )
    _small_groups(made, words)
    _third_spaces(made, words)
    _imports(made, words)
    _installation_wide(made, words)
    return made


def _imports(made: SimpleNamespace, words) -> None:
    """A file of people being imported, not yet applied: its rows are the organization's words."""
    from heard.exchange.models import ImportBatch

    made.import_batch = ImportBatch.objects.create(
        organization=made.org,
        filename=words("file") + ".csv",
        columns=["Name", "Phone"],
        rows=[[words("imported neighbour"), "555 404 0000"]],
        mapping={"0": "name", "1": "phone"},
        created_by=made.organizer.user,
    )


def _installation_wide(made: SimpleNamespace, words) -> None:
    """Rows of the installation's other apps (task queue, two-factor, sign-in lockouts, audit
    log) that name this organization or its members, where those apps are installed."""
    made.installation_wide = []
    if apps.is_installed("django_tasks_db"):
        task = apps.get_model("django_tasks_database", "DBTaskResult").objects.create(
            args_kwargs={"args": [words("task")], "kwargs": {}},
            task_path=f"heard.{made.tag}.task",
            backend_name="default",
            run_after=timezone.now(),
            exception_class_path="",
            traceback=words("traceback"),
        )
        made.installation_wide.append(task)
    if apps.is_installed("django_otp.plugins.otp_totp"):
        device = apps.get_model("otp_totp", "TOTPDevice").objects.create(
            user=made.admin.user, name=words("phone"), confirmed=True
        )
        made.installation_wide.append(device)
    if apps.is_installed("axes"):
        for name in ("AccessAttempt", "AccessLog", "AccessFailureLog"):
            model = apps.get_model("axes", name)
            fields = {f.name for f in model._meta.get_fields()}
            row = {
                "user_agent": words("browser"),
                "ip_address": "192.0.2.7",
                "username": made.admin.user.username,
                "http_accept": "text/html",
                "path_info": "/login/",
            }
            if "failures_since_start" in fields:
                row |= {"get_data": words("get"), "post_data": words("post")}
                row["failures_since_start"] = 1
            if "session_hash" in fields:
                row["session_hash"] = hashlib.sha256(made.tag.encode()).hexdigest()
            made.installation_wide.append(model.objects.create(**row))
    if apps.is_installed("heard.privacy"):
        try:
            audit = apps.get_model("privacy", "AuditEvent")
        except LookupError:
            return
        made.installation_wide.append(
            audit.objects.create(
                organization=made.org,
                actor=made.organizer.user,
                actor_name=made.organizer.user.username,
                action="viewed",
                object_kind="people.person",
                object_id=str(made.person.pk),
                person_id=made.person.pk,
                detail=words("audit detail"),
            )
        )


def _small_groups(made: SimpleNamespace, words) -> None:
    """A plan of small groups with a group, a seat, a lock, and a critical friend."""
    made.small_group_plan = SmallGroupPlan.objects.create(campaign=made.campaign, status="GREEDY")
    made.small_group = SmallGroup.objects.create(
        plan=made.small_group_plan,
        position=1,
        concern=made.theme,
        concern_title=words("small group concern"),
        friend_member=made.organizer,
        reason=words("small group reason"),
    )
    made.group_seat = GroupSeat.objects.create(
        plan=made.small_group_plan, group=made.small_group, person=made.person
    )
    made.lock = Lock.objects.create(
        plan=made.small_group_plan, person_a=made.person, person_b=made.neighbour, together=False
    )
    made.critical_friend = CriticalFriend.objects.create(organization=made.org, person=made.person)


def _third_spaces(made: SimpleNamespace, words) -> None:
    """A place where neighbours meet, with a regular, hosting the event and the small group."""
    from heard.spaces.models import Regular, ThirdSpace
    from heard.spaces.names import fold

    name = words("laundromat on elm")
    made.third_space = ThirdSpace.objects.create(
        organization=made.org,
        name=name,
        name_key=fold(name),
        kind="laundromat",
        address=words("space address"),
        note=words("space note"),
        added_by=made.organizer.user,
    )
    made.regular = Regular.objects.create(
        person=made.person,
        space=made.third_space,
        how="capture",
        conversation=made.conversation,
        recorded_by=made.volunteer.user,
    )
    type(made.event).objects.filter(pk=made.event.pk).update(space=made.third_space)
    type(made.small_group).objects.filter(pk=made.small_group.pk).update(space=made.third_space)


def every_object(made: SimpleNamespace) -> list:
    """Each model instance of the organization, one per model at least."""
    seen = []
    for value in vars(made).values():
        if hasattr(value, "_meta"):
            seen.append(value)
    seen.extend(made.installation_wide)
    seen.extend(m.user for m in (made.admin, made.organizer, made.volunteer))
    return seen
