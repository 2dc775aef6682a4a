"""axe-core (bundled in axe-playwright-python, never fetched at run time) against WCAG 2.1 A/AA."""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_axe = Axe()


def assert_accessible(page) -> None:
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                      "resultTypes": ["violations"]})
    violations = results.response["violations"]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — " + ", ".join(
            str(node["target"]) for node in v["nodes"][:5])
        for v in violations)
    assert not violations, f"Accessibility violations on {page.url}:\n{report}"
