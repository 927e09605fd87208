"""The bundled Sarabun font (OFL-1.1, from the ``fontpkg-sarabun`` package).

Thai needs a font that has its glyphs and positions its vowels and tone marks; a PC may have none
(every Thai letter is then a box), so the app ships Sarabun and uses it for the whole interface.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

FAMILY = "Sarabun"
POINT_SIZE = 10.5  # Sarabun's Thai is small for its size; below 10 pt tone marks get hard to read

_loaded_family: str | None = None


class FontError(RuntimeError):
    """The bundled font could not be found or loaded."""


def font_dir() -> Path:
    """The folder holding ``Sarabun-*.ttf``: the package's, or the bundle's copy of it."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "fontpkg_sarabun" / "files"
    import fontpkg_sarabun

    return Path(fontpkg_sarabun.ROOT) / "files"


def font_files() -> list[Path]:
    return sorted(font_dir().glob(f"{FAMILY}-*.ttf"))


def load_fonts() -> str:
    """Register every Sarabun face with Qt (once) and return the family name.

    Needs a QGuiApplication. Raises FontError when the files are missing or unreadable.
    """
    global _loaded_family
    if _loaded_family is not None:
        return _loaded_family
    files = font_files()
    if not files:
        raise FontError(f"no {FAMILY}-*.ttf files in {font_dir()}")
    families: set[str] = set()
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise FontError(f"Qt could not load the font file {path}")
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    if FAMILY not in families:
        raise FontError(f"the font files in {font_dir()} hold {sorted(families)}, not {FAMILY}")
    _loaded_family = FAMILY
    return FAMILY


def interface_font(point_size: float = POINT_SIZE) -> QFont:
    font = QFont(load_fonts())
    font.setPointSizeF(point_size)
    return font


def apply_default_font(app: QGuiApplication, point_size: float = POINT_SIZE) -> str:
    """Make Sarabun the application's default font; returns the family name."""
    font = interface_font(point_size)
    app.setFont(font)
    return font.family()
