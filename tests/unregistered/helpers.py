"""Shared bits of the unregistered-website tests: CSV files and rows."""

import io

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


def csv_bytes(rows, *, header=HEADER_EN, encoding="utf-8", bom=False) -> bytes:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for item in rows:
        writer.writerow([item.get(name, "") for name in HEADER_EN])
    text = buffer.getvalue()
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)
