"""Turning an image file the user chose into the association's logo: a PNG at most
:data:`db.association.MAX_LOGO_SIDE` pixels on a side (larger images are scaled down)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader

from db.association import MAX_LOGO_BYTES, MAX_LOGO_SIDE

MAX_IMAGE_FILE_BYTES = 20 * 1024 * 1024  # a scanned emblem or a phone photo fits easily
MAX_IMAGE_SIDE = 10_000  # pixels: larger is not a logo (and would take ~400 MB to decode)

# LogoError codes (the page translates them).
UNREADABLE_IMAGE = "unreadable_image"
IMAGE_FILE_TOO_LARGE = "image_file_too_large"
IMAGE_TOO_LARGE = "image_too_large"
LOGO_TOO_LARGE = "logo_too_large"


class LogoError(ValueError):
    """The file cannot be the logo; ``code`` says why (nothing was changed)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def image_file_formats() -> list[str]:
    """The image formats this Qt reads ("png", "jpg", ...), for the file dialog's filter."""
    return sorted({bytes(f.data()).decode().lower() for f in QImageReader.supportedImageFormats()})


def logo_png_from_file(path: Path) -> bytes:
    """The image at ``path`` as the logo's PNG bytes, scaled down to fit MAX_LOGO_SIDE.

    Raises :class:`LogoError` for a file that is missing, unreadable, not an image, too big to
    be a logo, or whose PNG would still be over MAX_LOGO_BYTES.
    """
    try:
        file_size = path.stat().st_size
    except OSError as error:
        raise LogoError(UNREADABLE_IMAGE, f"cannot read the file: {error.strerror}") from error
    if file_size > MAX_IMAGE_FILE_BYTES:
        raise LogoError(IMAGE_FILE_TOO_LARGE, f"the file is {file_size} bytes")
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # a photo's EXIF rotation
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_IMAGE_SIDE:
        raise LogoError(IMAGE_TOO_LARGE, f"the image is {size.width()} x {size.height()} pixels")
    image = reader.read()
    if image.isNull():
        raise LogoError(UNREADABLE_IMAGE, f"not an image Qt can read: {reader.errorString()}")
    return logo_png_from_image(image)


def logo_png_from_image(image: QImage) -> bytes:
    """``image`` scaled down (never up) to fit MAX_LOGO_SIDE, as PNG bytes."""
    if max(image.width(), image.height()) > MAX_LOGO_SIDE:
        image = image.scaled(
            MAX_LOGO_SIDE,
            MAX_LOGO_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise LogoError(UNREADABLE_IMAGE, "the image could not be written as PNG")
    buffer.close()
    png = bytes(data.data())
    if len(png) > MAX_LOGO_BYTES:
        raise LogoError(LOGO_TOO_LARGE, f"the logo's PNG is {len(png)} bytes")
    return png
