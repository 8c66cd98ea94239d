"""Writing SOP files: `new`, `renumber` and the numbers they give."""
