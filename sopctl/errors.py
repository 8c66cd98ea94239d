"""The error hierarchy: each class carries the exit code the CLI applies.

An error carries a catalog `Phrase` (key and arguments), not text in one language: the CLI
says it in the language the user picked."""

from __future__ import annotations

from typing import TypeVar

from sopctl.text.phrases import Said, phrase, say


class SopctlError(Exception):
    """A known failure, reported to the user as one clear message."""

    exit_code = 2

    def __init__(
        self, message: Said, hint: Said = "", *, english: tuple[str, str] | None = None
    ) -> None:
        super().__init__(str(message))
        self.message = message
        self.hint = hint
        self.english = english  # (message, hint) in English, for a raiser holding plain text

    def said(self, lang: str) -> tuple[str, str]:
        """(message, hint) in `lang`; the hint may be empty."""
        if lang == "en" and self.english is not None:
            return self.english
        return say(self.message, lang), say(self.hint, lang)


class UsageError(SopctlError):
    """The command was called wrongly (bad option value, missing path)."""


class ConfigError(SopctlError):
    """`sopctl.toml` is missing, unreadable or invalid."""


class CatalogNotFound(ConfigError):
    """No `sopctl.toml` at or above the given path."""


class FindingsError(SopctlError):
    """Error findings were reported; nothing went wrong with sopctl itself."""

    exit_code = 1


E = TypeVar("E", bound=SopctlError)


def phrased(kind: type[E], key: str, hint: str = "", /, **args: object) -> E:
    """An error of `kind` saying phrase `key` (and phrase `hint`) with `args`, in whichever
    language the CLI picks when it prints it."""
    return kind(phrase(key, **args), phrase(hint, **args) if hint else "")
