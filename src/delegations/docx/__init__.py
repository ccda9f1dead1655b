"""The Word renderer: an ``OfficialDocument`` (the plan or any document of a
delegation or of the budget) as a .docx file in the national format.

python-docx is imported only when a Word file is made, so start-up stays fast.
"""

from __future__ import annotations


def build_docx(request, model) -> bytes:
    """The Word file (.docx) of the ``OfficialDocument`` *model* for the export *request*."""
    from .render import build_docx as build

    return build(request, model)


__all__ = ["build_docx"]
