"""PUBLIC_READ_DATABASE_URL adds a read replica that the public reads use (ADR 0080)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = ("import json; from django.conf import settings; "
           "print(json.dumps([settings.PUBLIC_READ_DATABASE, sorted(settings.DATABASES), "
           "settings.DATABASES.get('public_read', {}).get('NAME'), "
           "settings.DATABASES.get('public_read', {}).get('TEST')]))")


BASE_ENV = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "beian.settings"}


def _settings_with(**env) -> list:
    shown = subprocess.run([sys.executable, "-c", PROGRAM], cwd=ROOT, capture_output=True, text=True,
                           check=True, env={**BASE_ENV, **env})
    return json.loads(shown.stdout)


def test_a_replica_url_adds_the_public_read_alias():
    alias, aliases, name, test = _settings_with(DATABASE_URL="postgres://main@db:5432/beian",
                                                PUBLIC_READ_DATABASE_URL="postgres://reader@replica:5432/beian")
    assert alias == "public_read" and aliases == ["default", "public_read"] and name == "beian"
    assert test == {"MIRROR": "default"}


def test_without_it_the_public_reads_use_the_main_database():
    alias, aliases, _name, _test = _settings_with()
    assert alias == "" and aliases == ["default"]


def test_a_malformed_replica_url_names_the_variable():
    shown = subprocess.run([sys.executable, "-c", PROGRAM], cwd=ROOT, capture_output=True, text=True,
                           env={**BASE_ENV, "PUBLIC_READ_DATABASE_URL": "nonsense://"})
    assert shown.returncode != 0 and "PUBLIC_READ_DATABASE_URL" in shown.stderr
