"""The words of the command-line framework (typer, click, rich prompts): usage lines, help
panels, usage errors and prompt replies, as (Bahasa Indonesia, English) pairs.
`sopctl.cli.speech` puts them in place of the framework's English."""

from __future__ import annotations

USAGE: dict[str, tuple[str, str]] = {
    # -- help pages --
    "usage_prefix": ("Pemakaian: ", "Usage: "),
    "usage_options": ("[OPSI]", "[OPTIONS]"),
    "usage_command": ("PERINTAH [ARG]...", "COMMAND [ARGS]..."),
    "panel_arguments": ("Argumen", "Arguments"),
    "panel_options": ("Opsi", "Options"),
    "panel_commands": ("Perintah", "Commands"),
    "panel_error": ("Kesalahan", "Error"),
    "help_default": ("[bawaan: {}]", "[default: {}]"),
    "help_envvar": ("[variabel lingkungan: {}]", "[env var: {}]"),
    "help_required": ("[wajib]", "[required]"),
    "help_deprecated": ("(usang) ", "(deprecated) "),
    "help_option": ("Tampilkan bantuan ini lalu keluar.", "Show this message and exit."),
    "try_help": (
        "Coba [blue]'{command_path} {help_option}'[/] untuk bantuan.",
        "Try [blue]'{command_path} {help_option}'[/] for help.",
    ),
    # type names in the help's second column
    "type_text": ("<teks>", "<text>"),
    "type_number": ("<angka>", "<number>"),
    "type_path": ("<path>", "<path>"),
    "type_date": ("<YYYY-MM-DD>", "<YYYY-MM-DD>"),
    # -- usage errors --
    "no_such_command": ("perintah `{name}` tidak ada", "no such command `{name}`"),
    "commands_are": ("perintah yang ada: {choices}", "the commands are: {choices}"),
    "missing_command": ("sebutkan perintahnya", "name a command"),
    "did_you_mean": ("maksud Anda `{close}`?", "did you mean `{close}`?"),
    "no_such_option": ("opsi `{name}` tidak ada", "no such option `{name}`"),
    "missing_argument": ("argumen {name} wajib diberikan", "missing argument {name}"),
    "missing_option": ("opsi {name} wajib diberikan", "missing option {name}"),
    "option_needs_value": ("opsi `{name}` memerlukan nilai", "option `{name}` requires a value"),
    "option_takes_no_value": (
        "opsi `{name}` tidak menerima nilai",
        "option `{name}` does not take a value",
    ),
    "extra_arguments": ("argumen berlebih: {args}", "unexpected extra arguments: {args}"),
    "bad_value": ("nilai tidak sah untuk {name}: {detail}", "invalid value for {name}: {detail}"),
    "not_a_choice": ("`{value}` bukan pilihan", "`{value}` is not a choice"),
    "see_help": ("lihat `{command} --help`", "see `{command} --help`"),
    "aborted": ("Dibatalkan.", "Aborted."),
    # -- rich prompts --
    "confirm_choices": ("y/t", "y/n"),
    "confirm_invalid": ("Jawab y (ya) atau t (tidak)", "Please enter y or n"),
}
