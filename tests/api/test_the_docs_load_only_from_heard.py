"""/api/docs is Swagger UI served by Heard itself: every script and stylesheet from /static/,
no inline script (its settings are JSON data, not code), under the same Content-Security-Policy
as every page; the schema it reads is /api/openapi.json."""

import re

from django.test import Client
from policy import csp_directives


def test_the_docs_page_loads_its_scripts_and_styles_from_heard_only(db):
    response = Client().get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert sources and all(src.startswith("/static/") for src in sources), sources
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
    inline = [attrs for attrs, body in scripts if body.strip() and "application/json" not in attrs]
    assert inline == []
    assert csp_directives(response)["script-src"] == "'self'"
    assert '"url": "/api/openapi.json"' in html


def test_the_swagger_assets_are_served(db):
    client = Client()
    for asset in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js", "ninja/swagger-ui.css"):
        response = client.get(f"/static/{asset}")
        assert response.status_code == 200, asset


def test_the_schema_names_every_operation_and_the_bearer_token(db):
    schema = Client().get("/api/openapi.json").json()
    assert schema["info"]["title"] == "Heard API"
    paths = set(schema["paths"])
    assert {
        "/api/v1/people/",
        "/api/v1/people/{person_id}",
        "/api/v1/campaigns/",
        "/api/v1/campaigns/{campaign_id}/themes",
        "/api/v1/conversations/",
        "/api/v1/conversations/{conversation_id}",
        "/api/v1/commitments/",
        "/api/v1/events/",
        "/api/v1/events/{event_id}",
    } == paths
    schemes = schema["components"]["securitySchemes"]
    assert schemes["BearerToken"]["scheme"] == "bearer"
