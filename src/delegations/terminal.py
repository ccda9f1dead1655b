"""Text made safe to write to a terminal.

Names and notes come from the officer, from files and from plugins; written raw,
an escape sequence could move the cursor or retitle the window, and a bidi
override could print a line in another order than it reads. ``safe`` shows
every such character as a visible escape (``\\x1b``, ``\\u202e``) instead.
"""

from __future__ import annotations

import re

from .domain.limits import BIDI_CONTROLS

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + "".join(sorted(BIDI_CONTROLS)) + "]")
_UNSAFE_KEEP_NEWLINES = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029" + "".join(sorted(BIDI_CONTROLS)) + "]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(value: object, *, newlines: bool = False) -> str:
    """*value* as text with control and bidi-control characters shown as escapes;
    ``newlines=True`` keeps line breaks (for multi-line text printed as such)."""
    text = value if isinstance(value, str) else str(value)
    return (_UNSAFE_KEEP_NEWLINES if newlines else _UNSAFE).sub(_escape, text)
