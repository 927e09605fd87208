"""Bulk data screens: the member import wizard and the member export dialog (issue 3)."""

from desktop.io.export_dialog import ExportDialog, open_export_dialog
from desktop.io.import_wizard import ImportWizard, open_import_wizard

__all__ = ["ExportDialog", "ImportWizard", "open_export_dialog", "open_import_wizard"]
