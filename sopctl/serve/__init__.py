"""`sopctl serve`: the catalog in a local browser, and a form editor for staff who write no
YAML."""
