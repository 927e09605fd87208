"""Writing a QTextDocument as an A4 PDF (RECIPES: Qt's layout shapes Thai and embeds the font).

Documents are built as HTML with :func:`new_document` (Sarabun, the printed size) and written with
:func:`write_pdf`. Writing is safe to run off the UI thread (QTextDocument and QPdfWriter are not
widgets) as long as the document is only used by that thread; it is atomic: the PDF is written
to a temporary file beside the target and renamed over it, so a failure leaves no half file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop.fonts import load_fonts

PRINT_POINT_SIZE = 12.0  # Sarabun at 12 pt matches TH Sarabun at 16 pt, the official size
RESOLUTION_DPI = 300
MARGINS_MM = QMarginsF(25.0, 20.0, 20.0, 20.0)  # left, top, right, bottom (official letters)


class PdfError(OSError):
    """The PDF could not be written (folder missing or not writable, disk full)."""


def document_font(point_size: float = PRINT_POINT_SIZE) -> QFont:
    font = QFont(load_fonts())
    font.setPointSizeF(point_size)
    return font


def new_document(html: str = "", *, point_size: float = PRINT_POINT_SIZE) -> QTextDocument:
    """A document in Sarabun at the printed size, holding `html`."""
    document = QTextDocument()
    document.setDefaultFont(document_font(point_size))
    document.setDocumentMargin(0)
    if html:
        document.setHtml(html)
    return document


def write_pdf(document: QTextDocument, path: Path | str, *, title: str = "") -> Path:
    """Write `document` to `path` as an A4 PDF with the standard margins; returns the path.

    Raises :class:`PdfError` when the file cannot be written (the old file, if any, is kept).
    """
    target = Path(path)
    if not target.parent.is_dir():
        raise PdfError(f"the folder {target.parent} does not exist")
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.stem[:40]}-", suffix=".pdf.tmp", dir=target.parent
    )
    os.close(handle)
    try:
        writer = QPdfWriter(temporary)
        writer.setResolution(RESOLUTION_DPI)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                MARGINS_MM,
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setTitle(
            title or document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
        )
        writer.setCreator("Khrueakhai")
        document.print_(writer)
        del writer  # closes the file
        if Path(temporary).stat().st_size == 0:
            raise PdfError(f"Qt wrote nothing to {target}")
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, PdfError):
            raise
        raise PdfError(str(error)) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
