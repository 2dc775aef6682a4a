"""beian.rules is pure Python: the forms, the API and scripts can use it without Django."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_and_using_the_rules_does_not_import_django():
    code = (
        "import sys, datetime, beian.rules as r\n"
        "r.check_filing({'website': {'name': '中国新闻网', 'domains': ['bbs.example.cn'],"
        " 'pre_approvals': []}}, today=datetime.date(2026, 11, 20))\n"
        "r.message_for(r.Problem('ip.invalid', r.Severity.ERROR, 'x', {}), 'zh-hans')\n"
        "assert not any(name == 'django' or name.startswith('django.') for name in sys.modules), 'django'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


def test_no_module_mentions_django_imports():
    package = ROOT / "beian" / "rules"
    for source in package.rglob("*.py"):
        text = source.read_text("utf-8")
        assert "import django" not in text and "from django" not in text, source
