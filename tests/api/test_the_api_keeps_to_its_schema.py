"""Schemathesis generates requests from /api/openapi.json for every operation and checks each
answer: no server error, and the status, content type and body as the schema says; requests the
schema forbids are refused. A few examples per operation here (the bounded CI run);
benchmarks/api/ records a larger run.

One check is left out: "a schema-valid request is accepted". A conversation dated before its
campaign, or with nobody in it, is well-formed JSON that Heard refuses with 422 and the reason
in words, as the capture form does; those rules are not expressible in the schema."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from .tokens import token_of

EXAMPLES = 3


# Read from the running application, as a client would (the schema needs no database). The
# organizer's run includes the coverage phase (each parameter's edges and wrong types, a few
# hundred requests); the volunteer's only fuzzes, to keep CI's run near half a minute.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
fuzzed = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
fuzzed.config.phases.coverage.enabled = False


@pytest.fixture(autouse=True)
def _one_connection_per_test():
    """Schemathesis calls the WSGI application itself, whose end of request closes a database
    connection that is inside a transaction: the test's own, on PostgreSQL. Django's test client
    unhooks the same receivers for the same reason."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def may_secret(ours, theirs, may):
    return token_of(may)


@pytest.fixture
def lee_secret(ours, theirs, lee):
    """Lee, the volunteer: the narrowest view, so 403 and 404 answers are exercised too."""
    return token_of(lee)


bounded = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@bounded
def test_every_operation_answers_the_organizer_as_its_schema_says(case, may_secret):
    _check(case, may_secret)


@fuzzed.parametrize()
@bounded
def test_every_operation_answers_the_volunteer_as_its_schema_says(case, lee_secret):
    _check(case, lee_secret)


def _check(case, secret):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {secret}"},
        excluded_checks=[positive_data_acceptance],
    )
