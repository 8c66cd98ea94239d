"""The catalog in git: revisions, changes between versions and their readable forms."""
