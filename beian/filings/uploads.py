"""The wizard's attachments besides ID photos: a scan of each pre-approval (an image, checked and
re-encoded like every personal document) and the security protection scheme of an interactive
website (a PDF or an image; SPEC §4.3 step 4).

A PDF cannot be re-encoded like an image: it is accepted only when its bytes are a PDF (header and
end-of-file marker), it is stored under a server-made name and served only as a download
(Content-Disposition: attachment, nosniff), never rendered by the platform itself.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from beian.sponsors.documents import UploadRefused, clean_image, read_upload

PDF = "application/pdf"


@dataclass(frozen=True)
class CleanDocument:
    data: bytes
    content_type: str  # application/pdf, image/jpeg or image/png


def _max_scheme_bytes() -> int:
    return getattr(settings, "SECURITY_SCHEME_MAX_BYTES", 5 * 1024 * 1024)


def clean_scheme_document(uploaded, *, field: str = "security_scheme") -> CleanDocument:
    """A PDF as it is, or an image re-encoded; UploadRefused with a message otherwise."""
    limit = _max_scheme_bytes()
    data = read_upload(uploaded, limit)
    if data.startswith(b"%PDF-"):
        if len(data) > limit:
            raise UploadRefused(_("The security protection scheme may be at most %(size)s MB.")
                                % {"size": limit // (1024 * 1024)}, reason="too_large", size=len(data))
        if b"%%EOF" not in data[-2048:]:
            raise UploadRefused(_("This PDF file is incomplete or damaged. Save it again and upload it."),
                                reason="damaged", size=len(data))
        return CleanDocument(data, PDF)
    image = clean_image(uploaded, field=field)
    return CleanDocument(image.data, image.content_type)


def extension_of(content_type: str) -> str:
    return {PDF: "pdf", "image/png": "png"}.get(content_type, "jpg")
