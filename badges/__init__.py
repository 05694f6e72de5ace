"""Everything daihoi prints: delegate badges (PDF and PNG), tray sheets, the summary page.

Plain Python on top of ``data``; never imports Textual. Text is real vector text in Roboto,
which the ``font-roboto`` pip package installs with daihoi (never a font of the OS).
"""
