"""The profile of the selected member: details, groups with roles, dues and strengths, and a
History tab (who changed what, when, on which PC), read when the tab is shown."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from db.members.types import MemberProfile
from db.thai.dates import DateStyle, Era
from db.thai.errors import ThaiValueError
from db.thai.national_id import mask_national_id
from db.thai.phone import format_phone
from desktop.dates import format_date
from desktop.db_worker import DbExecutor
from desktop.history.view import MemberHistoryView
from desktop.members.labels import ViewLabels


def _phone(text: str) -> str:
    try:
        return format_phone(text) if text else ""
    except ThaiValueError:
        return text


def _baht(satang: int) -> str:
    baht, rest = divmod(satang, 100)
    return f"{baht:,}.{rest:02d}"


def _heading(text: str) -> str:
    return f"<h4>{html.escape(text)}</h4>"


def _note(text: str) -> str:
    return f"<p style='color:#5f6b73'>{html.escape(text)}</p>"


def _rows(pairs: Iterable[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='color:#5f6b73; padding-right:10px'>{html.escape(label)}</td>"
        f"<td>{html.escape(value)}</td></tr>"
        for label, value in pairs
        if value
    )
    return f"<table cellspacing='2'>{cells}</table>" if cells else ""


class MemberProfilePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberProfile")
        self._labels = ViewLabels()
        self._profile: MemberProfile | None = None
        self._era: Era = "BE"
        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("memberProfileTabs")
        self._tabs.setDocumentMode(True)
        self._text = QTextBrowser(self._tabs)
        self._text.setObjectName("memberProfileText")
        self._text.setOpenLinks(False)
        self.history = MemberHistoryView(self._tabs)
        self.history.set_executor_finder(self._find_executor)
        self._tabs.addTab(self._text, "")
        self._tabs.addTab(self.history, "")
        self._tabs.currentChanged.connect(lambda _index: self._sync_history())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._tabs)
        self._retranslate_tabs()
        self.show_profile(None)

    def set_executor(self, executor: DbExecutor) -> None:
        """The executor the History tab reads through (else the window's is used)."""
        self.history.set_executor(executor)

    def _find_executor(self) -> DbExecutor | None:
        widget: QWidget | None = self
        while widget is not None:
            for name in ("executor", "_executor"):
                found = getattr(widget, name, None)
                if isinstance(found, DbExecutor):
                    return found
            widget = widget.parentWidget()
        return None

    def show_history_tab(self) -> None:
        self._tabs.setCurrentWidget(self.history)

    def _sync_history(self) -> None:
        """The History tab follows the member shown, read only while the tab is in view."""
        if self._tabs.currentWidget() is self.history:
            self.history.show_member(self.member_id())

    def _retranslate_tabs(self) -> None:
        self._tabs.setTabText(0, self.tr("Profile"))
        self._tabs.setTabText(1, self.tr("History"))

    def set_date_era(self, era: Era) -> None:
        self._era = era
        self.history.set_date_era(era)
        self.show_profile(self._profile)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_tabs()
            self.show_profile(self._profile)
        super().changeEvent(event)

    def _date(self, day: dt.date, style: DateStyle = "long") -> str:
        return format_date(day, style=style, era=self._era)

    def set_labels(self, labels: ViewLabels) -> None:
        self._labels = labels
        self.history.set_labels(labels)
        self.show_profile(self._profile)

    def profile(self) -> MemberProfile | None:
        return self._profile

    def member_id(self) -> str | None:
        return self._profile.data.id if self._profile else None

    def plain_text(self) -> str:
        return self._text.toPlainText()

    def show_message(self, message: str) -> None:
        self._profile = None
        self._text.setHtml(f"<p style='color:#5f6b73'>{html.escape(message)}</p>")
        self._sync_history()

    def show_profile(self, profile: MemberProfile | None) -> None:
        self._profile = profile
        if profile is None:
            self.show_message(self.tr("Select a member to see their profile."))
            return
        self._text.setHtml(self._html(profile))
        self._sync_history()

    def _html(self, profile: MemberProfile) -> str:
        d = profile.data
        label = self._labels.label
        name = f"{d.prefix}{d.first_name} {d.last_name}".strip()
        english = f"{d.first_name_en} {d.last_name_en}".strip()
        parts = [f"<h3 style='margin-bottom:2px'>{html.escape(name)}</h3>"]
        nickname = self.tr("Nickname: %1").replace("%1", d.nickname) if d.nickname else ""
        if english or nickname:
            sub = " · ".join(x for x in (english, nickname) if x)
            parts.append(f"<p style='margin-top:0; color:#5f6b73'>{html.escape(sub)}</p>")
        level = label("position_level", d.position_level) if d.position_level else ""
        position_type = label("position_type", d.position_type) if d.position_type else ""
        personnel = label("personnel_type", d.personnel_type) if d.personnel_type else ""
        organisation = profile.organisation_name
        if organisation and profile.province_name:
            organisation = f"{organisation} ({profile.province_name})"
        parts.append(
            _rows(
                [
                    (self.tr("Position"), d.position),
                    (self.tr("Position type"), " ".join(x for x in (position_type, level) if x)),
                    (self.tr("Personnel type"), personnel),
                    (self.tr("Organisation"), organisation),
                    (self.tr("Mobile"), _phone(d.phone)),
                    (self.tr("Office phone"), _phone(d.phone_office)),
                    (self.tr("Email"), d.email),
                    (self.tr("LINE ID"), d.line_id),
                    (self.tr("National ID"), self._masked_id(d.national_id)),
                    (self.tr("Member no."), d.membership_no),
                    (self.tr("Status"), label("member_status", d.status) if d.status else ""),
                    (self.tr("Joined"), self._date(d.joined_on) if d.joined_on else ""),
                    (self.tr("Expires"), self._date(d.expires_on) if d.expires_on else ""),
                    (self.tr("PDPA consent"), self._consent(profile)),
                ]
            )
        )
        if d.strengths:
            parts.append(_heading(self.tr("Strengths")))
            parts.append(f"<p>{html.escape(' · '.join(d.strengths))}</p>")
        parts.append(_heading(self.tr("Groups")))
        if profile.groups:
            rows = []
            for group in profile.groups:
                since = self._date(group.started_on, style="short") if group.started_on else ""
                role = label("group_role", group.role)
                if group.ended_on:
                    role += " " + self.tr("(until %1)").replace(
                        "%1", self._date(group.ended_on, style="short")
                    )
                rows.append(
                    f"<tr><td>{html.escape(group.group_name)}</td>"
                    f"<td style='padding-left:8px'>{html.escape(role)}</td>"
                    f"<td style='padding-left:8px; color:#5f6b73'>{html.escape(since)}</td></tr>"
                )
            parts.append(f"<table cellspacing='2'>{''.join(rows)}</table>")
        else:
            parts.append(_note(self.tr("No groups")))
        parts.append(_heading(self.tr("Dues")))
        if profile.dues:
            rows = []
            for dues in profile.dues:
                fiscal = self.tr("FY %1").replace("%1", str(dues.fiscal_year))
                rows.append(
                    f"<tr><td>{html.escape(fiscal)}</td>"
                    f"<td align='right' style='padding-left:8px'>"
                    f"{html.escape(_baht(dues.amount_satang))}</td>"
                    f"<td style='padding-left:8px'>"
                    f"{html.escape(self._date(dues.paid_on, style='short'))}</td>"
                    f"<td style='padding-left:8px; color:#5f6b73'>"
                    f"{html.escape(dues.receipt_no)}</td></tr>"
                )
            parts.append(f"<table cellspacing='2'>{''.join(rows)}</table>")
        else:
            parts.append(_note(self.tr("No dues paid")))
        if d.notes:
            parts.append(_heading(self.tr("Notes")))
            parts.append(f"<p>{html.escape(d.notes).replace(chr(10), '<br>')}</p>")
        return "".join(parts)

    def _masked_id(self, national_id: str) -> str:
        if not national_id:
            return ""
        try:
            return mask_national_id(national_id)
        except ThaiValueError:
            return "x-xxxx-xxxxx-xx-x"

    def _consent(self, profile: MemberProfile) -> str:
        d = profile.data
        if d.consent_date is None:
            return self.tr("not recorded")
        text = self._date(d.consent_date)
        return f"{text} ({d.consent_purpose})" if d.consent_purpose else text
