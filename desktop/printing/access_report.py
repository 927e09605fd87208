"""The PDPA access report: everything held about one member, printed (A4, Sarabun, BE dates).

Built from the dict of :func:`db.privacy.access.member_data` (the same data as the JSON file),
with the association's name, address and logo at the top when they are set
(:func:`db.association.association_profile`). Headings and labels are English source text
translated in the ``AccessReport`` context (Thai is the default UI language).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QImage, QTextDocument

from db.thai.dates import format_thai_date
from db.thai.errors import ThaiValueError
from db.thai.national_id import format_national_id
from desktop.printing.pdf import new_document

LOGO_URL = QUrl("khrueakhai:association-logo.png")
LOGO_HEIGHT_PX = 64
MAX_VALUE_CHARS = 300  # a long value (notes, a snapshot) is cut in the table; the JSON has it all


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _member_labels() -> list[tuple[str, str]]:
    """(member column, label) in the order the report lists them."""
    return [
        ("prefix", QCoreApplication.translate("AccessReport", "Title")),
        ("first_name", QCoreApplication.translate("AccessReport", "First name")),
        ("last_name", QCoreApplication.translate("AccessReport", "Last name")),
        ("first_name_en", QCoreApplication.translate("AccessReport", "First name (English)")),
        ("last_name_en", QCoreApplication.translate("AccessReport", "Last name (English)")),
        ("nickname", QCoreApplication.translate("AccessReport", "Nickname")),
        ("national_id", QCoreApplication.translate("AccessReport", "National ID")),
        ("birth_date", QCoreApplication.translate("AccessReport", "Date of birth")),
        ("gender", QCoreApplication.translate("AccessReport", "Gender")),
        ("personnel_type", QCoreApplication.translate("AccessReport", "Personnel type")),
        ("position", QCoreApplication.translate("AccessReport", "Position")),
        ("position_type", QCoreApplication.translate("AccessReport", "Position type")),
        ("position_level", QCoreApplication.translate("AccessReport", "Position level")),
        ("phone", QCoreApplication.translate("AccessReport", "Mobile phone")),
        ("phone_office", QCoreApplication.translate("AccessReport", "Office phone")),
        ("email", QCoreApplication.translate("AccessReport", "E-mail")),
        ("line_id", QCoreApplication.translate("AccessReport", "LINE ID")),
        ("address", QCoreApplication.translate("AccessReport", "Address")),
        ("membership_no", QCoreApplication.translate("AccessReport", "Membership number")),
        ("status", QCoreApplication.translate("AccessReport", "Status")),
        ("joined_on", QCoreApplication.translate("AccessReport", "Member since")),
        ("expires_on", QCoreApplication.translate("AccessReport", "Membership expires")),
        ("notes", QCoreApplication.translate("AccessReport", "Notes")),
        ("consent_date", QCoreApplication.translate("AccessReport", "Consent recorded on")),
        ("consent_purpose", QCoreApplication.translate("AccessReport", "Purpose of consent")),
        ("created_at", QCoreApplication.translate("AccessReport", "Record created")),
        ("updated_at", QCoreApplication.translate("AccessReport", "Last changed")),
        ("deleted_at", QCoreApplication.translate("AccessReport", "Deleted from the register")),
        ("id", QCoreApplication.translate("AccessReport", "Record id")),
    ]


def _kind_labels() -> dict[str, str]:
    return {
        "create": QCoreApplication.translate("AccessReport", "Created"),
        "update": QCoreApplication.translate("AccessReport", "Changed"),
        "delete": QCoreApplication.translate("AccessReport", "Deleted"),
        "restore": QCoreApplication.translate("AccessReport", "Restored"),
        "import": QCoreApplication.translate("AccessReport", "Imported"),
        "merge": QCoreApplication.translate("AccessReport", "Merged"),
        "undo": QCoreApplication.translate("AccessReport", "Undone"),
        "erase": QCoreApplication.translate("AccessReport", "Personal data erased"),
    }


def _date_text(value: object) -> str:
    """ISO date or timestamp -> Thai long BE date (timestamps keep their time, UTC+7)."""
    if not value:
        return ""
    text = str(value)
    try:
        if len(text) > 10:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            local = moment.astimezone(dt.timezone(dt.timedelta(hours=7)))
            return f"{format_thai_date(local.date())} {local:%H.%M} น."
        return format_thai_date(dt.date.fromisoformat(text))
    except ValueError:
        return text


def _value_text(column: str, value: object, member: Mapping[str, Any]) -> str:
    if value is None or value == "":
        return ""
    if member.get(f"{column}_name"):
        return str(member[f"{column}_name"])
    if column == "national_id":
        try:
            return format_national_id(str(value))
        except ThaiValueError:
            return str(value)
    if column.endswith(("_date", "_on", "_at")):
        return _date_text(value)
    return str(value)


def _short(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th align='left' bgcolor='#e8edf0'>{_e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(_short(cell))}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        "<table width='100%' border='1' cellspacing='0' cellpadding='4'"
        f" style='border-collapse:collapse; border-color:#9aa5ad'><tr>{head}</tr>{body}</table>"
    )


def _pairs(pairs: Iterable[tuple[str, str]]) -> str:
    rows = "".join(
        f"<tr><td width='30%' style='color:#46525a'>{_e(label)}</td><td>{_e(value)}</td></tr>"
        for label, value in pairs
    )
    return f"<table width='100%' cellspacing='0' cellpadding='3'>{rows}</table>"


def _section(title: str, body: str) -> str:
    return f"<h3 style='margin-top:14px; margin-bottom:4px'>{_e(title)}</h3>{body}"


def _none() -> str:
    text = QCoreApplication.translate("AccessReport", "None recorded.")
    return f"<p style='color:#5f6b73'>{_e(text)}</p>"


def _header(association: Any | None, has_logo: bool) -> str:
    if association is None:
        return ""
    name = getattr(association, "name_th", "") or getattr(association, "name", "")
    lines = [line for line in str(getattr(association, "address", "") or "").splitlines() if line]
    contacts = " · ".join(
        x for x in (getattr(association, "phone", ""), getattr(association, "email", "")) if x
    )
    if not (name or lines or has_logo):
        return ""
    text = f"<b style='font-size:14pt'>{_e(name)}</b>" if name else ""
    text += "".join(f"<br/>{_e(line)}" for line in lines)
    text += f"<br/>{_e(contacts)}" if contacts else ""
    logo = (
        f"<td width='{LOGO_HEIGHT_PX + 12}'><img src='{LOGO_URL.toString()}'"
        f" height='{LOGO_HEIGHT_PX}'/></td>"
        if has_logo
        else ""
    )
    return (
        f"<table width='100%' cellspacing='0' cellpadding='0'><tr>{logo}<td>{text}</td></tr>"
        "</table><hr/>"
    )


def access_report_html(
    data: Mapping[str, Any], *, association: Any | None = None, has_logo: bool = False
) -> str:
    """The report as HTML (the logo, when `has_logo`, is the document resource LOGO_URL)."""
    member: Mapping[str, Any] = data["member"]
    organisation: Mapping[str, Any] | None = data.get("organisation")
    name = " ".join(
        x for x in (f"{member.get('prefix', '')}{member.get('first_name', '')}",
                    member.get("last_name", "")) if x
    )  # fmt: skip
    title = QCoreApplication.translate("AccessReport", "Personal data held about a member")
    subtitle = QCoreApplication.translate(
        "AccessReport", "Right of access under the Personal Data Protection Act B.E. 2562"
    )
    parts = [_header(association, has_logo)]
    parts.append(
        f"<h2 align='center' style='margin-bottom:2px'>{_e(title)}</h2>"
        f"<p align='center' style='margin-top:0'>{_e(subtitle)}</p>"
    )
    member_label = QCoreApplication.translate("AccessReport", "Member")
    prepared_on = QCoreApplication.translate("AccessReport", "Prepared on")
    parts.append(_pairs([(member_label, name), (prepared_on, _date_text(data.get("exported_at")))]))
    profile = [
        (label, _value_text(column, member.get(column), member))
        for column, label in _member_labels()
    ]
    if organisation:
        at = [column for column, _label in _member_labels()].index("position_level") + 1
        profile[at:at] = [
            (
                QCoreApplication.translate("AccessReport", "Organisation"),
                str(organisation.get("name", "")),
            ),
            (
                QCoreApplication.translate("AccessReport", "Province"),
                str(organisation.get("province_name", "")),
            ),
        ]
    parts.append(
        _section(
            QCoreApplication.translate("AccessReport", "Profile"),
            _pairs((label, v) for label, v in profile if v),
        )
    )
    tags = [s["tag"] for s in data.get("strengths", []) if s.get("tag")]
    live = [s["tag"] for s in data.get("strengths", []) if s.get("tag") and not s.get("deleted_at")]
    removed = QCoreApplication.translate("AccessReport", "removed")
    strengths = ", ".join(live) + (
        f" ({removed}: {', '.join(t for t in tags if t not in live)})"
        if len(tags) > len(live) else ""
    )  # fmt: skip
    parts.append(
        _section(
            QCoreApplication.translate("AccessReport", "Strengths"),
            f"<p>{_e(strengths)}</p>" if tags else _none(),
        )
    )
    groups = data.get("groups", [])
    group_headers = [
        QCoreApplication.translate("AccessReport", "Group"),
        QCoreApplication.translate("AccessReport", "Role"),
        QCoreApplication.translate("AccessReport", "From"),
        QCoreApplication.translate("AccessReport", "Until"),
    ]
    parts.append(_section(QCoreApplication.translate("AccessReport", "Groups and roles"), _table(
        group_headers,
        [(g["group_name"], g["role_name"], _date_text(g["started_on"]),
          _date_text(g["ended_on"]) or (removed if g.get("deleted_at") else ""))
         for g in groups],
    ) if groups else _none()))  # fmt: skip
    dues = data.get("dues", [])
    dues_headers = [
        QCoreApplication.translate("AccessReport", "Fiscal year"),
        QCoreApplication.translate("AccessReport", "Amount (baht)"),
        QCoreApplication.translate("AccessReport", "Paid on"),
        QCoreApplication.translate("AccessReport", "Receipt"),
        QCoreApplication.translate("AccessReport", "Group"),
    ]
    parts.append(_section(QCoreApplication.translate("AccessReport", "Dues payments"), _table(
        dues_headers,
        [(d["fiscal_year_be"], d["amount_baht"], _date_text(d["paid_on"]), d["receipt_no"],
          d["group_name"]) for d in dues],
    ) if dues else _none()))  # fmt: skip
    parts.append(
        _section(
            QCoreApplication.translate("AccessReport", "History of changes"),
            _history(data.get("history") or []),
        )
    )
    runs = data.get("import_runs", [])
    when = QCoreApplication.translate("AccessReport", "When")
    run_headers = [
        when,
        QCoreApplication.translate("AccessReport", "File"),
        QCoreApplication.translate("AccessReport", "Row"),
        QCoreApplication.translate("AccessReport", "What the import did"),
    ]
    created = QCoreApplication.translate("AccessReport", "created the record")
    updated = QCoreApplication.translate("AccessReport", "updated the record")
    parts.append(_section(QCoreApplication.translate("AccessReport", "Imports from files"), _table(
        run_headers,
        [(_date_text(r["imported_at"]), r["file_name"], r["row_number"],
          created if r["action"] == "created" else updated)
         for r in runs],
    ) if runs else _none()))  # fmt: skip
    merges = data.get("merges", [])
    merged = {m["id"]: m for m in data.get("merged_records", [])}
    merge_headers = [
        when,
        QCoreApplication.translate("AccessReport", "Record merged into this one"),
        QCoreApplication.translate("AccessReport", "Undone"),
    ]
    parts.append(_section(QCoreApplication.translate("AccessReport", "Merged records"), _table(
        merge_headers,
        [(_date_text(m["merged_at"]), _merged_name(merged.get(m["merged_id"]), m["merged_id"]),
          _date_text(m["undone_at"])) for m in merges],
    ) if merges else _none()))  # fmt: skip
    other_records = QCoreApplication.translate("AccessReport", "Other records: %1")
    for table, rows in (data.get("other_records") or {}).items():
        parts.append(_section(other_records.replace("%1", table), _table(
            list(rows[0].keys()) if rows else [], [list(r.values()) for r in rows]
        )))  # fmt: skip
    json_note = QCoreApplication.translate(
        "AccessReport", "The same data is given as a JSON file for other programs."
    )
    parts.append(f"<p style='color:#5f6b73; margin-top:16px'>{_e(json_note)}</p>")
    return "".join(parts)


def _merged_name(record: Mapping[str, Any] | None, fallback: str) -> str:
    if not record:
        return fallback
    first = f"{record.get('prefix', '')}{record.get('first_name', '')}"
    return f"{first} {record.get('last_name', '')}".strip()


def _history(entries: Sequence[Mapping[str, Any]]) -> str:
    if not entries:
        return _none()
    labels = dict(_member_labels())
    kinds = _kind_labels()
    value_erased = QCoreApplication.translate("AccessReport", "value erased")
    reason = QCoreApplication.translate("AccessReport", "Reason")
    rows = []
    for entry in entries:
        changes = []
        for change in entry.get("changes", []):
            label = labels.get(change["field"], change["field"])
            if change.get("erased"):
                changes.append(f"{label}: {value_erased}")
            elif change["field"] == "reason":
                changes.append(f"{reason}: {change['new']}")
            else:
                old, new = change.get("old"), change.get("new")
                changes.append(
                    f"{label}: {'' if old is None else old} → {'' if new is None else new}"
                )
        what = "; ".join(changes) or entry.get("link_label") or entry.get("detail") or ""
        who = " / ".join(x for x in (entry.get("user_name"), entry.get("device")) if x)
        rows.append(
            (
                _date_text(entry.get("at")),
                kinds.get(entry.get("kind", ""), entry.get("kind")),
                who,
                what,
            )
        )
    headers = [
        QCoreApplication.translate("AccessReport", "When"),
        QCoreApplication.translate("AccessReport", "What"),
        QCoreApplication.translate("AccessReport", "By (user / PC)"),
        QCoreApplication.translate("AccessReport", "Details"),
    ]
    return _table(headers, rows)


def build_access_report(
    data: Mapping[str, Any], *, association: Any | None = None
) -> QTextDocument:
    """The report as a document ready for :func:`desktop.printing.pdf.write_pdf`."""
    document = new_document()
    logo_png = getattr(association, "logo_png", None) if association is not None else None
    image = QImage.fromData(logo_png) if logo_png else QImage()
    if not image.isNull():
        document.addResource(QTextDocument.ResourceType.ImageResource, LOGO_URL, image)
    document.setHtml(access_report_html(data, association=association, has_logo=not image.isNull()))
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle,
        QCoreApplication.translate("AccessReport", "Personal data held about a member"),
    )
    return document
