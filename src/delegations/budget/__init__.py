"""The budget in one place.

- ``tables``: rate tables kept as data (JSON with legal source, validity and
  transition rule), loaded and checked;
- ``service``: which table prices a delegation, the officer's figures and
  exchange rates, the estimate of a plan (``Budgeting.report``);
- ``view``: the report's wording, shared by the screen, the CLI and the PDF;
- ``cli``: the ``budget``, ``rates``, ``fx`` and ``rate`` commands.

The pure rules (rates, lines, quantities, totals, the choice of a table by
date) are in ``delegations.domain.budget``, free of I/O.
"""
