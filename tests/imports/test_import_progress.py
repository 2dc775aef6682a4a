"""A background import shows how far it is: the file's rows counted first, the rows done updated a
batch at a time, a progress bar on "my imports" and on the run's page while it runs."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from beian.imports import uploads
from beian.imports.csvfile import count_rows
from beian.imports.models import ImportRun
from tests.legacy.helpers import csv_bytes, plain_row

pytestmark = pytest.mark.usefixtures("reference_data")


def test_rows_are_counted_as_the_reader_reads_them_and_the_file_stays_open():
    data = "域名,备注\na.cn,\"two\nlines\"\nb.cn,x\n\nc.cn,y\n".encode("gb18030")
    binary = io.BytesIO(data)
    assert count_rows(binary) == 4  # a quoted cell over two lines is one row; the blank line is one
    assert not binary.closed and binary.tell() == 0


@pytest.mark.django_db
def test_the_rows_done_are_recorded_a_batch_at_a_time(monkeypatch, supervisor):
    monkeypatch.setattr(uploads, "BATCH_SIZE", 5)
    run = ImportRun.objects.create(kind="legacy", actor=supervisor, status="running", rows_total=12)
    rows = uploads._with_progress(run, iter(range(12)))
    seen = [next(rows) for _ in range(6)]  # the first row of the second batch is asked for
    assert seen == [0, 1, 2, 3, 4, 5]
    run.refresh_from_db()
    assert (run.rows_done, run.percent) == (5, 41)


@pytest.mark.django_db
def test_a_background_import_ends_with_every_row_done(client, signed_in, supervisor, settings,
                                                     django_capture_on_commit_callbacks):
    settings.IMPORT_BACKGROUND_BYTES = 100
    signed_in(supervisor)
    data = csv_bytes([plain_row(n) for n in range(20)])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("legacy:upload"), {"file": SimpleUploadedFile("big.csv", data)})
    run = ImportRun.objects.get(kind="legacy")
    assert (run.status, run.rows_total, run.rows_done, run.percent) == ("done", 20, 20, 100)


@pytest.mark.django_db
def test_my_imports_and_the_run_page_show_the_progress_while_running(client, signed_in, supervisor):
    signed_in(supervisor)
    run = ImportRun.objects.create(kind="legacy", actor=supervisor, status="running", file_name="big.csv",
                                   rows_total=200, rows_done=50)
    for url in (reverse("exports:imports"), reverse("legacy:import_run", args=[run.pk])):
        page = client.get(url).content.decode()
        assert '<progress max="100" value="25">' in page and "25%" in page, url
        assert "已处理 50 / 200 行" in page and 'hx-trigger="every 3s"' in page, url
    ImportRun.objects.filter(pk=run.pk).update(status="done", rows_done=200)
    page = client.get(reverse("exports:imports")).content.decode()
    assert '<progress max="100" value="100">' in page and 'hx-trigger' not in page
