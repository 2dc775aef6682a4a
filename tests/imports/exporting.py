"""Export a workbench list as a user does: press the list's export button (a background run, run at
once by the test settings' immediate task backend after commit) and download it from "my exports"."""

from django.urls import reverse

from beian.imports.models import ExportRun


def export(client, url: str, params: dict | None = None, *, capture):
    """`capture` is pytest-django's django_capture_on_commit_callbacks. Returns the download."""
    query = "?" + "&".join(f"{key}={value}" for key, value in (params or {}).items()) if params else ""
    with capture(execute=True):
        response = client.post(url + query)
    assert response.status_code == 302 and response["Location"] == reverse("exports:list")
    run = ExportRun.objects.order_by("-pk").first()
    assert run.status == ExportRun.Status.DONE, run.message
    download = client.get(reverse("exports:download", args=[run.pk]))
    assert download.status_code == 200
    return download


def content(download) -> bytes:
    return b"".join(download.streaming_content)
