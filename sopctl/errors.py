"""The error hierarchy: each class carries the exit code the CLI applies."""

from __future__ import annotations


class SopctlError(Exception):
    """A known failure, reported to the user as one clear message."""

    exit_code = 2

    def __init__(
        self, message: str, hint: str = "", *, english: tuple[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.english = english  # (message, hint) in English, when the raiser had both

    def said(self, lang: str) -> tuple[str, str]:
        """(message, hint) in `lang` (Bahasa Indonesia unless English was given)."""
        return self.english if lang == "en" and self.english else (self.message, self.hint)


class UsageError(SopctlError):
    """The command was called wrongly (bad option value, missing path)."""


class ConfigError(SopctlError):
    """`sopctl.toml` is missing, unreadable or invalid."""


class CatalogNotFound(ConfigError):
    """No `sopctl.toml` at or above the given path."""


class FindingsError(SopctlError):
    """Error findings were reported; nothing went wrong with sopctl itself."""

    exit_code = 1
