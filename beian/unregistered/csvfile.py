"""The columns of an unregistered-website CSV file (read by beian.imports.csvfile.read_rows)."""

from django.utils.translation import gettext_lazy

from beian.imports.csvfile import Columns

# Unregistered websites: canonical field → accepted header spellings (compared without spaces,
# case-insensitively).
HEADERS = {
    "domain": ("domain", "域名", "网站域名"),
    "ip": ("ip", "ip地址", "ipaddress", "网站ip"),
    "found_where": ("found_where", "wherefound", "发现位置", "发现来源", "发现途径"),
    "found_at": ("found_at", "foundat", "发现时间", "发现日期"),
    "certificate_type": ("certificate_type", "certificatetype", "证件类型"),
    "certificate_number": ("certificate_number", "certificatenumber", "证件号码"),
    "sponsor_name": ("sponsor_name", "sponsorname", "主办者名称", "开办主体名称", "主办者"),
    "agency_code": ("agency_code", "agencycode", "公安机关代码", "机关代码"),
    "deadline": ("deadline", "备案期限", "截止日期"),
}
REQUIRED_COLUMNS = ("domain", "ip", "found_where", "found_at", "agency_code")
# For the upload page: every column with its Chinese header and whether it is required.
COLUMN_HELP = [
    ("domain", "域名", True, gettext_lazy("Domain name, e.g. example.cn (Chinese domains allowed).")),
    ("ip", "IP地址", True, gettext_lazy("Public IPv4 or IPv6 address, or a start-end range.")),
    ("found_where", "发现位置", True, gettext_lazy("Where the website was found (a URL or a note).")),
    ("found_at", "发现时间", True, gettext_lazy("YYYY-MM-DD or YYYY-MM-DD HH:MM.")),
    ("certificate_type", "证件类型", False,
     gettext_lazy("The sponsor's certificate type: a code such as uscc or resident_id, "
                  "or its Chinese name.")),
    ("certificate_number", "证件号码", False, gettext_lazy("The sponsor's certificate number.")),
    ("sponsor_name", "主办者名称", False, gettext_lazy("The sponsor's unit or person name.")),
    ("agency_code", "公安机关代码", True, gettext_lazy("The 6-digit code of the responsible police agency.")),
    ("deadline", "备案期限", False,
     gettext_lazy("YYYY-MM-DD; empty: the default period after the import (30 days unless configured).")),
]

UNREGISTERED_COLUMNS = Columns(HEADERS, REQUIRED_COLUMNS)
