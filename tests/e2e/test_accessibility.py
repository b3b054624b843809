"""Accessibility scan with axe-core: no serious or critical violations on the main pages."""
import pytest

from aledraft.access import Role
from tests.e2e.conftest import login, run_axe

BLOCKING_IMPACTS = {"serious", "critical"}


def check_page(page, label: str):
    violations = run_axe(page)
    for v in violations:
        targets = ", ".join(str(node["target"]) for node in v["nodes"][:5])
        print(f"axe {label}: {v['impact']} {v['id']} – {v['help']} ({len(v['nodes'])}: {targets})")
    serious = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not serious, [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in serious]


def test_login_page_has_no_serious_accessibility_violations(page):
    page.goto("/login")
    check_page(page, "login")
