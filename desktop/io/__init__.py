"""Bulk data screens: the member import wizard and the member export dialog (issue 3)."""

from desktop.io.import_wizard import ImportWizard, open_import_wizard

__all__ = ["ImportWizard", "open_import_wizard"]
