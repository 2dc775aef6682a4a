"""schemathesis against the served OpenAPI document: no 5xx, every status declared, answers match the
schema, what the schema refuses is refused and what it allows is accepted (never a 422 for it)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from beian.api.api import api

openapi = api.get_openapi_schema(path_prefix="/api/v1")
schema = schemathesis.openapi.from_dict(openapi)
# A body over the size limit is refused with 413 before it is read: a rejection like 422.
rejection = schema.config.checks.negative_data_rejection
rejection.expected_statuses = [*rejection.expected_statuses, "413"]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          negative_data_rejection, positive_data_acceptance]


@pytest.fixture
def generous_limits(settings):
    settings.API_RATE_LIMITS = {"prechecks": 100_000}
    settings.PUBLIC_LOOKUP_RATE_PER_MINUTE = 100_000


@pytest.mark.usefixtures("generous_limits")
@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, live_server, reference_data):
    case.call_and_validate(base_url=live_server.url, checks=CHECKS)


@pytest.mark.parametrize(("path", "method"), [
    (path, method) for path, operations in openapi["paths"].items() for method in operations])
def test_every_operation_declares_the_request_errors(path, method):
    declared = set(openapi["paths"][path][method]["responses"])
    assert {400, 413} <= {int(code) for code in declared}, (method, path)
