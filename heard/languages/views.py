from django.http import Http404
from django.utils.translation import check_for_language
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from heard.accounts.queries import membership_for
from heard.accounts.services import choose_language

from .chosen import remember_in_session


@require_POST
def switch_language(request):
    """The language switch on every page: Django's set_language (the cookie, back to the page),
    and for a signed-in member the choice kept on their membership for their next login."""
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and check_for_language(language):
        try:
            membership = membership_for(request.user)
        except Http404:
            membership = None  # the operator's login, with no organization: the cookie only
        if membership is not None:
            choose_language(membership=membership, language=language)
        remember_in_session(request, language)
    return response
