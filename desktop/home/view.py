"""The home page: the network at a glance.

Cards (total members, dues this fiscal year, members without PDPA consent), two bar charts
(members by region and by organisation type) and the members changed lately. Everything comes
from one ``db.dashboard.dashboard_summary`` call on the database thread; the page reloads it when
a write touches members, dues or organisations (debounced, and only while the page is shown: a
hidden page reloads when it is shown again).

Later issues add their own panels: ``home.add_panel(widget, span=3)`` places a widget (usually a
``HomePanel``) in the page's six-column grid after the others. Such a panel loads its own data
through the executor; if it has a ``refresh()`` method, F5 on the home page calls it.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.association import association_profile
from db.dashboard import UNSPECIFIED_CODE, CategoryCount, DashboardSummary, dashboard_summary
from desktop import i18n
from desktop.db_worker import Changes, DbExecutor
from desktop.home.bar_chart import BarChart, ChartBar
from desktop.home.formatting import (
    display_year,
    format_baht,
    format_count,
    format_day,
    format_percent,
)
from desktop.home.panels import PANEL_STYLE, HomePanel, StatPanel
from desktop.home.recent import MEMBER_ID_ROLE, RecentChangesModel
from desktop.home.reloader import Reloader
from desktop.settings_dialog import date_era

log = logging.getLogger(__name__)

GRID_COLUMNS = 6
REFRESH_AREAS = ("members", "dues", "organisations", "reference")
DEBOUNCE_MS = 400


class HomeView(QWidget):
    summary_loaded = Signal(object)  # DashboardSummary, each time new figures are shown
    load_failed = Signal(str)  # the error's text
    member_activated = Signal(str)  # a member id: the user opened a recent change

    def __init__(self, executor: DbExecutor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeView")
        self._executor = executor
        self._summary: DashboardSummary | None = None
        self._stale = True  # nothing loaded yet
        self._loaded_at: QTime | None = None
        self._reloader = Reloader(self._load, debounce_ms=DEBOUNCE_MS, parent=self)
        self._extra_panels: list[QWidget] = []
        self._next_cell = (0, 0)
        self._retranslate_pending = False

        self._build()
        self._retranslate()  # shows the association's name too
        executor.changes_applied.connect(self._on_changes_applied)

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.setStyleSheet(PANEL_STYLE)
        self.heading = QLabel(self)
        self.heading.setObjectName("homeHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.updated_label = QLabel(self)
        self.updated_label.setObjectName("homeUpdated")
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("homeRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.association_label = QLabel(self)
        self.association_label.setObjectName("homeAssociation")
        self.association_label.setTextFormat(Qt.TextFormat.PlainText)
        self.association_label.setStyleSheet("QLabel { color: #37474f; }")
        self.association_label.hide()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.association_label)
        titles.addWidget(self.heading)
        header = QHBoxLayout()
        header.addLayout(titles)
        header.addStretch(1)
        header.addWidget(self.updated_label)
        header.addWidget(self.refresh_button)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("homeError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(
            "QLabel { background: #fdecea; color: #8a1c14; border: 1px solid #f1b0a8;"
            " border-radius: 6px; padding: 8px; }"
        )
        self.error_label.hide()

        self.total_panel = StatPanel(object_name="totalMembersPanel", parent=self)
        self.dues_panel = StatPanel(object_name="duesPanel", parent=self)
        self.consent_panel = StatPanel(object_name="consentPanel", parent=self)

        self.region_chart = BarChart(self)
        self.region_chart.setObjectName("regionChart")
        self.region_panel = HomePanel(object_name="regionPanel", parent=self)
        self.region_panel.body.addWidget(self.region_chart)
        self.region_panel.body.addStretch(1)
        self.org_type_chart = BarChart(self)
        self.org_type_chart.setObjectName("orgTypeChart")
        self.org_type_panel = HomePanel(object_name="orgTypePanel", parent=self)
        self.org_type_panel.body.addWidget(self.org_type_chart)
        self.org_type_panel.body.addStretch(1)

        self.recent_model = RecentChangesModel(self)
        self.recent_view = QTreeView(self)
        self.recent_view.setObjectName("recentChanges")
        self.recent_view.setModel(self.recent_model)
        self.recent_view.setRootIsDecorated(False)
        self.recent_view.setUniformRowHeights(True)
        self.recent_view.setAlternatingRowColors(True)
        self.recent_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recent_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent_view.setFrameShape(QFrame.Shape.NoFrame)
        # Room for Thai marks above and below the line (ฏ ฐ ญ descend, ่ ้ ๊ ๋ sit on vowels).
        self.recent_view.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        self.recent_view.activated.connect(self._on_recent_activated)
        header_view = self.recent_view.header()
        header_view.setStretchLastSection(False)
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(
            RecentChangesModel.ORGANISATION, QHeaderView.ResizeMode.Stretch
        )
        self.recent_panel = HomePanel(object_name="recentPanel", parent=self)
        self.recent_panel.body.addWidget(self.recent_view)

        self._grid = QGridLayout()
        self._grid.setSpacing(12)
        for column in range(GRID_COLUMNS):
            self._grid.setColumnStretch(column, 1)
        self.add_panel(self.total_panel, span=2)
        self.add_panel(self.dues_panel, span=2)
        self.add_panel(self.consent_panel, span=2)
        self.add_panel(self.region_panel, span=3)
        self.add_panel(self.org_type_panel, span=3)
        self.add_panel(self.recent_panel, span=GRID_COLUMNS)

        content = QWidget(self)
        content.setObjectName("homeContent")
        inner = QVBoxLayout(content)
        inner.setContentsMargins(18, 14, 18, 18)
        inner.setSpacing(12)
        inner.addLayout(header)
        inner.addWidget(self.error_label)
        inner.addLayout(self._grid)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("homeScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def add_panel(self, panel: QWidget, *, span: int = GRID_COLUMNS) -> None:
        """Place ``panel`` after the others, ``span`` of the grid's six columns wide.

        A panel that does not fit on the current row starts the next one.
        """
        span = max(1, min(span, GRID_COLUMNS))
        row, column = self._next_cell
        if column + span > GRID_COLUMNS:
            row, column = row + 1, 0
        self._grid.addWidget(panel, row, column, 1, span)
        column += span
        self._next_cell = (row + 1, 0) if column >= GRID_COLUMNS else (row, column)
        if panel not in (
            self.total_panel, self.dues_panel, self.consent_panel,
            self.region_panel, self.org_type_panel, self.recent_panel,
        ):  # fmt: skip
            self._extra_panels.append(panel)

    # -- loading ------------------------------------------------------------------------------
    def summary(self) -> DashboardSummary | None:
        """The figures shown now (None until the first load)."""
        return self._summary

    def refresh(self) -> None:
        """Reload the figures now (F5), and every added panel that can refresh itself."""
        self._reloader.run_now()
        for panel in self._extra_panels:
            refresh = getattr(panel, "refresh", None)
            if callable(refresh):
                refresh()

    def is_loading(self) -> bool:
        return self._reloader.is_pending()

    def shutdown(self) -> None:
        """Stop loading (the window is closing, the database thread is about to stop)."""
        self._reloader.stop()
        with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
            self._executor.changes_applied.disconnect(self._on_changes_applied)

    async def _load(self) -> None:
        try:
            summary = await self._executor.run(dashboard_summary, today=dt.date.today())
        except asyncio.CancelledError:
            raise
        except Exception as error:
            log.exception("the dashboard could not be loaded")
            message = str(error) or type(error).__name__
            self.error_label.setText(
                self.tr("The figures could not be loaded: %1").replace("%1", message)
            )
            self.error_label.show()
            self.load_failed.emit(message)
            return
        self._stale = False
        self._loaded_at = QTime.currentTime()
        self.error_label.hide()
        self.show_summary(summary)

    def show_association_name(self) -> None:
        """The association's name (Settings ▸ Association) above the heading, when set."""
        try:
            profile = self._executor.read_now(association_profile)  # one row: quick
        except Exception:
            log.exception("the association's name could not be read")
            return
        name = profile.name_en if self._english() and profile.name_en else profile.name_th
        self.association_label.setText(name)
        self.association_label.setVisible(bool(name))

    def _on_changes_applied(self, changes: Changes, _initiator: object) -> None:
        if changes.touches("association"):
            self.show_association_name()
        if not changes.touches(*REFRESH_AREAS):
            return
        if self.isVisible():
            self._reloader.request()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self._reloader.is_pending():
            # Later, not now: the app shows its window before the asyncio loop runs.
            QTimer.singleShot(0, self._reloader, self._reloader.run_now)

    def _on_recent_activated(self, index: QModelIndex) -> None:
        member_id = index.data(MEMBER_ID_ROLE)
        if member_id:
            self.member_activated.emit(str(member_id))

    # -- showing ------------------------------------------------------------------------------
    def show_summary(self, summary: DashboardSummary) -> None:
        """Show ``summary`` (also used by tests and by a later preview)."""
        self._summary = summary
        self._render()
        self.summary_loaded.emit(summary)

    def apply_settings(self) -> None:
        """The era or another display setting changed: show the same figures anew."""
        self._render()

    def _english(self) -> bool:
        return i18n.current_language() == "en"

    def _label(self, category: CategoryCount) -> str:
        return category.name_en if self._english() and category.name_en else category.name_th

    def _render(self) -> None:
        summary = self._summary
        if summary is None:
            return
        era = date_era()
        thai = not self._english()
        total = summary.total_members
        self.total_panel.set_figures(
            format_count(total),
            self.tr("Members on the register, any status (deleted members not counted)"),
        )

        dues = summary.dues
        year = str(display_year(dues.fiscal_year, era))
        baht = format_baht(dues.amount_satang)
        period = (
            self.tr("%1 to %2")
            .replace("%1", format_day(dues.first_day, era=era, thai=thai))
            .replace("%2", format_day(dues.last_day, era=era, thai=thai))
        )
        self.dues_panel.set_figures(
            self.tr("%1 baht").replace("%1", baht),
            self._dues_detail(year, dues.payment_count) + "\n" + period,
        )
        # "ปีงบประมาณ 2570: 1,234 รายการ 456,789 บาท" for screen readers and the tooltip.
        sentence = (
            self.tr("Fiscal year %1: %2 payments, %3 baht")
            .replace("%1", year)
            .replace("%2", format_count(dues.payment_count))
            .replace("%3", baht)
        )
        self.dues_panel.setAccessibleDescription(sentence)
        self.dues_panel.setToolTip(sentence)

        share = format_percent(summary.without_consent, total)
        self.consent_panel.set_figures(
            format_count(summary.without_consent),
            self.tr("%1 of members have no consent date recorded").replace("%1", share)
            if share
            else self.tr("No members yet"),
        )

        empty = self.tr("No members yet")
        self.region_chart.set_bars(self._bars(summary.by_region, total), empty_text=empty)
        self.org_type_chart.set_bars(self._bars(summary.by_org_type, total), empty_text=empty)
        self.recent_model.set_changes(summary.recent, era=era, thai=thai)
        self._fit_recent_height()
        self._show_updated()

    def _dues_detail(self, year: str, count: int) -> str:
        if count == 1:
            text = self.tr("Fiscal year %1: 1 payment")
        else:
            text = self.tr("Fiscal year %1: %2 payments")
        return text.replace("%1", year).replace("%2", format_count(count))

    def _bars(self, categories: tuple[CategoryCount, ...], total: int) -> list[ChartBar]:
        bars = []
        for category in categories:
            label = self._label(category)
            if category.abbr_th and not self._english():
                full = f"{label} ({category.abbr_th})"
            else:
                full = label
            share = format_percent(category.count, total)
            tooltip = (
                self.tr("%1: %2 members (%3)")
                .replace("%1", full)
                .replace("%2", format_count(category.count))
                .replace("%3", share or "0%")
            )
            bars.append(
                ChartBar(label, category.count, tooltip, muted=category.code == UNSPECIFIED_CODE)
            )
        return bars

    def _fit_recent_height(self) -> None:
        """Tall enough for every recent change: the page scrolls, not the little list."""
        view = self.recent_view
        rows = max(self.recent_model.rowCount(), 3)
        row_height = view.sizeHintForRow(0) if self.recent_model.rowCount() else 0
        row_height = max(row_height, view.fontMetrics().height() + 6)
        height = view.header().sizeHint().height() + rows * row_height + 2 * view.frameWidth() + 4
        view.setFixedHeight(height)

    def _show_updated(self) -> None:
        if self._loaded_at is None:
            self.updated_label.clear()
            return
        stamp = self._loaded_at.toString("HH.mm" if not self._english() else "HH:mm")
        if not self._english():
            stamp += " น."
        self.updated_label.setText(self.tr("Updated %1").replace("%1", stamp))

    # -- language -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and not self._retranslate_pending:
            # Later: i18n.install sends the event before it records the new language (which
            # picks Thai or English region names), and sends several of them.
            self._retranslate_pending = True
            QTimer.singleShot(0, self, self._retranslate)  # not after this view is gone
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._retranslate_pending = False
        self.heading.setText(self.tr("Network at a glance"))
        self.show_association_name()  # the English name in the English interface
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Load the figures again (F5)"))
        self.total_panel.set_title(self.tr("Members"))
        self.dues_panel.set_title(self.tr("Dues this fiscal year"))
        self.consent_panel.set_title(self.tr("Without PDPA consent"))
        self.region_panel.set_title(self.tr("Members by region"))
        self.region_chart.setAccessibleName(self.tr("Members by region"))
        self.org_type_panel.set_title(self.tr("Members by organisation type"))
        self.org_type_chart.setAccessibleName(self.tr("Members by organisation type"))
        self.recent_panel.set_title(self.tr("Recent changes"))
        self.recent_view.setAccessibleName(self.tr("Recent changes"))
        self.recent_model.retranslate()
        if self._summary is None:
            self.updated_label.setText(self.tr("Loading…"))
        else:
            self._render()
