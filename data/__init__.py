"""The event file and everything that lives in it.

``data`` is the core of daihoi: the SQLite store and its journal, delegates, badge codes,
check-in, import and export, and search. It imports no other package of ours and never
Textual, so every rule here is plain Python that the console, the command line and the tests
share.
"""
