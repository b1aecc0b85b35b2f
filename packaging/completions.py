"""bash, zsh and fish completions for ``notegui``, written at build time from its argparse
parser (``notegui.cli.build_parser``), so they know every command and option the program
has: commands after ``notegui``, each command's options after ``-``, an option's choices
(``--format``), file names where the program takes a path (``--db``, ``-o``, ``import``'s
files, ``notegui FILE``), nothing where it takes free text (a title, a query).

Installed where each shell's own completion loader looks (the .deb:
/usr/share/bash-completion/completions/notegui, /usr/share/zsh/vendor-completions/_notegui,
/usr/share/fish/vendor_completions.d/notegui.fish).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Option:
    flags: tuple[str, ...]
    help: str
    takes_value: bool
    choices: tuple[str, ...]
    files: bool


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    options: tuple[Option, ...]
    files: bool  # its positional arguments are paths


def _takes_files(action: argparse.Action) -> bool:
    return action.type is Path or isinstance(action.type, argparse.FileType)


def _short(text: str | None) -> str:
    """The first clause of a help text (a completion menu has one line for it)."""
    text = " ".join((text or "").split())
    for stop in (" (", "; ", ". "):
        text = text.split(stop)[0]
    return text


def _options(parser: argparse.ArgumentParser) -> tuple[Option, ...]:
    return tuple(
        Option(tuple(action.option_strings), _short(action.help), action.nargs != 0,
               tuple(str(choice) for choice in action.choices or ()), _takes_files(action))
        for action in parser._actions
        if action.option_strings and action.help != argparse.SUPPRESS)


def _positional_files(parser: argparse.ArgumentParser) -> bool:
    return any(_takes_files(action) for action in parser._actions
               if not action.option_strings)


def top_level_files(parser: argparse.ArgumentParser) -> bool:
    """Whether the program itself takes files (``notegui FILE...``): a positional path, or
    ``FILE`` in its usage (notegui.cli takes the files out before argparse reads the rest)."""
    return _positional_files(parser) or "FILE" in (parser.usage or "")


def describe(parser: argparse.ArgumentParser) -> tuple[tuple[Option, ...], tuple[Command, ...]]:
    """The program's own options, and its commands."""
    commands: list[Command] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            commands += [Command(name, _short(helps.get(name)), _options(command),
                                 _positional_files(command))
                         for name, command in action.choices.items()]
    return _options(parser), tuple(commands)


# --- bash ----------------------------------------------------------------------------------


def _bash_value_cases(prefix: str, options: tuple[Option, ...]) -> list[str]:
    cases = []
    for option in options:
        if not option.takes_value:
            continue
        pattern = "|".join(f"{prefix}:{flag}" for flag in option.flags)
        if option.choices:
            reply = f'COMPREPLY=($(compgen -W "{" ".join(option.choices)}" -- "$cur"))'
        elif option.files:
            reply = 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))'
        else:
            reply = "COMPREPLY=()"  # free text: nothing to offer
        cases.append(f"        {pattern}) {reply}; return ;;")
    return cases


def bash(prog: str, parser: argparse.ArgumentParser) -> str:
    top, commands = describe(parser)
    function = "_" + prog.replace("-", "_")
    with_value = " ".join(flag for option in top if option.takes_value for flag in option.flags)
    cases = _bash_value_cases("", top)
    option_lists = []
    file_commands = []
    for command in commands:
        cases += _bash_value_cases(command.name, command.options)
        flags = " ".join(flag for option in command.options for flag in option.flags)
        option_lists.append(f'        {command.name}) words="{flags}" ;;')
        if command.files:
            file_commands.append(command.name)
    top_flags = " ".join(flag for option in top for flag in option.flags)
    names = " ".join(command.name for command in commands)
    return "\n".join([
        f"# bash completion for {prog}: generated from its argument parser by",
        "# packaging/completions.py at build time; do not edit.",
        f"{function}() {{",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local command="" words i',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        case "${COMP_WORDS[i]}" in',
        f"            {' | '.join(with_value.split()) or '--'}) ((i++)) ;;",
        f"            {' | '.join(names.split())}) command=\"${{COMP_WORDS[i]}}\"; break ;;",
        "        esac",
        "    done",
        '    case "$command:$prev" in',
        *cases,
        "    esac",
        '    if [[ $cur == -* ]]; then',
        '        case "$command" in',
        f'        "") words="{top_flags}" ;;',
        *option_lists,
        "        esac",
        '        COMPREPLY=($(compgen -W "$words" -- "$cur"))',
        '    elif [[ -z $command ]]; then',
        f'        COMPREPLY=($(compgen -W "{names}" -- "$cur"))',
        *(['        compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -f -- "$cur"))']
          if top_level_files(parser) else []),
        *([f'    elif [[ " {" ".join(file_commands)} " == *" $command "* ]]; then',
           '        compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))']
          if file_commands else []),
        "    fi",
        "}",
        f"complete -F {function} {prog}",
        "",
    ])


# --- zsh -----------------------------------------------------------------------------------


def _zsh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _zsh_help(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(
        ":", "\\:")


def _zsh_specs(options: tuple[Option, ...]) -> list[str]:
    specs = []
    for option in options:
        action = ""
        if option.takes_value:
            what = option.flags[-1].lstrip("-")
            if option.choices:
                action = f":{what}:({' '.join(option.choices)})"
            elif option.files:
                action = f":{what}:_files"
            else:
                action = f":{what}: "
        exclusive = "(- *)" if option.flags[-1] in ("--help", "--version") else ""
        for flag in option.flags:
            specs.append(_zsh_quote(f"{exclusive}{flag}[{_zsh_help(option.help)}]{action}"))
    return specs


def zsh(prog: str, parser: argparse.ArgumentParser) -> str:
    top, commands = describe(parser)
    function = "_" + prog.replace("-", "_")
    lines = [
        f"#compdef {prog}",
        f"# zsh completion for {prog}: generated from its argument parser by",
        "# packaging/completions.py at build time; do not edit.",
        f"{function}() {{",
        "    local curcontext=$curcontext state line",
        "    local -a commands",
        "    commands=(",
        *(f"        {_zsh_quote(command.name + ':' + _zsh_help(command.help))}"
          for command in commands),
        "    )",
        "    _arguments -C \\",
        *(f"        {spec} \\" for spec in _zsh_specs(top)),
        "        '1:command:->command' \\",
        "        '*::argument:->argument'",
        "    case $state in",
        "    command) _describe -t commands command commands"
        + ("; _files" if top_level_files(parser) else "") + " ;;",
        "    argument)",
        "        case $line[1] in",
    ]
    for command in commands:
        specs = _zsh_specs(command.options)
        rest = "'*:file:_files'" if command.files else "'*: :'"
        lines.append(f"        {command.name}) _arguments {' '.join([*specs, rest])} ;;")
    lines += ["        esac ;;", "    esac", "}", f'{function} "$@"', ""]
    return "\n".join(lines)


# --- fish ----------------------------------------------------------------------------------


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _fish_option(prog: str, condition: str, option: Option) -> str:
    parts = [f"complete -c {prog} -n {_fish_quote(condition)}"]
    for flag in option.flags:
        parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
    if option.choices:
        parts.append(f"-x -a {_fish_quote(' '.join(option.choices))}")
    elif option.files:
        parts.append("-r -F")
    elif option.takes_value:
        parts.append("-x")
    parts.append(f"-d {_fish_quote(option.help)}")
    return " ".join(parts)


def fish(prog: str, parser: argparse.ArgumentParser) -> str:
    top, commands = describe(parser)
    lines = [
        f"# fish completion for {prog}: generated from its argument parser by",
        "# packaging/completions.py at build time; do not edit.",
        f"complete -c {prog} -f",
        *(_fish_option(prog, "__fish_use_subcommand", option) for option in top),
        *(f"complete -c {prog} -n __fish_use_subcommand -a {command.name} "
          f"-d {_fish_quote(command.help)}" for command in commands),
    ]
    if top_level_files(parser):
        lines.append(f"complete -c {prog} -n __fish_use_subcommand -F")
    for command in commands:
        condition = f"__fish_seen_subcommand_from {command.name}"
        lines += [_fish_option(prog, condition, option) for option in command.options]
        if command.files:
            lines.append(f"complete -c {prog} -n {_fish_quote(condition)} -F")
    return "\n".join(lines) + "\n"


#: Where each shell's completion loader looks, under /usr/share.
INSTALLED = {"bash": "bash-completion/completions/{prog}",
             "zsh": "zsh/vendor-completions/_{prog}",
             "fish": "fish/vendor_completions.d/{prog}.fish"}


def write_all(prog: str, parser: argparse.ArgumentParser, share: Path) -> list[Path]:
    """The three scripts under ``share`` (a ``usr/share``)."""
    written = []
    for shell, make in (("bash", bash), ("zsh", zsh), ("fish", fish)):
        target = share / INSTALLED[shell].format(prog=prog)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(make(prog, parser), encoding="utf-8")
        written.append(target)
    return written
