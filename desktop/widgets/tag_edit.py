"""Entry of free tags (a member's strengths) as removable chips, with completion.

Type a tag and press Enter, a comma or a semicolon to add it; Backspace in the empty field
removes the last tag; each chip has a × button. Enter in an empty field is left to the dialog
(so Enter still saves the form). Tags are cleaned (invisible characters, extra spaces) and kept
unique, in the order entered.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QRect, QSize, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetItem,
)

from db.thai.text import clean_text

MAX_TAG_LENGTH = 80  # member_strength.tag


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping to new lines (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(2, 2, 2, 2)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insert_widget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        spacing = self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + spacing
                line_height = 0
            if apply:
                item.setGeometry(QRect(x, y, hint.width(), hint.height()))
            x += hint.width() + spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


class TagEdit(QFrame):
    """Chips for the tags entered so far, then a line edit for the next one."""

    tags_changed = Signal(tuple)  # tuple[str, ...]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._tags: list[str] = []
        self._chips: list[QToolButton] = []
        self._layout = FlowLayout(self)
        self._input = QLineEdit(self)
        self._input.setObjectName("tagInput")
        self._input.setFrame(False)
        self._input.setMinimumWidth(160)
        self._input.setMaxLength(MAX_TAG_LENGTH)
        self._input.setPlaceholderText(self.tr("Type and press Enter"))
        self._input.installEventFilter(self)
        self._input.textEdited.connect(self._on_text_edited)
        self._layout.addWidget(self._input)
        self._suggestions = QStringListModel(self)
        self._completer = QCompleter(self._suggestions, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.activated.connect(self._on_completion)
        self._input.setCompleter(self._completer)
        self.setFocusProxy(self._input)

    def line_edit(self) -> QLineEdit:
        return self._input

    def tags(self) -> tuple[str, ...]:
        return tuple(self._tags)

    def all_tags(self) -> tuple[str, ...]:
        """The tags, with text still in the input (not yet turned into a chip) as tags too."""
        pending = (
            clean_text(p)[:MAX_TAG_LENGTH] for p in self._input.text().replace(";", ",").split(",")
        )
        return self.tags() + tuple(dict.fromkeys(p for p in pending if p and p not in self._tags))

    def set_tags(self, tags: Iterable[str]) -> None:
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips.clear()
        self._tags.clear()
        for tag in tags:
            self._append(tag)
        self.tags_changed.emit(self.tags())

    def set_suggestions(self, suggestions: Iterable[str]) -> None:
        self._suggestions.setStringList(list(suggestions))

    def add_tag(self, text: str) -> bool:
        """Add `text` as a tag; False when it is empty or already there."""
        if not self._append(text):
            return False
        self.tags_changed.emit(self.tags())
        return True

    def remove_tag(self, tag: str) -> None:
        if tag not in self._tags:
            return
        index = self._tags.index(tag)
        self._tags.pop(index)
        chip = self._chips.pop(index)
        self._layout.removeWidget(chip)
        chip.deleteLater()
        self.updateGeometry()
        self.tags_changed.emit(self.tags())

    def commit_pending(self) -> None:
        """Turn text still in the input into a tag (called before saving a form)."""
        for part in self._input.text().replace(";", ",").split(","):
            self.add_tag(part)
        self._input.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._input
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self._on_key(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def _on_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            popup = self._completer.popup()
            if popup is not None and popup.isVisible():
                return False
            if self._input.text().strip():
                self.commit_pending()
                return True
            return False  # empty: let the dialog's default button have Enter
        if key == Qt.Key.Key_Backspace and not self._input.text() and self._tags:
            self.remove_tag(self._tags[-1])
            return True
        return False

    def _on_text_edited(self, text: str) -> None:
        if "," in text or ";" in text:
            self.commit_pending()

    def _on_completion(self, text: str) -> None:
        self.add_tag(text)
        # The line edit writes the completion into itself after this signal: clear it after.
        QTimer.singleShot(0, self._input.clear)

    def _append(self, text: str) -> bool:
        tag = clean_text(text)[:MAX_TAG_LENGTH]
        if not tag or tag in self._tags:
            return False
        self._tags.append(tag)
        chip = QToolButton(self)
        chip.setObjectName("tagChip")
        chip.setText(f"{tag}  ×")
        chip.setToolTip(self.tr("Remove this tag"))
        chip.setAutoRaise(False)
        chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        chip.clicked.connect(lambda _checked=False, t=tag: self.remove_tag(t))
        self._chips.append(chip)
        self._layout.insert_widget(len(self._chips) - 1, chip)
        chip.show()
        self.updateGeometry()
        return True
