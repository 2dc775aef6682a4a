"""The register of processing as rows for the administrators' page and as the Markdown file in docs/
(`manage.py personal_data_register --write`). Both read the models' PERSONAL_DATA declarations
(beian.core.personal_data); nothing here is written by hand."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import translation

from beian.core.personal_data import NotPersonal, Retention, declarations, project_models, register

DOCUMENT_PATH = Path(settings.BASE_DIR) / "docs" / "personal-data-register.md"


@dataclass(frozen=True)
class Row:
    model_label: str
    model_name: str
    field_name: str
    field_label: str
    category: str
    sensitive: bool
    protection: str
    readers: tuple[str, ...]
    retention: str
    retention_settings: tuple[str, ...]


@dataclass(frozen=True)
class ExemptRow:
    model_label: str
    field_name: str
    reason: str


def rows() -> list[Row]:
    """One row per field holding personal data, labels in the active language."""
    return [Row(model_label=entry.model_label, model_name=entry.model_name, field_name=entry.field_name,
                field_label=entry.field_label, category=str(entry.marker.category.label),
                sensitive=entry.marker.sensitive, protection=str(entry.marker.protection.label),
                readers=tuple(str(reader.label) for reader in entry.marker.readers),
                retention=str(Retention(entry.marker.retention).label),
                retention_settings=entry.marker.retention_settings)
            for entry in register()]


def exempt_rows() -> list[ExemptRow]:
    """Fields whose name looks personal but that are declared not to be, with the reason."""
    found = []
    for model in sorted(project_models(), key=lambda m: m._meta.label):
        marked = declarations(model)
        for model_field in model._meta.concrete_fields:
            marker = marked.get(model_field.name)
            if isinstance(marker, NotPersonal):
                found.append(ExemptRow(model_label=model._meta.label, field_name=model_field.name,
                                       reason=str(marker.reason)))
    return found


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_markdown() -> str:
    """The register in English, stable from run to run (the committed file is compared with it)."""
    with translation.override("en"):
        register_rows, exempt = rows(), exempt_rows()
    lines = [
        "# Register of personal data",
        "",
        "Generated from the `PERSONAL_DATA` declarations of the models by",
        "`manage.py personal_data_register --write`; do not edit by hand. A test fails when this file",
        "differs from the code, and when a field that looks personal has no declaration",
        "(docs/adr/0104-register-of-personal-data.md). Administrators see the same register in the",
        "staff area, in their language.",
        "",
        f"{len(register_rows)} fields hold personal data, "
        f"{sum(row.sensitive for row in register_rows)} of them sensitive (PIPL art. 28).",
        "",
        "## Fields that hold personal data",
        "",
        "| Model | Field | Category | Sensitive | Protection | Who may read it | Retention |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in register_rows:
        retention = row.retention + "".join(f" `{name}`" for name in row.retention_settings)
        lines.append("| " + " | ".join([
            f"`{row.model_label}`", f"`{row.field_name}` ({_cell(row.field_label)})", _cell(row.category),
            "yes" if row.sensitive else "no", _cell(row.protection), _cell("; ".join(row.readers)),
            _cell(retention)]) + " |")
    lines += [
        "",
        "## Fields named like personal data that are not",
        "",
        "| Model | Field | Why it is not personal data |",
        "|---|---|---|",
    ]
    lines += [f"| `{row.model_label}` | `{row.field_name}` | {_cell(row.reason)} |" for row in exempt]
    return "\n".join(lines) + "\n"
