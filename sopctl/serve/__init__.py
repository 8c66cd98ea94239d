"""`sopctl serve`: the catalog in a local browser, with a form editor for staff who write no YAML."""
