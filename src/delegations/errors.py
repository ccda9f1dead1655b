"""Errors shown to the user. Each carries an untranslated message and its
parameters; ``i18n.describe`` renders it in the user's language."""

from __future__ import annotations


def N_(message: str) -> str:
    return message


def _shown(value, translate):
    """A parameter as the message shows it: a nested ``Msg`` translated, a Decimal
    grouped as the interface language writes numbers (1.000.000 in Vietnamese), a date as
    16/9/2019 and a pair of dates as "1/1/2022 – 31/12/2022" (``i18n.formatting``)."""
    from datetime import date

    from decimal import Decimal

    if hasattr(value, "render"):
        return value.render(translate)
    if isinstance(value, Decimal):   # a bound or figure: grouped as the interface language writes numbers
        from babel.numbers import format_decimal

        from .i18n import current_language

        return format_decimal(value, locale=current_language(), decimal_quantization=False)
    if isinstance(value, date) or (isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, date) for v in value)):
        from .i18n.formatting import short_date

        return short_date(value) if isinstance(value, date) else f"{short_date(value[0])} – {short_date(value[1])}"
    return value


class Msg:
    """A message part that is translated when the whole message is shown."""

    def __init__(self, message: str, **params):
        self.message, self.params = message, params

    def render(self, translate=lambda s: s) -> str:
        params = {k: _shown(v, translate) for k, v in self.params.items()}
        return translate(self.message).format(**params)

    def __str__(self) -> str:
        return self.render()


class UserError(Exception):
    """An error the user (or the file system) caused; shown as a message, never a traceback.

    ``exit_status`` is what the command line exits with (see ``cli.EXIT_STATUSES``).
    """

    message = N_("Error")
    exit_status = 2

    def __init__(self, message: str | None = None, **params):
        if message is not None:
            self.message = message
        self.params = params
        super().__init__(self.render())

    def render(self, translate=lambda s: s) -> str:
        return Msg(self.message, **self.params).render(translate)


class StoreError(UserError):
    """The database file cannot be used as it is; it is left untouched."""

    exit_status = 3


class CorruptFileError(StoreError):
    message = N_("The database file {path} cannot be read: {problem}. The file was not changed.")


class SchemaTooNewError(StoreError):
    message = N_("The database file {path} was written by a newer version of the program (schema {found}; this version reads up to {supported}). The file was not changed.")


class LockedError(StoreError):
    message = N_("The database {path} is being changed by another copy of the program (an open window, or a command still running). "
                 "Close that window or let the command finish, then try again; or open this copy read-only.")


class NotWritableError(StoreError):
    message = N_("The database {path} cannot be changed by you ({problem}); it can be opened read-only.")


class ConflictError(StoreError):
    message = N_("The database {path} was changed by another program since it was opened; your change was not saved. Reload and try again.")


class ReadOnlyError(StoreError):
    message = N_("The database {path} is open read-only; nothing can be saved.")


class NotFoundError(UserError):
    """A plan or delegation that is not there; ``what`` is "Plan" or "Delegation" (worded
    in the user's language), another kind keeps the general message."""

    message = N_("{what} {key} not found.")
    MESSAGES = {"Plan": N_("There is no plan \"{key}\" (delegations plans lists them)."),
                "Delegation": N_("There is no delegation {key} in this plan (delegations list shows their numbers).")}

    def __init__(self, message: str | None = None, **params):
        if message is None and params.get("what") in self.MESSAGES:
            message = self.MESSAGES[params["what"]]
        super().__init__(message, **params)


class PluginError(UserError):
    """A plugin raised, or returned something it must not; nothing was saved."""

    message = N_("The plugin {plugin} failed in {hook}: {error}. Nothing was saved; fix the plugin, or disable it with $DELEGATIONS_DISABLE_PLUGINS={plugin}.")
    exit_status = 4


# errno -> (why, what to do); the errno names keep this table free of platform numbers.
_OS_REASONS = {
    "EISDIR": (N_("it is a folder, not a file"), N_("Give the path of a file.")),
    "ENOTDIR": (N_("a part of the path is a file, not a folder"), N_("Choose a path whose folders are folders.")),
    "EEXIST": (N_("a file of that name is in the way"), N_("Move that file away or choose another path.")),
    "EACCES": (N_("permission denied"), N_("Check the permissions of the file and its folder, or choose another place.")),
    "EPERM": (N_("permission denied"), N_("Check the permissions of the file and its folder, or choose another place.")),
    "EROFS": (N_("the disk is read-only"), N_("Choose a place on a writable disk.")),
    "ENOSPC": (N_("the disk is full"), N_("Free some space on the disk and try again.")),
    "EDQUOT": (N_("the disk quota is used up"), N_("Free some space on the disk and try again.")),
    "ENOENT": (N_("it does not exist"), N_("Check the path.")),
    "ENAMETOOLONG": (N_("the name is too long"), N_("Choose a shorter path.")),
}


class FileError(UserError):
    """The file system refused an operation on a file (``OSError``), said in the user's words."""

    message = N_("Cannot {action} {path}: {reason}. {advice}")
    exit_status = 3

    @classmethod
    def of(cls, exc: OSError, action: str, path=None) -> "FileError":
        import errno as _errno

        name = _errno.errorcode.get(exc.errno or 0, "")
        reason, advice = _OS_REASONS.get(name, (None, N_("Check the path and try again.")))
        where = path if path is not None else exc.filename
        return cls(action=Msg(action), path=str(where if where is not None else "?"),
                   reason=Msg(reason) if reason else (exc.strerror or str(exc) or type(exc).__name__), advice=Msg(advice))
