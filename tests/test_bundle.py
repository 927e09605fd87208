"""The PyInstaller bundle (build.spec) builds and starts: ``--self-check`` exits 0.

Slow (a full build, about a minute): ``bash scripts/test.sh -m slow tests/test_bundle.py``.
Built in a folder whose path has Thai characters and a space, as on a Thai Windows desktop.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _size_mb(folder: Path) -> float:
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files) / 1e6


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_bundle_builds_and_passes_its_self_check(tmp_path: Path) -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is not installed: pip install -e '.[dev]'")
    base = tmp_path / "โปรแกรม เครือข่าย"
    started = time.perf_counter()
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
         "--distpath", str(base / "dist"), "--workpath", str(base / "build")],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", stdin=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]

    folder = base / "dist" / "Khrueakhai"
    executable = folder / ("Khrueakhai.exe" if sys.platform == "win32" else "Khrueakhai")
    assert executable.is_file()
    internal = folder / "_internal"
    for part in ("fontpkg_sarabun/files/Sarabun-Regular.ttf", "fontpkg_sarabun/LICENSE",
                 "resources/translations/khrueakhai_th.qm", "resources/icons/khrueakhai.png",
                 "db/migrations/env.py"):
        assert (internal / part).is_file(), f"{part} is missing from the bundle"
    assert any((internal / "resources" / "reference").rglob("*.*")), "no reference data"
    print(f"\nbundle: built in {seconds:.0f} s, {_size_mb(folder):.0f} MB in {folder}")

    _check_version_resource_and_icon(base / "build")

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the source tree
    check = subprocess.run(
        [str(executable), "--self-check"], cwd=tmp_path, env=env, capture_output=True,
        text=True, encoding="utf-8", timeout=120, stdin=subprocess.DEVNULL,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "self-check passed" in check.stdout
    assert str(internal / "fontpkg_sarabun") in check.stdout  # the bundled font, not the venv's


def _check_version_resource_and_icon(work: Path) -> None:
    """The spec wrote a Windows version resource PyInstaller can read (version from
    pyproject.toml, English and Thai string tables) and gave the executable the app icon."""
    import ast
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    (resource,) = work.rglob("version_info.txt")
    # PyInstaller evaluates the file as a VSVersionInfo(...) expression (its reader needs
    # pefile, a Windows-only dependency): read the same expression with ast here.
    tree = ast.parse(resource.read_text(encoding="utf-8"), mode="eval")
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    assert isinstance(tree.body, ast.Call) and ast.unparse(tree.body.func) == "VSVersionInfo"
    tables = {
        ast.literal_eval(call.args[0]): dict(
            ast.literal_eval(ast.unparse(ast.Tuple(item.args))) for item in call.args[1].elts
        )
        for call in calls
        if ast.unparse(call.func) == "StringTable"
    }
    assert set(tables) == {"040904B0", "041E04B0"}
    for strings in tables.values():
        assert strings["ProductName"] == "Khrueakhai"
        assert strings["ProductVersion"] == version and strings["FileVersion"] == version
        assert strings["CompanyName"]
        assert "Khrueakhai" in strings["FileDescription"]
        assert "เครือข่าย" in strings["FileDescription"]
    (fixed,) = (call for call in calls if ast.unparse(call.func) == "FixedFileInfo")
    filevers = next(k.value for k in fixed.keywords if k.arg == "filevers")
    numbers = [int(part) for part in version.split(".")[:4]]
    assert ast.literal_eval(filevers) == tuple(numbers + [0] * (4 - len(numbers)))
    # The executable gets the app icon (PyInstaller embeds it on Windows and ignores it on
    # Linux, so read the spec's EXE call): an ICO file that exists.
    icon = ROOT / "resources" / "icons" / "khrueakhai.ico"
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO file
    spec = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    (exe,) = (
        node for node in ast.walk(spec)
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "EXE"
    )  # fmt: skip
    given = {keyword.arg: ast.unparse(keyword.value) for keyword in exe.keywords}
    assert given["icon"] == "str(ICON)" and given["version"] == "version_file()"
    (assigned,) = (
        node for node in spec.body
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "ICON"
    )  # fmt: skip
    assert ast.unparse(assigned.value) == "ROOT / 'resources' / 'icons' / 'khrueakhai.ico'"
