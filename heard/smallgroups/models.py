"""Small groups: a plan (one solve of one pool of a campaign), its groups and seats, the locks
an organizer set, and who is willing to be a critical friend."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Pool(models.TextChoices):
    SAID_YES = "said_yes", _("Said yes to a next step")
    ATTENDED = "attended", _("Came to an event of the campaign")
    EVERYONE = "everyone", _("Everyone with a conversation in the campaign")


class CriticalFriend(models.Model):
    """Someone the organization marked as willing to be a group's critical friend: a person of
    the organization or one of its members (exactly one of the two)."""

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="critical_friends"
    )
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    member = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=True, member__isnull=False)
                | Q(person__isnull=False, member__isnull=True),
                name="critical_friend_person_or_member",
            ),
            models.UniqueConstraint(fields=["organization", "person"], name="friend_person_once"),
            models.UniqueConstraint(fields=["organization", "member"], name="friend_member_once"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def key(self) -> str:
        return f"person:{self.person_id}" if self.person_id else f"member:{self.member_id}"

    @property
    def name(self) -> str:
        return self.person.name if self.person_id else self.member.display_name


class SmallGroupPlan(models.Model):
    """One answer to "form groups": the pool, the sizes, and how good the answer is."""

    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="small_group_plans"
    )
    pool = models.CharField(max_length=20, choices=Pool.choices, default=Pool.SAID_YES)
    size_min = models.PositiveSmallIntegerField(default=6)
    size_max = models.PositiveSmallIntegerField(default=8)
    time_limit = models.PositiveSmallIntegerField(default=10)  # seconds

    class Status(models.TextChoices):
        OPTIMAL = "OPTIMAL", _("The best possible")
        FEASIBLE = "FEASIBLE", _("Improved by CP-SAT within the time limit")
        GREEDY = "GREEDY", _("A first answer (no time to improve it)")

    status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    objective = models.FloatField(default=0)
    bound = models.FloatField(default=0)
    gap = models.FloatField(default=0)  # (bound - objective) / bound
    mix = models.PositiveIntegerField(default=0)
    mix_ceiling = models.PositiveIntegerField(default=0)
    pool_size = models.PositiveIntegerField(default=0)
    left_out = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)
    solved_at = models.DateTimeField(null=True, blank=True)
    solved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(size_min__gte=2) & Q(size_min__lte=models.F("size_max")),
                name="plan_sizes_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"Small groups of {self.campaign_id} ({self.get_pool_display()})"

    @property
    def gap_percent(self) -> str:
        return f"{self.gap * 100:.1f}"


class SmallGroup(models.Model):
    plan = models.ForeignKey(SmallGroupPlan, on_delete=models.CASCADE, related_name="groups")
    position = models.PositiveSmallIntegerField()
    # The theme's title is kept too: a theme merged away later leaves the group its words.
    concern = models.ForeignKey(
        "themes.Theme", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    concern_title = models.CharField(max_length=200)
    friend_person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    friend_member = models.ForeignKey(
        "accounts.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField()
    mix = models.PositiveSmallIntegerField(default=0)
    # Where the group meets: a third space of the organization, chosen by staff.
    space = models.ForeignKey(
        "spaces.ThirdSpace",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="small_groups",
    )

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"Group {self.position}: {self.concern_title}"

    @property
    def friend_name(self) -> str:
        if self.friend_person_id:
            return self.friend_person.name
        if self.friend_member_id:
            return self.friend_member.display_name
        return ""


class GroupSeat(models.Model):
    """One person in one group; a person sits at most once in a plan."""

    plan = models.ForeignKey(SmallGroupPlan, on_delete=models.CASCADE, related_name="seats")
    group = models.ForeignKey(SmallGroup, on_delete=models.CASCADE, related_name="seats")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "person"], name="seat_once_per_plan")
        ]

    def __str__(self) -> str:
        return f"Seat of {self.person_id} in group {self.group_id}"


class Lock(models.Model):
    """Two people an organizer wants together or apart; every re-solve of the plan keeps it."""

    plan = models.ForeignKey(SmallGroupPlan, on_delete=models.CASCADE, related_name="locks")
    person_a = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    together = models.BooleanField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "person_a", "person_b"], name="lock_once"),
            models.CheckConstraint(condition=~Q(person_a=models.F("person_b")), name="lock_two"),
        ]

    def __str__(self) -> str:
        return f"{self.person_a_id} {'with' if self.together else 'apart from'} {self.person_b_id}"
