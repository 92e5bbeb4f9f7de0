"""The two-factor pages: turn it on or off (administrators), and the code step of sign-in."""

from base64 import b32encode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LogoutView
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import services
from .forms import CodeForm
from .qr import qr_svg
from .queries import may_use_two_factor, two_factor_device_for

WRONG_CODE = gettext_lazy("That code did not match. Wait for the next one in your app and type it.")


@sensitive_post_parameters("code")
@never_cache
@login_required
def two_factor(request):
    """Turn two-factor sign-in on (scan, then one code) or off (one code)."""
    device = two_factor_device_for(request.user)
    if device is None and not may_use_two_factor(request.user):
        # Anyone who already has it may still turn it off, e.g. after losing the admin role.
        raise PermissionDenied
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if device is None:
                services.turn_on_two_factor(request=request, code=form.cleaned_data["code"])
                messages.success(request, _("Two-factor sign-in is on."))
            else:
                services.turn_off_two_factor(user=request.user, code=form.cleaned_data["code"])
                messages.success(request, _("Two-factor sign-in is off."))
        except services.WrongCode:
            form.add_error("code", WRONG_CODE)
        else:
            return redirect("security:two_factor")
    context = {"form": form, "device": device}
    if device is None:
        setup = services.start_two_factor(user=request.user)
        secret = b32encode(setup.bin_key).decode()
        context.update(
            qr_svg=qr_svg(setup.config_url),
            secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        )
    return render(request, "security/two_factor.html", context)


@sensitive_post_parameters("code")
@never_cache
@login_required
def verify(request):
    """The code step after the password, for accounts with two-factor on."""
    next_url = request.POST.get("next", request.GET.get("next", ""))
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    if two_factor_device_for(request.user) is None or request.user.is_verified():
        return redirect(next_url or "home")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.verify_two_factor(request=request, code=form.cleaned_data["code"])
        except services.WrongCode:
            form.add_error("code", WRONG_CODE)
        else:
            return redirect(next_url or "home")
    return render(request, "security/verify.html", {"form": form, "next": next_url})


class ForgetfulLogoutView(LogoutView):
    """Django's logout, and the browser told to forget what Heard kept on it: the phone's copy
    of the capture pages, the people of the turf, drafts and the outbox (a shared phone passes
    to the next volunteer empty). The page empties them itself first, after asking about what
    was never sent (heard/static/heard/outbox.js); this header is for browsers where the
    script did not run. "storage" also removes the service worker; it comes back on the next
    page."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response
