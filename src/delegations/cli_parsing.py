"""The parser of each command: options may come between its positional arguments
(``rates set TABLE ITEM --role member AMOUNT``, ``text 3 invitation --in lo "…"``), as
``argparse``'s intermixed parsing allows; a command with sub-commands of its own
(``plan new …``) parses the usual way, each sub-command intermixed in turn."""

from __future__ import annotations

import argparse


class IntermixedParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose options and positional arguments may be mixed: the
    subparsers' action calls ``parse_known_args``, which here parses intermixed."""

    _intermixing = False

    def parse_known_args(self, args=None, namespace=None):
        if self._intermixing:   # the two passes of the intermixed parse itself
            return super().parse_known_args(args, namespace)
        self._intermixing = True
        given = self.usage
        if given is None:   # argparse would cut an English "usage: " (7 letters) off a translated prefix
            formatter = self._get_formatter()
            formatter.add_usage(None, self._actions, self._mutually_exclusive_groups, prefix="")
            self.usage = formatter.format_help().strip()
        try:
            return self.parse_known_intermixed_args(args, namespace)
        except TypeError:   # sub-commands of its own: they are intermixed, this level is not
            self._intermixing = True
            return super().parse_known_args(args, namespace)
        finally:
            self._intermixing = False
            self.usage = given


class CommandLineParser(argparse.ArgumentParser):
    """The program's parser: an argument it does not understand is named, with the hint that a
    command's options go after its arguments (where a command cannot take them between)."""

    def error(self, message):
        from .i18n import _

        unrecognized = _("unrecognized arguments: %s").split("%s")[0]
        if unrecognized and message.startswith(unrecognized):
            message += "\n" + _("A command takes its arguments in the order its help gives (delegations COMMAND --help); "
                                "when in doubt, put the options (--plan, --role…) after the arguments.")
        super().error(message)
