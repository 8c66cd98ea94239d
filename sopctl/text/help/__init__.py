"""Help texts of every command, option and argument, in Bahasa Indonesia and English.

Part of the one message catalog (`sopctl.text.codes`): entries are (Bahasa Indonesia, English)
pairs looked up by key, like `ui()`. Help is printed before options are parsed, so its
language comes from the SOPCTL_LANG environment variable alone, read when the CLI starts.
"""

from __future__ import annotations

import inspect
import os

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
    return inspect.cleandoc(pick(HELP[key], chosen))
