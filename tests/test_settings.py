"""A missing or broken environment value stops start-up with a message naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _start(tmp_path, **variables):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "beian.settings", "BEIAN_VAR_DIR": str(tmp_path),
           **variables}
    return subprocess.run([sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(("name", "value"), [
    ("DEBUG", "maybe"),
    ("DATABASE_URL", "nosuchdb://x"),
    ("REVIEW_DEADLINE_WORKING_DAYS", "twenty"),
    ("FILE_UPLOAD_PERMISSIONS", "rw-------"),
    ("PII_KEYS", "a-secret-without-its-id"),
    ("PII_KEYS", "1:first,1:second"),
])
def test_a_malformed_value_names_the_variable(tmp_path, name, value):
    result = _start(tmp_path, **{name: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and name in result.stderr


def test_the_embedded_default_needs_no_variables(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CACHE_URL", "SECRET_KEY"}}
    script = ("import django; django.setup(); from django.conf import settings; "
              "print(settings.DATABASES['default']['NAME'])")
    result = subprocess.run([sys.executable, "-c", script],
                            cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "beian.settings",
                                           "BEIAN_VAR_DIR": str(tmp_path)},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert str(tmp_path / "beian.sqlite3") in result.stdout
    assert (tmp_path / "secret_key.txt").exists() and (tmp_path / "pii_key.txt").exists()


@pytest.mark.parametrize(("variables", "ring"), [
    ({"PII_KEYS": "2:newer-secret, 1:older-secret"}, "(('2', 'newer-secret'), ('1', 'older-secret'))"),
    ({"PII_KEY": "the-only-secret"}, "(('1', 'the-only-secret'),)"),
])
def test_the_pii_key_ring_is_read_newest_first(tmp_path, variables, ring):
    env = {k: v for k, v in os.environ.items() if k not in {"PII_KEY", "PII_KEYS"}}
    script = "import django; django.setup(); from django.conf import settings; print(settings.PII_KEYS)"
    env.update({"DJANGO_SETTINGS_MODULE": "beian.settings", "BEIAN_VAR_DIR": str(tmp_path), **variables})
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ring
