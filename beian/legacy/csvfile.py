"""The columns of a legacy-record CSV file (read by beian.imports.csvfile.read_rows)."""

from django.utils.translation import gettext_lazy

from beian.imports.csvfile import Columns

# Canonical field → accepted header spellings (compared without spaces, case-insensitively).
HEADERS = {
    "record_number": ("record_number", "recordnumber", "legacy_record_number", "备案号", "公安备案号",
                      "联网备案号", "原备案号"),
    "domain": ("domain", "域名", "网站域名"),
    "website_name": ("website_name", "websitename", "name", "网站名称"),
    "icp_number": ("icp_number", "icpnumber", "icp备案号", "icp"),
    "sponsor_name": ("sponsor_name", "sponsorname", "主办者名称", "开办主体名称", "主办者"),
    "certificate_type": ("certificate_type", "certificatetype", "证件类型"),
    "certificate_number": ("certificate_number", "certificatenumber", "证件号码"),
    "agency_code": ("agency_code", "agencycode", "公安机关代码", "机关代码"),
    "deadline": ("deadline", "认领期限", "截止日期"),
}
REQUIRED_COLUMNS = ("record_number", "domain", "website_name", "agency_code")
LEGACY_COLUMNS = Columns(HEADERS, REQUIRED_COLUMNS)
# For the upload page: every column with its Chinese header and whether it is required.
COLUMN_HELP = [
    ("record_number", "备案号", True,
     gettext_lazy("The 14-digit public-security record number given offline (京公网安备 …号 is fine); "
                  "importing it again updates the record.")),
    ("domain", "域名", True, gettext_lazy("Domain name, e.g. example.cn (Chinese domains allowed).")),
    ("website_name", "网站名称", True, gettext_lazy("The website's name.")),
    ("icp_number", "ICP备案号", False, gettext_lazy("The MIIT ICP record number, e.g. 京ICP备12345678号-1.")),
    ("sponsor_name", "主办者名称", False, gettext_lazy("The sponsor's unit or person name.")),
    ("certificate_type", "证件类型", False,
     gettext_lazy("The sponsor's certificate type: a code such as uscc or resident_id, or its Chinese "
                  "name. With the number, it matches the record with the sponsor's account.")),
    ("certificate_number", "证件号码", False, gettext_lazy("The sponsor's certificate number.")),
    ("agency_code", "公安机关代码", True,
     gettext_lazy("The 6-digit code of the police agency that filed it.")),
    ("deadline", "认领期限", False,
     gettext_lazy("YYYY-MM-DD; empty: the default period after the import (30 days unless configured).")),
]
