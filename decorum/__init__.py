"""Decorum, the application: the ``decorum`` command line and the local HTTP API around the engine.

The engine (``engine``) judges drafts and knows nothing of how it is reached; the native host
(``native_host``) serves it to the browser extension; this package serves it to people and local
tools (``decorum check``, ``decorum serve``) and registers the host (``decorum install-host``).
"""
