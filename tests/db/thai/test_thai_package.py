import subprocess
import sys
from pathlib import Path

import db.thai

ROOT = Path(__file__).resolve().parents[3]


def test_public_api_is_exported() -> None:
    for name in db.thai.__all__:
        assert hasattr(db.thai, name), name
    assert callable(db.thai.parse_thai_date)


def test_error_codes() -> None:
    assert db.thai.NationalIdError.code == "invalid_national_id"
    assert db.thai.ThaiDateError.code == "invalid_date"
    assert db.thai.ThaiPhoneError.code == "invalid_phone"
    for error in (db.thai.NationalIdError, db.thai.ThaiDateError, db.thai.ThaiPhoneError):
        assert issubclass(error, ValueError)


def test_never_imports_qt() -> None:
    code = (
        "import sys, db.thai; "
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'desktop'))]; "
        "print(qt); sys.exit(1 if qt else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
