"""Checking SOP files: the run, findings, rules, waivers, the cache and the output formats."""
