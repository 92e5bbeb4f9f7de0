from django.db import models


class Kind(models.TextChoices):
    """What kind of place people meet in: the words organizers use for them."""

    LAUNDROMAT = "laundromat", "Laundromat"
    WORSHIP = "worship", "Place of worship / church hall"
    LIBRARY = "library", "Library"
    PARK = "park", "Park"
    SHOP = "shop", "Shop / market"
    CAFE = "cafe", "Café or pub"
    SCHOOL = "school", "School"
    COMMUNITY_CENTRE = "community_centre", "Community centre"
    OTHER = "other", "Other"
