"""The probe (SPEC §4.6) against real servers on 127.0.0.1, mapped with CANCELLATION_PROBE_RESOLVE."""

import socket
import time

import httpx
from django.utils import translation

from beian.cancellations.probe import Outcome, ProbeResult, answering, described, probe_website
from tests.cancellations.servers import refusing_port, silent_server, site_server


def _by_url(results):
    return {result.url: result for result in results}


def test_a_server_answering_with_a_page_is_still_online(settings):
    with site_server() as server:
        settings.CANCELLATION_PROBE_RESOLVE = {"example.cn": f"127.0.0.1:{server.port}"}
        results = _by_url(probe_website(["example.cn"]))
    assert list(results) == ["https://example.cn", "http://example.cn"]
    http = results["http://example.cn"]
    assert http.outcome == Outcome.PAGE and http.status == 200 and http.answered
    # The request carries the real host name, as a visitor's browser would send it.
    assert "example.cn" in server.seen_hosts
    with translation.override("en"):
        assert http.describe() == "http://example.cn answered with HTTP 200"


def test_https_failing_and_http_answering(settings):
    # A plain-HTTP server behind the HTTPS URL: the TLS handshake fails, HTTP answers.
    with site_server() as server:
        settings.CANCELLATION_PROBE_RESOLVE = {"example.cn": f"127.0.0.1:{server.port}"}
        results = _by_url(probe_website(["example.cn"]))
    assert results["https://example.cn"].outcome == Outcome.NO_CONNECTION
    assert not results["https://example.cn"].answered
    assert [result.url for result in answering(list(results.values()))] == ["http://example.cn"]


def test_a_refused_connection_is_closed(settings):
    port = refusing_port()
    settings.CANCELLATION_PROBE_RESOLVE = {"example.cn": f"127.0.0.1:{port}"}
    results = probe_website(["example.cn"])
    assert [result.outcome for result in results] == [Outcome.NO_CONNECTION, Outcome.NO_CONNECTION]
    assert answering(results) == []
    assert all(result.detail for result in results)


def test_a_server_that_never_answers_times_out_quickly(settings):
    with silent_server() as port:
        settings.CANCELLATION_PROBE_RESOLVE = {"example.cn": f"127.0.0.1:{port}"}
        started = time.monotonic()
        results = probe_website(["example.cn"])
        elapsed = time.monotonic() - started
    assert [result.outcome for result in results] == [Outcome.TIMEOUT, Outcome.TIMEOUT]
    assert elapsed < 3  # both URLs in parallel, each within the 0.5 s timeout
    with translation.override("en"):
        assert results[1].describe() == "http://example.cn: no answer within 0.5 seconds"


def test_a_redirect_to_another_site_is_not_followed(settings):
    with site_server(status=302, headers={"Location": "https://parking.example.com/sale"}) as server, \
            site_server() as elsewhere:
        settings.CANCELLATION_PROBE_RESOLVE = {"example.cn": f"127.0.0.1:{server.port}",
                                               "parking.example.com": f"127.0.0.1:{elsewhere.port}"}
        results = _by_url(probe_website(["example.cn"]))
    http = results["http://example.cn"]
    assert http.outcome == Outcome.REDIRECT_ELSEWHERE and http.status == 302
    assert http.location == "https://parking.example.com/sale" and not http.answered
    assert elsewhere.seen_hosts == []  # never contacted


def test_a_redirect_on_the_same_site_is_followed_to_the_page(settings):
    with site_server(status=301, headers={"Location": "http://www.example.cn/home"}) as server, \
            site_server() as www:
        settings.CANCELLATION_PROBE_RESOLVE = {"http://example.cn": f"127.0.0.1:{server.port}",
                                               "https://example.cn": f"127.0.0.1:{refusing_port()}",
                                               "www.example.cn": f"127.0.0.1:{www.port}"}
        results = _by_url(probe_website(["example.cn"]))
    http = results["http://example.cn"]
    assert http.outcome == Outcome.PAGE and http.final_url == "http://www.example.cn/home"
    assert www.seen_hosts == ["www.example.cn"]
    with translation.override("en"):
        assert "answered with HTTP 200 (at http://www.example.cn/home)" in http.describe()


def test_an_error_status_is_not_a_page(settings):
    with site_server(status=404) as server:
        settings.CANCELLATION_PROBE_RESOLVE = {"example.cn": f"127.0.0.1:{server.port}"}
        results = probe_website(["example.cn"])
    assert results[1].outcome == Outcome.ERROR_STATUS and results[1].status == 404
    assert answering(results) == []


def test_a_redirect_loop_ends(settings):
    with site_server(status=302, headers={"Location": "/again"}) as server:
        settings.CANCELLATION_PROBE_RESOLVE = {"example.cn": f"127.0.0.1:{server.port}"}
        results = probe_website(["example.cn"])
    assert results[1].outcome == Outcome.TOO_MANY_REDIRECTS
    # HTTPS fails at the handshake; HTTP is asked once and then once per redirect followed.
    assert len(server.seen_hosts) == settings.CANCELLATION_PROBE_MAX_REDIRECTS + 1


def test_every_domain_is_probed_and_invalid_ones_are_skipped(settings):
    with site_server() as one, site_server(status=503) as two:
        settings.CANCELLATION_PROBE_RESOLVE = {"one.cn": f"127.0.0.1:{one.port}",
                                               "two.cn": f"127.0.0.1:{two.port}"}
        results = probe_website(["one.cn", "not a domain", "two.cn", "ONE.cn"])
    assert [result.url for result in results] == ["https://one.cn", "http://one.cn", "https://two.cn",
                                                  "http://two.cn"]
    assert [result.url for result in answering(results)] == ["http://one.cn"]


def test_no_domains_nothing_to_probe():
    assert probe_website([]) == []


def test_domains_pointing_inside_the_network_are_not_fetched(monkeypatch):
    def private_only(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port))]

    monkeypatch.setattr(socket, "getaddrinfo", private_only)
    results = probe_website(["intranet.cn"])
    assert [result.outcome for result in results] == [Outcome.NOT_PUBLIC, Outcome.NOT_PUBLIC]


def test_a_domain_without_address(monkeypatch):
    def no_address(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_address)
    results = probe_website(["gone.cn"])
    assert {result.outcome for result in results} == {Outcome.NO_ADDRESS}


def test_an_injected_transport_replaces_the_network(monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo",
                        lambda host, port, *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "",
                                                      ("93.184.216.34", port))])
    asked = []

    def answer(request):
        asked.append((request.url.scheme, str(request.url.host), request.headers["host"],
                      request.extensions.get("sni_hostname")))
        return httpx.Response(200 if request.url.scheme == "https" else 500, text="<p>hi</p>")

    results = probe_website(["example.cn"], transport=httpx.MockTransport(answer))
    assert [result.outcome for result in results] == [Outcome.PAGE, Outcome.ERROR_STATUS]
    assert ("https", "93.184.216.34", "example.cn", "example.cn") in asked


def test_results_survive_storage_and_are_described_in_both_languages():
    stored = [ProbeResult("https://example.cn", Outcome.PAGE, status=200).as_dict(),
              ProbeResult("http://example.cn", Outcome.TIMEOUT, timeout=5.0).as_dict()]
    with translation.override("zh-hans"):
        rows = described(stored)
    assert rows[0]["answered"] and not rows[1]["answered"]
    assert "200" in rows[0]["text"] and rows[0]["text"] != "https://example.cn answered with HTTP 200"
    with translation.override("en"):
        assert described(stored)[1]["text"] == "http://example.cn: no answer within 5 seconds"
