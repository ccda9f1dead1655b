"""``delegations partner new NAME``: write a ready partner plugin for the officer to fill in."""

from __future__ import annotations

import json
import keyword
import re
from pathlib import Path

from . import paths
from .domain import fold
from .errors import N_, UserError

TEMPLATE = '''"""Partner: the trade-union federation of {name}.

Made by `delegations partner new`, the Vietnamese and English names written from
the name typed (check them). Fill in the empty texts below; until every
required one is filled in, `delegations plugins` names what is missing and the
partner is not offered (nothing else is affected). Save, then start the program
again: it loads every file of this folder at start.

Every hook a plugin can use is explained by `delegations plugins --hooks` and in the plugin guide:
{guide}
"""

from delegations.api import Organisation, Text, hookimpl

PARTNER = Organisation(
    # The key stored in each delegation: lower case, no spaces, unique among partners.
    code="{code}",
    # The country, as an ISO 3166 code: "LA" Laos, "TH" Thailand, "KH" Cambodia, "VN" Vietnam.
    country="{country}",
    # The federation's full name, printed in the documents (required in all three languages).
    name=Text.of(
        vi={vi_name},
        lo="",  # in Lao script, e.g. "ສະຫະພັນກຳມະບານແຂວງ…"
        en={en_name},
    ),
    # The short name used in the table and the funding lines (required in all three languages).
    short_name=Text.of(
        vi={vi_short},
        lo="",  # in Lao script, e.g. "ສະຫະພັນກຳມະບານແຂວງ…"
        en="",  # e.g. "{name} FTU"
    ),
    # The province, as the documents name it (required in all three languages).
    province=Text.of(
        vi={vi_province},
        lo="",  # e.g. "ແຂວງ…"
        en={en_province},
    ),
    # The national body above the federation (optional).
    parent=Text.of(
        vi="",  # e.g. "Liên hiệp Công đoàn Lào"
        lo="",  # e.g. "ສະຫະພັນກຳມະບານລາວ"
        en="",  # e.g. "Lao Federation of Trade Unions"
    ),
    # Who pays what by default for delegations with this partner:
    # "reciprocal" (the host pays board and lodging, the sender transport and support)
    # or "norms" (a full budget by the legal norms). `delegations plugins` lists others.
    default_cost_model="reciprocal",
)


@hookimpl
def register_partners(register):
    register(PARTNER)
'''


def slug(name: str) -> str:
    """ "Champasak" -> "champasak"; "Khăm Muộn" -> "kham_muon" (a valid module name)."""
    s = re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_")
    if not s:
        raise UserError(N_("\"{name}\" gives no usable file name; use Latin letters, e.g. Champasak."), name=name)
    if s[0].isdigit() or keyword.iskeyword(s):
        s = f"partner_{s}"
    return s


def new_partner(name: str, folder: Path | None = None, country: str = "LA") -> Path:
    """Write ``<folder>/<slug>.py`` (the officer's plugins folder by default); never over an existing file."""
    from .domain import ValidationError, limits

    problems = limits.check_text("name", name) + limits.check_text("country", country, limit=3)
    if problems:
        raise ValidationError(problems)
    code = slug(name)
    folder = (folder or paths.plugins_dir()).expanduser()
    target = folder / f"{code}.py"
    if target.exists():
        raise UserError(N_("{path} already exists; choose another name or edit that file."), path=str(target))
    folder.mkdir(parents=True, exist_ok=True)
    typed = name.strip()
    quoted = {key: json.dumps(value, ensure_ascii=False) for key, value in (
        ("vi_name", f"Liên hiệp Công đoàn tỉnh {typed}"), ("vi_short", f"LHCĐ tỉnh {typed}"), ("vi_province", f"tỉnh {typed}"),
        ("en_name", f"{typed} Provincial Federation of Trade Unions"), ("en_province", f"{typed} Province"))}
    text = TEMPLATE.format(name=typed, code=code, country=country.upper(), guide=paths.package_dir() / "docs" / "plugins.md", **quoted)
    tmp = target.with_suffix(".py.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
    return target
