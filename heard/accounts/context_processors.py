from .models import Membership


def membership(request):
    """The navigation shows the organization's name and the user's role."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    found = getattr(request, "membership", None)
    if found is None:
        found = Membership.objects.select_related("organization").filter(user=user).first()
    return {"membership": found}
