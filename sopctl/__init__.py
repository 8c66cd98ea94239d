"""sopctl: Standard Operating Procedures (SOP-AP) kept as code."""

__version__ = "0.1.0"
