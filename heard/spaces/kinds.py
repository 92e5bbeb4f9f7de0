from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What kind of place people meet in: the words organizers use for them."""

    LAUNDROMAT = "laundromat", _("Laundromat")
    WORSHIP = "worship", _("Place of worship / church hall")
    LIBRARY = "library", _("Library")
    PARK = "park", _("Park")
    SHOP = "shop", _("Shop / market")
    CAFE = "cafe", _("Café or pub")
    SCHOOL = "school", _("School")
    COMMUNITY_CENTRE = "community_centre", _("Community centre")
    OTHER = "other", _("Other")
