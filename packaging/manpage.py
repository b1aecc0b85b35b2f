"""The manual page ``notegui.1``, written at build time from the command line's own
argparse parser (``notegui.cli.build_parser``): the same texts ``notegui --help`` and
``notegui COMMAND --help`` print, so the page cannot drift from the program.

NAME and SYNOPSIS, the description, the options, a section per command (its usage, its
description, its arguments and options), and the parser's epilog (the library's file,
the exit codes). Roff-escaped: backslashes, a leading dot or quote, the minus signs of
options, and every non-ASCII character as a ``\\[uXXXX]`` glyph.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

_WIDE = 10_000  # no wrapping: groff wraps the page to the reader's terminal


def roff(text: str, *, minus: bool = False) -> str:
    """``text`` as roff running text; ``minus``: its hyphens are minus signs (options)."""
    text = text.replace("\\", "\\e")
    if minus:
        text = text.replace("-", "\\-")
    text = "".join(char if ord(char) < 128 else f"\\[u{ord(char):04X}]" for char in text)
    return "\n".join("\\&" + line if line.startswith((".", "'")) else line
                     for line in text.splitlines())


def _formatter(parser: argparse.ArgumentParser) -> argparse.HelpFormatter:
    return argparse.HelpFormatter(parser.prog, width=_WIDE, max_help_position=_WIDE)


def usage(parser: argparse.ArgumentParser) -> str:
    """The parser's usage line as ``--help`` gives it, less ``usage:``, on one line."""
    formatter = _formatter(parser)
    formatter.add_usage(parser.usage, parser._actions,
                        parser._mutually_exclusive_groups, prefix="")
    return " ".join(formatter.format_help().split())


def _commands(parser: argparse.ArgumentParser
              ) -> Iterator[tuple[str, str, argparse.ArgumentParser]]:
    """(name, one-line help, parser) of each command, in the order ``--help`` lists them."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, command in action.choices.items():
                yield name, helps.get(name, ""), command


def _items(parser: argparse.ArgumentParser) -> Iterator[str]:
    """A ``.TP`` item per argument and option: its invocation and its help."""
    formatter = _formatter(parser)
    for action in parser._actions:
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            continue
        invocation = formatter._format_action_invocation(action)
        help_text = formatter._expand_help(action) if action.help else ""
        yield f".TP\n\\fB{roff(invocation, minus=True)}\\fR\n{roff(help_text)}"


def manpage(parser: argparse.ArgumentParser, version: str, date: str) -> str:
    """The page for ``parser`` (the program ``parser.prog``), dated ``date`` (YYYY-MM-DD)."""
    name = parser.prog
    summary = (parser.description or "").split(". ")[0].rstrip(".")
    lines = [
        f'.TH {name.upper()} 1 "{date}" "{name} {version}" "User Commands"',
        ".SH NAME",
        f"{name} \\- {roff(summary[:1].lower() + summary[1:])}",
        ".SH SYNOPSIS",
        f"\\fB{name}\\fR {roff(usage(parser).removeprefix(name).strip(), minus=True)}",
    ]
    commands = list(_commands(parser))
    for command_name, _help, command in commands:
        lines.append(".br")
        lines.append(f"\\fB{name} {command_name}\\fR "
                     f"{roff(usage(command).removeprefix(command.prog).strip(), minus=True)}")
    lines += [".SH DESCRIPTION", roff(parser.description or ""), ".SH OPTIONS", *_items(parser)]
    if commands:
        lines += [".SH COMMANDS"]
        for command_name, help_text, _command in commands:
            lines += [".TP", f"\\fB{command_name}\\fR", roff(help_text)]
        for command_name, _help, command in commands:
            lines += [f'.SS "{name} {command_name}"', roff(command.description or ""),
                      *_items(command)]
    if parser.epilog:
        lines += [".SH NOTES", roff(parser.epilog)]
    return "\n".join(lines) + "\n"
