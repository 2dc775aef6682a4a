"""The platform's own deploy checks (issue 14, item 5)."""

from django.core.checks import run_checks
from django.core.management import call_command

from beian.core.checks import TRUSTED_PROXY_COUNT_UNSET


def _deploy_check_ids():
    return {message.id for message in run_checks(include_deployment_checks=True)}


def test_https_without_trusted_proxies_warns_at_deploy_check(settings):
    settings.HTTPS = True
    settings.TRUSTED_PROXY_COUNT = 0
    assert TRUSTED_PROXY_COUNT_UNSET in _deploy_check_ids()


def test_trusted_proxies_set_or_no_https_is_quiet(settings):
    settings.HTTPS, settings.TRUSTED_PROXY_COUNT = True, 1
    assert TRUSTED_PROXY_COUNT_UNSET not in _deploy_check_ids()
    settings.HTTPS, settings.TRUSTED_PROXY_COUNT = False, 0
    assert TRUSTED_PROXY_COUNT_UNSET not in _deploy_check_ids()


def test_the_warning_is_a_deploy_check_only(settings):
    settings.HTTPS, settings.TRUSTED_PROXY_COUNT = True, 0
    assert TRUSTED_PROXY_COUNT_UNSET not in {message.id for message in run_checks()}


def test_manage_py_check_deploy_names_the_setting(settings, capsys):
    settings.HTTPS, settings.TRUSTED_PROXY_COUNT = True, 0
    call_command("check", "--deploy", "--tag", "security")
    output = "".join(capsys.readouterr())
    assert "beian.W001" in output and "TRUSTED_PROXY_COUNT" in output
