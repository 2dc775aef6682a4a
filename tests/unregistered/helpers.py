"""Shared bits of the unregistered-website tests (and of the legacy-record tests, which import the
same way): CSV files, rows, calls of the token-authenticated import API."""

import io
import json

from beian.core.models import Agency
from beian.imports.api_tokens import create_api_token
from tests.sponsors.helpers import ENTERPRISE_USCC

HEADER_EN = ["domain", "ip", "found_where", "found_at", "certificate_type", "certificate_number",
             "sponsor_name", "agency_code", "deadline"]
HEADER_ZH = ["域名", "IP地址", "发现位置", "发现时间", "证件类型", "证件号码", "主办者名称", "公安机关代码",
             "备案期限"]


def row(domain="yunjing.cn", *, ip="61.135.169.121", found_where="巡查发现", found_at="2026-11-01",
        certificate_type="uscc", certificate_number=ENTERPRISE_USCC, sponsor_name="北京云景科技有限公司",
        agency_code="110105", deadline="") -> dict:
    return {"domain": domain, "ip": ip, "found_where": found_where, "found_at": found_at,
            "certificate_type": certificate_type, "certificate_number": certificate_number,
            "sponsor_name": sponsor_name, "agency_code": agency_code, "deadline": deadline}


def csv_bytes(rows, *, header=HEADER_EN, fields=HEADER_EN, encoding="utf-8", bom=False) -> bytes:
    """A CSV file: the `header` line, then the values of `fields` (canonical names) of each row."""
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for item in rows:
        writer.writerow([item.get(name, "") for name in fields])
    text = buffer.getvalue()
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)


def post_json(client, url: str, body, token: str | None = None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


def api_token(code: str = "110000") -> str:
    """The text of a new API token of agency `code`."""
    return create_api_token(agency=Agency.objects.get(code=code))[1]
