"""QR codes drawn on this machine as inline SVG: the secret never goes to a chart service."""

import segno


def qr_svg(text: str) -> str:
    """An <svg> element (no XML declaration) to put straight into a page."""
    return segno.make(text, error="m").svg_inline(
        scale=5, border=2, light="#fff", title="QR code for your authenticator app"
    )
