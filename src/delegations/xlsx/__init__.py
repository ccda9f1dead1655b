"""Excel workbooks (openpyxl): the plan's sheets (``plan_workbook``) and the helpers
every workbook of the program shares (``sheets``: real numbers and dates with their
formats, totals as formulas, widths, wrapping, a frozen header row, an autofilter).

openpyxl is imported only when a workbook is made, so start-up stays fast."""
