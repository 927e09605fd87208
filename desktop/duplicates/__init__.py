"""The duplicates review screen: find members recorded twice, compare, merge, undo."""

from desktop.duplicates.view import DuplicatesView

__all__ = ["DuplicatesView"]
