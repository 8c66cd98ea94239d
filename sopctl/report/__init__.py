"""Counting and listing the catalog: `report` and `list`."""
