"""Export benchmark: a 1,000-delegation plan to PDF through the application,
side by side with a bare ReportLab script that builds the same table with no
application code (the floor). Target: within 1.5x of the floor. Also times the
command `delegations export` on the 4-row seed plan (target: under 1 s).

    python benchmarks/export_bench.py [--n 1000]
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

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from delegations.exporting import ExportRequest
from delegations.pdf.document import build_pdf
from delegations.pdf.fonts import SERIF, register_fonts
from delegations.plugins import build_plugin_host
from delegations.services import Planner

ROOT = Path(__file__).resolve().parents[1]


def bare(rows: list[list[str]]) -> bytes:
    buf = io.BytesIO()
    style = ParagraphStyle("c", fontName=SERIF, fontSize=12, leading=14.4)
    data = [[Paragraph(cell.replace("\n", "<br/>"), style) for cell in row] for row in rows]
    width = landscape(A4)[0] - 45 * mm
    table = Table(data, colWidths=[width / 9] * 9, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(buf, pagesize=landscape(A4), invariant=1).build([table])
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    register_fonts()
    host = build_plugin_host(plugin_dirs=[ROOT / "plugins"], entry_points=False)
    with tempfile.TemporaryDirectory() as tmp:
        with Planner.open(Path(tmp) / "db.json", host=host) as planner:
            plan = planner.plan()
            seeds = planner.delegations(plan.id)
            dels = [seeds[i % 4].evolve(id=f"x{i}", seq=i + 1) for i in range(args.n)]
            request = ExportRequest(plan=plan, delegations=dels, lang="vi", registry=planner.registry, home=planner.home(), today=date(2026, 1, 1))
            w = request.wording
            rows = [["TT", "Tên đoàn", "Trưởng đoàn", "Số thành viên", "Nước đến", "Nội dung hoạt động", "Số ngày", "Thời gian", "Nguồn kinh phí"]]
            for n, d in enumerate(dels, 1):
                c = w.cells(d)
                rows.append([str(n), c.name, c.leader, c.members, c.destination, "\n".join("- " + a for a in c.activities), c.days, c.timing, "\n".join("- " + f for f in c.funding)])

            t0 = time.perf_counter()
            floor = bare(rows)
            t_bare = time.perf_counter() - t0
            t0 = time.perf_counter()
            pdf = build_pdf(request)
            t_app = time.perf_counter() - t0

        cmd = [sys.executable, "-m", "delegations.cli", "--db", str(Path(tmp) / "seed.json"), "export", "--output", tmp, "--force"]
        subprocess.run(cmd, check=True, capture_output=True)  # first run creates the database
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        t_cmd = time.perf_counter() - t0

    print(f"{args.n} delegations")
    print(f"{'bare ReportLab table (floor)':<34}{t_bare:7.2f} s  {len(floor) / 1e3:8.0f} kB")
    print(f"{'delegations PDF exporter':<34}{t_app:7.2f} s  {len(pdf) / 1e3:8.0f} kB   ({t_app / t_bare:.2f}x floor; target <= 1.5x)")
    print(f"{'`delegations export`, seed plan':<34}{t_cmd:7.2f} s   (wall time of the command; target < 1 s)")


if __name__ == "__main__":
    main()
