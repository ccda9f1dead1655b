"""The exit statuses of the command line, documented in README and in ``--help``."""

from __future__ import annotations

from .i18n import N_

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_DATA, EXIT_PLUGIN, EXIT_CRASH = 0, 1, 2, 3, 4, 70
EXIT_INTERRUPTED = 130
EXIT_STATUSES = (
    (EXIT_OK, N_("done")),
    (EXIT_PROBLEMS, N_("the plan or the input has problems (validation errors); nothing was saved")),
    (EXIT_USAGE, N_("the command was not understood (a wrong option, value, number or name)")),
    (EXIT_DATA, N_("a file could not be read or written (the database, an export); the database was not changed")),
    (EXIT_PLUGIN, N_("a plugin failed (a validator, cost model or exporter); nothing was saved")),
    (EXIT_CRASH, N_("an unexpected error in the program (a bug); the report file is named")),
)


