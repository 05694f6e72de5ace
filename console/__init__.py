"""The ``daihoi`` command line and the Textual console: the only package that imports Textual."""
