"""``python -m c5statement``: the same command line as the ``c5statement`` script."""

from __future__ import annotations

from ._cli import main

if __name__ == "__main__":
    raise SystemExit(main())
