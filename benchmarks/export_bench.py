"""Export benchmark.

1. A 1,000-delegation plan (the shipped rows, repeated) to PDF in vi, lo and vi-lo,
   each side by side with a bare ReportLab script building the same table (same
   cells, columns, faces, shaping and pages, plain ``Table(repeatRows=1)``) as the
   floor. The floor is correct only because no row of it is taller than a page
   (checked here): ReportLab moves whole rows then. Target: within 1.5x of it.
2. Plans of long delegations (``tests/long_plans.py``, some rows taller than a
   page) in vi and vi-lo. Target: vi-lo within 4x of vi.
3. The command `delegations export` on the 4-row seed plan (target: under 1 s).

    python benchmarks/export_bench.py [--n 1000] [--long 300]
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle
from xml.sax.saxutils import escape

from delegations.exporting import ExportRequest
from delegations.i18n import translator
from delegations.pdf import layout
from delegations.pdf.document import COLUMN_SHARES, PlanDocument, build_pdf
from delegations.pdf.fonts import face_name, register_fonts
from delegations.plugins import build_plugin_host
from delegations.services import Planner
from delegations.wording import Wording

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def cell_texts(request) -> list[list[str]]:
    """The table's cells as the document has them: each language's text, one per line."""
    langs = request.languages

    def both(values) -> str:
        return "\n".join(dict.fromkeys(v for v in values if v))

    rows = [[both(translator(lang).gettext(h) for lang in langs) for h in PlanDocument.HEADS]]
    words = {lang: Wording(lang, request.registry, request.home) for lang in langs}
    for n, d in enumerate(request.delegations, 1):
        c = [words[lang].cells(d) for lang in langs]
        rows.append([str(n), both(x.name for x in c), both(x.leader for x in c), both(x.members for x in c),
                     both(x.destination for x in c), both("\n".join("- " + a for a in x.activities) for x in c),
                     both(x.days for x in c), both(x.timing for x in c), both("\n".join("- " + f for f in x.funding) for x in c)])
    return rows


def bare(rows: list[list[str]], lao: bool) -> bytes:
    """The floor: the table with ReportLab alone, on the document's landscape pages."""
    buf = io.BytesIO()
    leading = 1.4 if lao else 1.2
    body = ParagraphStyle("c", fontName=face_name("Regular"), fontSize=12, leading=12 * leading, shaping=int(lao))
    head = ParagraphStyle("h", parent=body, fontName=face_name("Bold"), alignment=1)
    data = [[Paragraph(escape(cell).replace("\n", "<br/>"), head if i == 0 else body) for cell in row] for i, row in enumerate(rows)]
    width = layout.frame_width(layout.LANDSCAPE)
    table = Table(data, colWidths=[width * s for s in COLUMN_SHARES], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                               ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    height = layout.LANDSCAPE[1] - layout.MARGIN_TOP - layout.MARGIN_BOTTOM
    frame = Frame(layout.MARGIN_LEFT, layout.MARGIN_BOTTOM, width, height, 0, 0, 0, 0)
    doc = BaseDocTemplate(buf, pagesize=layout.LANDSCAPE, invariant=1, pageTemplates=[PageTemplate(frames=[frame])])
    doc.build([table])
    _, heights = table._colWidths, table._rowHeights
    assert max(heights[1:]) + heights[0] <= height, "a row taller than a page: the floor would run off the page"
    return buf.getvalue()


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--long", type=int, default=300)
    args = ap.parse_args()
    register_fonts()
    host = build_plugin_host(plugin_dirs=[ROOT / "plugins"], entry_points=False)
    with tempfile.TemporaryDirectory() as tmp:
        with Planner.open(Path(tmp) / "db.json", host=host) as planner:
            plan = planner.plan()
            seeds = planner.delegations(plan.id)
            dels = [seeds[i % 4].evolve(id=f"x{i}", seq=i + 1) for i in range(args.n)]
            print(f"{args.n} delegations (the shipped rows repeated)")
            print(f"{'lang':<7}{'floor (bare ReportLab)':>24}{'delegations':>16}{'ratio':>8}   target <= 1.5x")
            for lang in ("vi", "lo", "vi-lo"):
                request = ExportRequest(plan=plan, delegations=dels, lang=lang, registry=planner.registry,
                                        home=planner.home(), today=date(2026, 1, 1))
                rows = cell_texts(request)
                t_bare, floor = timed(lambda: bare(rows, "lo" in request.languages))
                t_app, pdf = timed(lambda: build_pdf(request))
                print(f"{lang:<7}{t_bare:>10.2f} s {len(floor) / 1e3:>7.0f} kB{t_app:>9.2f} s {len(pdf) / 1e3:>4.0f} kB"
                      f"{t_app / t_bare:>7.2f}x")

            if args.long:
                from long_plans import long_delegations

                long = long_delegations(args.long, plan.id)
                times = {}
                for lang in ("vi", "vi-lo"):
                    request = ExportRequest(plan=plan, delegations=long, lang=lang, registry=planner.registry,
                                            home=planner.home(), today=date(2026, 1, 1))
                    times[lang], pdf = timed(lambda: build_pdf(request))
                    print(f"{args.long} long delegations, {lang:<6}{times[lang]:7.2f} s  {len(pdf) / 1e3:6.0f} kB")
                print(f"vi-lo / vi: {times['vi-lo'] / times['vi']:.2f}x   (target <= 4x)")

        cmd = [sys.executable, "-m", "delegations.cli", "--db", str(Path(tmp) / "seed.json"), "export", "--output", tmp, "--force"]
        subprocess.run(cmd, check=True, capture_output=True)  # first run creates the database
        t_cmd, _ = timed(lambda: subprocess.run(cmd, check=True, capture_output=True))
    print(f"{'`delegations export`, seed plan':<34}{t_cmd:7.2f} s   (wall time of the command; target < 1 s)")


if __name__ == "__main__":
    main()
