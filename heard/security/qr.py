"""QR codes drawn on this machine as inline SVG: the secret never goes to a chart service."""

import segno
from django.utils.translation import gettext


def qr_svg(text: str) -> str:
    """An <svg> element (no XML declaration) to put straight into a page."""
    return segno.make(text, error="m").svg_inline(
        scale=5, border=2, light="#fff", title=gettext("QR code for your authenticator app")
    )
