"""Errors shown to the user. Each carries an untranslated message and its
parameters; ``i18n.describe`` renders it in the user's language."""

from __future__ import annotations


def N_(message: str) -> str:
    return message


class Msg:
    """A message part that is translated when the whole message is shown."""

    def __init__(self, message: str, **params):
        self.message, self.params = message, params

    def render(self, translate=lambda s: s) -> str:
        params = {k: v.render(translate) if hasattr(v, "render") else v for k, v in self.params.items()}
        return translate(self.message).format(**params)

    def __str__(self) -> str:
        return self.render()


class UserError(Exception):
    message = N_("Error")

    def __init__(self, message: str | None = None, **params):
        if message is not None:
            self.message = message
        self.params = params
        super().__init__(self.render())

    def render(self, translate=lambda s: s) -> str:
        return Msg(self.message, **self.params).render(translate)


class StoreError(UserError):
    """The database file cannot be used as it is; it is left untouched."""


class CorruptFileError(StoreError):
    message = N_("The database file {path} cannot be read: {problem}. The file was not changed.")


class SchemaTooNewError(StoreError):
    message = N_("The database file {path} was written by a newer version of the program (schema {found}; this version reads up to {supported}). The file was not changed.")


class LockedError(StoreError):
    message = N_("The database {path} is open for editing in another copy of the program. Close it there first, or open this copy read-only.")


class NotWritableError(StoreError):
    message = N_("The database {path} cannot be changed by you ({problem}); it can be opened read-only.")


class ConflictError(StoreError):
    message = N_("The database {path} was changed by another program since it was opened; your change was not saved. Reload and try again.")


class ReadOnlyError(StoreError):
    message = N_("The database {path} is open read-only; nothing can be saved.")


class NotFoundError(UserError):
    message = N_("{what} {key} not found.")
