"""schemathesis against the served OpenAPI document: no 5xx, answers match the schema."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from beian.api.api import api

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))


@pytest.fixture
def generous_limits(settings):
    settings.API_RATE_LIMITS = {"prechecks": 100_000}


@pytest.mark.usefixtures("generous_limits")
@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, live_server, reference_data):
    case.call_and_validate(base_url=live_server.url, checks=[
        not_a_server_error, status_code_conformance, content_type_conformance,
        response_schema_conformance])
