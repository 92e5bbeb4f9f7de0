"""Organizations and who belongs to them, with which role."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organization(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # What the organization shares with its member volunteers beyond their turf: the action
    # plan is usually handed out at a meeting, but an organization planning something that
    # must not leak yet (an action's target, a landlord's name) can keep it to staff.
    volunteers_read_plans = models.BooleanField(_("volunteers read the action plans"), default=True)

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    ORGANIZER = "organizer", _("Organizer")
    VOLUNTEER = "volunteer", _("Member volunteer")


class Membership(models.Model):
    """A user's place in one organization.

    One membership per user keeps every access question simple ("which organization is this
    request about?"); a person who works for two organizations has two logins.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VOLUNTEER)
    # A volunteer sees the people of these places (their turf) and the conversations they held.
    turf = models.ManyToManyField("people.Place", blank=True, related_name="volunteers")
    # The language Heard speaks to them (a code of settings.LANGUAGES), chosen with the switch on
    # every page; blank: their browser's. Not a `choices` field: a language added in settings
    # needs no migration.
    language = models.CharField(max_length=12, blank=True, default="")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.organization})"

    @property
    def is_staff_role(self) -> bool:
        """Admins and organizers see the whole organization; volunteers see their turf."""
        return self.role in (Role.ADMIN, Role.ORGANIZER)

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()
