"""What ``roster SEQ add|edit`` is given for a person: the position in each language
(``--position``, ``--position-lo``, ``--position-en``) and the changes of an edit."""

from __future__ import annotations

from .domain import Sex, Text
from .errors import N_, UserError


def position(args, old: Text | None = None) -> Text | None:
    """The position given as ``--position`` and its ``-lo``, ``-en`` versions (None: none given);
    with *old*, the languages not given keep what they were."""
    given = {lang: value.strip() for lang, value in (("vi", args.position), ("lo", args.position_lo), ("en", args.position_en))
             if value is not None}
    if not given:
        return None
    return old.edited(given) if old is not None else Text.of(given)


def edited_person(old, args):
    """*old* with what the command gives; an error when it gives nothing."""
    from dataclasses import replace

    changes = {k: v for k, v in {
        "name": args.name.strip() if args.name is not None else None,
        "position": position(args, old.position),
        "sex": Sex(args.sex) if args.sex else None, "born": args.born, "passport_expires": args.expires,
        "passport": args.passport.strip() if args.passport is not None else None,
        "lao_name": args.lao_name.strip() if args.lao_name is not None else None, "role": args.role,
    }.items() if v is not None}
    if not changes:
        raise UserError(N_("Say what changes: roster SEQ edit N [NAME] --position … --born … --passport … --expires …"))
    return replace(old, **changes)
