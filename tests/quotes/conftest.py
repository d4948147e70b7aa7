"""Shared fixtures of the vendor-quotation tests: the sample quotations and their plan."""

from __future__ import annotations

import pytest

from tests.quotes.quote_files import plan_as_quoted


@pytest.fixture(scope="session")
def comparison():  # type: ignore[no-untyped-def]
    """The plan as quoted: priced from the snapshot it was saved with, as `reconcile` prices it."""
    return plan_as_quoted()
