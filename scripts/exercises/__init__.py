"""Exercises: the format and its reader (catalog), the grader shared with the page (harness),
the page's Practice section (render) and the command line (python -m scripts.exercises)."""
