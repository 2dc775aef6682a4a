"""GET /api/v1/ping: public, no database, in the OpenAPI (monitors and the benchmarks' baseline)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.mark.django_db
def test_ping_answers_without_touching_the_database(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/ping")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert len(queries) == 0
    assert "/api/v1/ping" in client.get("/api/v1/openapi.json").json()["paths"]
