"""Turning SOPs into documents: Markdown, HTML, PDF and the office's booklet."""
