import pytest

from aledraft.analysis.pipeline import build_nlp


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()
