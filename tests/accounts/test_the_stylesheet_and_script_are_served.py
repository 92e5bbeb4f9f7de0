"""Every page links heard.css, and the capture form capture.js: both must be served, or a
volunteer at the door gets an unstyled form with no person search."""

import pytest
from django.contrib.staticfiles import finders

STATIC = ["heard/heard.css", "heard/capture.js"]


@pytest.mark.parametrize("path", STATIC)
def test_the_stylesheet_and_capture_script_are_found_and_served(client, path):
    assert finders.find(path), f"{path} is not found by the static file finders"
    response = client.get(f"/static/{path}")
    assert response.status_code == 200
