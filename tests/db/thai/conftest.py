"""Make the repository root importable when pytest is run as the ``pytest`` script.

Redundant (and harmless) once the pytest config sets ``pythonpath = ["."]`` or ``tests/db`` is a
package; until then ``from db.thai import ...`` would fail under ``.venv/bin/pytest``.
"""

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parents[3])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)
