"""Help texts of every command, option and argument, in Bahasa Indonesia and English.

Part of the one message catalog (`sopctl.text.codes`): entries are (Bahasa Indonesia, English)
pairs looked up by key, like `ui()`. Help is made when the CLI is imported, in the language
SOPCTL_LANG names; `sopctl.cli.speech` says it again in `--lang`'s language before it is shown.

typer's rich help keeps every line break of a text, so the texts are wrapped here for the
terminal to wrap again: the lines of a paragraph are joined, except a line that starts with a
space (an example) or with "- " (an item of a list).
"""

from __future__ import annotations

import inspect
import os
import re

from sopctl.text.help import authoring, checking, publishing, serving
from sopctl.text.phrases import pick

HELP: dict[str, tuple[str, str]] = {
    **checking.HELP,
    **authoring.HELP,
    **publishing.HELP,
    **serving.HELP,
}


def help_text(key: str, lang: str | None = None) -> str:
    """The help text `key` in `lang`, by default the language SOPCTL_LANG names."""
    chosen = lang or os.environ.get("SOPCTL_LANG") or "id"
    return _flowed(pick(HELP[key], chosen))


def help_again(text: str | None, lang: str) -> str | None:
    """A help text of the catalog (in either language) said in `lang`; other text as it is.
    Help is made when the CLI is imported; this lets `--lang` decide it after all."""
    if not text:
        return text
    key = _BY_TEXT.get(_flowed(text))
    return help_text(key, lang) if key else text


def _flowed(text: str) -> str:
    """`text` dedented, with the line breaks inside its prose taken out."""
    return _CONTINUED.sub(" ", inspect.cleandoc(text))


# A line break followed by a line that is neither blank, an example nor an item of a list.
_CONTINUED = re.compile(r"(?<=\S)\n(?!\s|- )")

_BY_TEXT = {_flowed(said): key for key, pair in HELP.items() for said in pair}
