"""Refresh the translation catalogs: extract messages, update the .po files, compile .mo.

    python scripts/catalogs.py            # extract + update + compile
    python scripts/catalogs.py compile    # compile only
"""

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "src" / "delegations" / "i18n" / "locales"
POT = ROOT / "src" / "delegations" / "i18n" / "delegations.pot"


def run(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def main(argv: list[str]) -> None:
    if "compile" not in argv:
        run("extract", "-F", str(ROOT / "babel.cfg"), "-k", "N_", "-k", "t", "-k", "nt:1,2", "--no-location", "--sort-output",
            "--project", "delegations", "-o", str(POT), str(ROOT))
        for lang in ("vi", "lo", "en"):
            po = LOCALES / lang / "LC_MESSAGES" / "delegations.po"
            if po.exists():
                run("update", "-i", str(POT), "-d", str(LOCALES), "-D", "delegations", "-l", lang, "--no-fuzzy-matching", "--ignore-obsolete")
            else:
                run("init", "-i", str(POT), "-d", str(LOCALES), "-D", "delegations", "-l", lang)
    run("compile", "-d", str(LOCALES), "-D", "delegations", "--statistics")


if __name__ == "__main__":
    main(sys.argv[1:])
