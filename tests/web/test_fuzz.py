"""Schemathesis generates requests from the OpenAPI spec (valid and invalid parameters,
huge integers, long and odd strings, bad dates) against the app: none may get a 5xx.

Bounded in time: a fixed number of examples per operation and mode (about 20 s on one
core), and a wall-clock budget after which the remaining operations are not tried.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from tests.web.conftest import build_sample_store  # noqa: E402

pytestmark = pytest.mark.slow
EXAMPLES = 30  # per operation and generation mode
BUDGET = 240.0  # seconds for the whole run


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory):
    from eventwire.api import create_app
    from eventwire.config import Settings

    db = build_sample_store(Path(tmp_path_factory.mktemp("fuzz")) / "fuzz.db")
    app = create_app(Settings(db=str(db), api_token="secret", api_max_body=100_000))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_request_gets_a_server_error(api_schema) -> None:
    start = time.monotonic()
    tried, failures = [], []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        if time.monotonic() - start > BUDGET:
            break
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            strategy = operation.as_strategy(generation_mode=mode)

            @given(case=strategy)
            @settings(max_examples=EXAMPLES, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))  # fmt: skip
            def check(case) -> None:
                response = case.call()
                if response.status_code >= 500:
                    failures.append(f"{case.method} {case.formatted_path} {case.query}: "
                                    f"{response.status_code} {response.text[:200]}")  # fmt: skip
                elif response.status_code >= 400:
                    assert response.json()["error"]["message"]  # a JSON error that says why

            try:
                check()
            except Unsatisfiable:  # no invalid request exists (an operation without parameters)
                assert mode == schemathesis.GenerationMode.NEGATIVE
        tried.append(operation.label)
    assert len(tried) >= 15, tried
    assert failures == [], failures[:5]
