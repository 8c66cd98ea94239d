"""The flowchart of the procedure table: geometry, arrow routing and SVG."""
