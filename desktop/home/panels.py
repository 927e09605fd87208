"""The cards the home page is made of.

``HomePanel`` is the frame every panel uses (a title and a body); later issues build their own
panels on it and add them with ``HomeView.add_panel``. ``StatPanel`` shows one big figure.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

PANEL_STYLE = """
HomePanel {
    background: palette(base);
    border: 1px solid #d6dde5;
    border-radius: 8px;
}
QLabel[panelRole="title"] { color: #4a5866; font-weight: 600; }
QLabel[panelRole="value"] { color: #1d3f5e; font-weight: 700; }
QLabel[panelRole="detail"] { color: #5b6975; }
"""


class HomePanel(QFrame):
    """A titled card. Put content in ``body`` (a QVBoxLayout).

    A panel that has a ``refresh()`` method is refreshed with the page (F5).
    """

    def __init__(self, *, object_name: str, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName(f"{object_name}Title")
        self.title_label.setProperty("panelRole", "title")
        self.title_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(6)
        layout.addWidget(self.title_label)
        self.body = QVBoxLayout()
        self.body.setSpacing(4)
        layout.addLayout(self.body)

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)
        self.setAccessibleName(title)


class StatPanel(HomePanel):
    """One big figure with a line of detail under it."""

    def __init__(self, *, object_name: str, title: str = "", parent: QWidget | None = None):
        super().__init__(object_name=object_name, title=title, parent=parent)
        self.value_label = QLabel("…", self)
        self.value_label.setObjectName(f"{object_name}Value")
        self.value_label.setProperty("panelRole", "value")
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.1)
        self.value_label.setFont(font)
        self.detail_label = QLabel("", self)
        self.detail_label.setObjectName(f"{object_name}Detail")
        self.detail_label.setProperty("panelRole", "detail")
        self.detail_label.setWordWrap(True)
        self.body.addWidget(self.value_label)
        self.body.addWidget(self.detail_label)
        self.body.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_figures(self, value: str, detail: str = "") -> None:
        self.value_label.setText(value)
        self.detail_label.setText(detail)
        self.setAccessibleDescription(f"{value}. {detail}" if detail else value)
