"""The ``decorum-host`` console script: the host, with the collector off from its first import on."""

from __future__ import annotations

import gc


def main() -> int:
    """Serve the browser (``native_host.host.main``) with the collector off until the host has warmed up.

    Importing the engine makes a few hundred thousand objects that live as long as the host (its
    modules, the packs' models); collecting while they are made only walks them again and again,
    a tenth of the time to the first answer. The host lets the collector work again once it has
    built what it keeps and frozen it out of the collector's reach.
    """
    gc.disable()
    from native_host.host import main as serve_the_browser

    return serve_the_browser()
