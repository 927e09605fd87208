"""A member's history as the profile shows it: newest first, who, on which PC, what changed.

Read on the database thread (``member_history``); results of a member no longer shown are
dropped. Imports and merges are one entry each, with a link that shows what they did.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QTextBrowser, QVBoxLayout, QWidget
from sqlmodel import Session

from db.history.read import DEFAULT_LIMIT, HistoryEntry, member_history
from db.thai.dates import Era
from desktop.db_worker import DbExecutor
from desktop.history.texts import change_text, field_label, value_text, when
from desktop.members.labels import ViewLabels
from desktop.operations.tasks import TaskRunner

GREY = "#5f6b73"


class MemberHistoryView(QWidget):
    """The history list of one member (a tab of the profile)."""

    loaded = Signal(str)  # member id, once its history is shown
    import_run_activated = Signal(str)  # import_run id (a link was clicked)
    merge_activated = Signal(str)  # member_merge id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberHistory")
        self._executor: DbExecutor | None = None
        self._find_executor: Callable[[], DbExecutor | None] = lambda: None
        self._labels = ViewLabels()
        self._era: Era = "BE"
        self._member_id: str | None = None
        self._entries: list[HistoryEntry] = []
        self._complete = True
        self._token = 0
        self._tasks = TaskRunner(self)
        self._text = QTextBrowser(self)
        self._text.setObjectName("memberHistoryText")
        self._text.setOpenLinks(False)
        self._text.anchorClicked.connect(self._on_link)
        self._more = QPushButton(self)
        self._more.setObjectName("memberHistoryMore")
        self._more.clicked.connect(self.load_more)
        self._more.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._text)
        layout.addWidget(self._more)
        self._retranslate()

    # -- set-up ------------------------------------------------------------------------------
    def set_executor(self, executor: DbExecutor | None) -> None:
        self._executor = executor

    def set_executor_finder(self, find: Callable[[], DbExecutor | None]) -> None:
        """Where to find the executor when none was set (looked up at the first load)."""
        self._find_executor = find

    def set_labels(self, labels: ViewLabels) -> None:
        self._labels = labels
        self._render()

    def set_date_era(self, era: Era) -> None:
        self._era = era
        self._render()

    # -- public ------------------------------------------------------------------------------
    def entries(self) -> list[HistoryEntry]:
        return list(self._entries)

    def plain_text(self) -> str:
        return self._text.toPlainText()

    def member_id(self) -> str | None:
        return self._member_id

    def show_member(self, member_id: str | None) -> None:
        """Show ``member_id``'s history (read again even when it is the same member: the
        profile is shown again after every change)."""
        self._token += 1
        if member_id != self._member_id:
            self._entries = []
            self._text.clear()
        self._member_id = member_id
        if member_id is None:
            self._entries = []
            self._render()
            return
        self._tasks.spawn(self._load(member_id, self._token, before=None))

    def load_more(self) -> None:
        if self._member_id is None or not self._entries:
            return
        self._token += 1
        self._tasks.spawn(self._load(self._member_id, self._token, before=self._entries[-1].at))

    # -- loading -----------------------------------------------------------------------------
    async def _load(self, member_id: str, token: int, *, before: str | None) -> None:
        executor = self._executor or self._find_executor()
        if executor is None:
            return
        entries = await executor.run(_read, member_id=member_id, limit=DEFAULT_LIMIT, before=before)
        if token != self._token or member_id != self._member_id:
            return  # another member (or a newer read) since
        self._entries = (self._entries if before else []) + entries
        self._complete = len(entries) < DEFAULT_LIMIT
        self._render()
        self.loaded.emit(member_id)

    # -- showing -----------------------------------------------------------------------------
    def _render(self) -> None:
        self._more.setVisible(bool(self._entries) and not self._complete)
        if self._member_id is None:
            self._text.setHtml(_note(self.tr("Select a member to see their history.")))
            return
        if not self._entries:
            self._text.setHtml(_note(self.tr("No changes recorded yet.")))
            return
        self._text.setHtml("".join(self._entry_html(e) for e in self._entries))

    def _who(self, entry: HistoryEntry) -> str:
        if not entry.user_name and not entry.device:
            return ""
        if entry.device:
            return self.tr("%1 on %2").replace("%1", entry.user_name).replace("%2", entry.device)
        return entry.user_name

    def _title(self, entry: HistoryEntry) -> str:
        """What happened, as HTML (links for imports and merges)."""
        if entry.link_kind == "import_run" and entry.link_id:
            link = (
                f"<a href='import:{html.escape(entry.link_id)}'>{html.escape(entry.link_label)}</a>"
            )
            if entry.kind == "undo":
                return html.escape(self.tr("Import undone: %1")).replace("%1", link)
            if entry.detail == "updated":
                return html.escape(self.tr("Updated by the import of %1")).replace("%1", link)
            return html.escape(self.tr("Imported from %1")).replace("%1", link)
        if entry.kind == "merge" and entry.link_id:
            link = _link("merge", entry.link_id, entry.link_label or "?")
            if entry.changes and entry.changes[0].field == "deleted_at":
                return html.escape(self.tr("Merged into %1")).replace("%1", link)
            return html.escape(self.tr("Merged with %1")).replace("%1", link)
        if entry.entity == "group_membership":
            group = html.escape(entry.detail or self.tr("(deleted group)"))
            texts = {
                "create": self.tr("Added to the group %1"),
                "delete": self.tr("Removed from the group %1"),
                "undo": self.tr("Undo: group %1"),
            }
            text = texts.get(entry.kind, self.tr("Group %1 changed"))
            return html.escape(text).replace("%1", f"<b>{group}</b>")
        if entry.entity == "dues_payment":
            texts = {
                "create": self.tr("Dues payment recorded"),
                "delete": self.tr("Dues payment deleted"),
                "undo": self.tr("Undo: dues payment"),
            }
            return html.escape(texts.get(entry.kind, self.tr("Dues payment changed")))
        texts = {
            "create": self.tr("Member added"),
            "update": self.tr("Details changed"),
            "delete": self.tr("Member deleted"),
            "restore": self.tr("Member restored"),
            "undo": self.tr("Undo of an earlier change"),
            "erase": self.tr("Personal data erased (PDPA)"),
        }
        return html.escape(texts.get(entry.kind, entry.kind))

    def _entry_html(self, entry: HistoryEntry) -> str:
        who = self._who(entry)
        meta = " · ".join(x for x in (when(entry.at, era=self._era), who) if x)
        parts = [
            f"<p style='margin-bottom:0'><b>{self._title(entry)}</b></p>",
            f"<p style='margin-top:0; margin-bottom:2px; color:{GREY}'>{html.escape(meta)}</p>",
        ]
        if entry.link_kind == "import_run" and entry.kind == "import" and entry.link_counts:
            imported, updated = entry.link_counts[0], entry.link_counts[1]
            summary = self.tr("%Ln member(s) imported", "", imported)
            if updated:
                summary += ", " + self.tr("%Ln updated", "", updated)
            parts.append(f"<p style='margin-top:0; color:{GREY}'>{html.escape(summary)}</p>")
        rows = []
        for change in entry.changes:
            if change.field == "deleted_at" or (
                change.field == "group_id" and entry.entity == "group_membership"
            ):
                continue  # said by the title
            if entry.kind == "create" and not change.erased:  # nothing before: the value alone
                text = value_text(
                    change.field, change.new, entry=entry, labels=self._labels, era=self._era
                )
            elif entry.kind == "import":  # old values only: the new ones are the sheet's
                old = value_text(
                    change.field, change.old, entry=entry, labels=self._labels, era=self._era
                )
                text = self.tr("was %1").replace("%1", old)
            else:
                text = change_text(change, entry=entry, labels=self._labels, era=self._era)
            rows.append(
                f"<tr><td style='color:{GREY}; padding-right:8px'>"
                f"{html.escape(field_label(change.field))}</td><td>{html.escape(text)}</td></tr>"
            )
        if rows:
            parts.append(f"<table cellspacing='1' style='margin-left:8px'>{''.join(rows)}</table>")
        return "<div style='margin-bottom:8px'>" + "".join(parts) + "</div>"

    # -- links -------------------------------------------------------------------------------
    def _on_link(self, url: QUrl) -> None:
        kind, _, record_id = url.toString().partition(":")
        entry = next((e for e in self._entries if e.link_id == record_id), None)
        if kind == "import":
            self.import_run_activated.emit(record_id)
        elif kind == "merge":
            self.merge_activated.emit(record_id)
        if entry is not None:
            self._show_summary(entry)

    def _show_summary(self, entry: HistoryEntry) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("memberHistoryLinkInfo")
        box.setIcon(QMessageBox.Icon.Information)
        if entry.link_kind == "import_run":
            counts = (*entry.link_counts, 0, 0, 0, 0)[:4]
            box.setWindowTitle(self.tr("Import"))
            box.setText(self.tr("Import of %1").replace("%1", entry.link_label))
            lines = [
                when(entry.at, era=self._era),
                self.tr("%Ln member(s) imported", "", counts[0]),
                self.tr("%Ln updated", "", counts[1]),
                self.tr("%Ln skipped", "", counts[2]),
                self.tr("%Ln rejected", "", counts[3]),
            ]
        else:
            box.setWindowTitle(self.tr("Merge"))
            box.setText(self.tr("Merge with %1").replace("%1", entry.link_label))
            lines = [when(entry.at, era=self._era), self._who(entry)]
            lines += [
                f"{field_label(c.field)}: "
                + change_text(c, entry=entry, labels=self._labels, era=self._era)
                for c in entry.changes
                if c.field != "deleted_at"
            ]
        box.setInformativeText("\n".join(x for x in lines if x))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()
        return box

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._render()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._more.setText(self.tr("Show older changes"))


def _read(
    session: Session, *, member_id: str, limit: int, before: str | None
) -> list[HistoryEntry]:
    return member_history(session, member_id, limit=limit, before=before)


def _link(scheme: str, record_id: str, label: str) -> str:
    return f"<a href='{scheme}:{html.escape(record_id)}'>{html.escape(label)}</a>"


def _note(text: str) -> str:
    return f"<p style='color:{GREY}'>{html.escape(text)}</p>"
