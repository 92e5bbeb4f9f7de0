from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from heard.accounts.models import Membership

from .chosen import remember_in_session


@receiver(user_logged_in, dispatch_uid="heard-member-language")
def apply_member_language(sender, request, user, **kwargs):
    """At login the member's remembered language takes over from the browser's."""
    if request is None or not hasattr(request, "session"):
        return
    language = Membership.objects.filter(user=user).values_list("language", flat=True).first()
    remember_in_session(request, language or "")
