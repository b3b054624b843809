"""Fixtures of the consent tests."""
from tests.workflow import app_context, fake_analyzer, make_draft  # noqa: F401
