"""``python -m db``: the admin command line (see :mod:`db.cli`)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from db.cli import main as _cli_main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the admin command line with ``argv`` (default: sys.argv[1:]); returns the exit status."""
    return _cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
