"""Build the document faces: Liberation Serif with the Lao letters of Noto Serif Lao.

    python scripts/build_fonts.py

ReportLab shapes a word (text between spaces) with one font, so a word that
mixes scripts, such as "(ຄະນະ", must come from one font. This script merges
each Liberation Serif face (Latin and every Vietnamese letter) with the Noto
Serif Lao face of the same weight (Lao has no italic: the upright face serves),
scaled to the same units per em, and names the result "Delegations Serif": the
Liberation fonts carry the Reserved Font Name "Liberation", which a modified
font may not use (SIL OFL 1.1). The sources are in scripts/fonts/; the output
goes to src/delegations/fonts/ and is committed, so nothing is built at install
or run time. The build is reproducible (timestamps are kept from the source).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from fontTools.merge import Merger, Options
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "scripts" / "fonts"
OUT = ROOT / "src" / "delegations" / "fonts"
FAMILY = "Delegations Serif"
FACES = {
    "Regular": ("LiberationSerif-Regular.ttf", "NotoSerifLao-Regular.ttf"),
    "Bold": ("LiberationSerif-Bold.ttf", "NotoSerifLao-Bold.ttf"),
    "Italic": ("LiberationSerif-Italic.ttf", "NotoSerifLao-Regular.ttf"),
    "BoldItalic": ("LiberationSerif-BoldItalic.ttf", "NotoSerifLao-Bold.ttf"),
}
NOTICE = ("Merged for delegations from Liberation Serif 2.1.5 (Copyright (c) 2012 Red Hat, Inc.) and "
          "Noto Serif Lao (Copyright 2010-2020 Google LLC), under the SIL Open Font License 1.1.")


def rename(font: TTFont, style: str) -> None:
    subfamily = {"Regular": "Regular", "Bold": "Bold", "Italic": "Italic", "BoldItalic": "Bold Italic"}[style]
    postscript = f"{FAMILY.replace(' ', '')}-{style}"
    names = font["name"]
    for rec in list(names.names):
        if rec.nameID in (16, 17, 18, 21, 22):
            names.removeNames(nameID=rec.nameID)
    values = {1: FAMILY, 2: subfamily, 3: f"delegations:{postscript}", 4: f"{FAMILY} {subfamily}".replace(" Regular", ""),
              6: postscript, 13: NOTICE}
    for name_id, value in values.items():
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)


def build(style: str, latin: str, lao: str) -> Path:
    base = TTFont(SOURCES / latin)
    with tempfile.TemporaryDirectory() as tmp:
        scaled = TTFont(SOURCES / lao)
        scale_upem(scaled, base["head"].unitsPerEm)
        scaled_path = Path(tmp) / "lao.ttf"
        scaled.save(scaled_path)
        merged = Merger(options=Options(drop_tables=["vhea", "vmtx"])).merge([str(SOURCES / latin), str(scaled_path)])
    rename(merged, style)
    merged["head"].modified = base["head"].modified
    merged["head"].created = base["head"].created
    merged.recalcTimestamp = False
    target = OUT / f"DelegationsSerif-{style}.ttf"
    merged.save(target)
    return target


def main() -> None:
    for style, (latin, lao) in FACES.items():
        print(build(style, latin, lao))


if __name__ == "__main__":
    main()
