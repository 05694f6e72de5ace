"""The day's running order and the honours ceremony: plain Python on top of ``data``.

Never imports Textual; the console and the command line call it, the tests drive it with an
injected clock.
"""
