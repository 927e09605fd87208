"""Membership dues: payments by Buddhist-era fiscal year (1 October - 30 September).

Money is whole satang (1 baht = 100 satang), never a float. Recording and deleting a payment are
kept in the change history (``db.history``) in the same transaction.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from db.history import record as history
from db.identity import new_stamp
from db.ids import new_id
from db.members._sql import dbapi
from db.members.types import DuesRow, FieldError, MemberValidationError
from db.members.validation import clean_line
from db.thai.digits import to_arabic_digits

MIN_FISCAL_YEAR = 2500
MAX_FISCAL_YEAR = 2700
MAX_RECEIPT_LENGTH = 40
LATEST_PLAUSIBLE_YEAR = 2200  # a CE date later than this was typed as a BE year


class DuesError(MemberValidationError):
    """A payment that cannot be recorded; ``errors`` holds one FieldError per problem.

    Codes: ``unknown_member``, ``unknown_group``, ``invalid_amount``, ``invalid_fiscal_year``,
    ``invalid_date``, ``too_long``, ``duplicate_receipt``, ``unknown_payment``.
    """


def _validate(
    session: Session,
    *,
    member_id: str,
    fiscal_year: int,
    amount_satang: int,
    paid_on: dt.date,
    receipt_no: str,
    group_id: str | None,
) -> list[FieldError]:
    connection = dbapi(session)
    errors: list[FieldError] = []
    if not connection.execute(
        "SELECT 1 FROM member WHERE id = ? AND deleted_at IS NULL", (member_id,)
    ).fetchone():
        errors.append(FieldError("member_id", "unknown_member", "The member does not exist"))
    if (
        group_id is not None
        and not connection.execute(
            "SELECT 1 FROM network_group WHERE id = ? AND deleted_at IS NULL", (group_id,)
        ).fetchone()
    ):
        errors.append(FieldError("group_id", "unknown_group", "The group does not exist"))
    if isinstance(amount_satang, bool) or not isinstance(amount_satang, int) or amount_satang <= 0:
        errors.append(FieldError(
            "amount_satang", "invalid_amount", "The amount must be more than zero (in satang)"
        ))  # fmt: skip
    if not MIN_FISCAL_YEAR <= fiscal_year <= MAX_FISCAL_YEAR:
        errors.append(FieldError(
            "fiscal_year", "invalid_fiscal_year",
            f"The fiscal year is a Buddhist-era year between {MIN_FISCAL_YEAR} and"
            f" {MAX_FISCAL_YEAR} (e.g. 2570)",
        ))  # fmt: skip
    if paid_on.year > LATEST_PLAUSIBLE_YEAR:
        errors.append(FieldError(
            "paid_on", "invalid_date",
            f"The year {paid_on.year} is not plausible: was a Buddhist-era year entered as a"
            " Christian-era year?",
        ))  # fmt: skip
    elif paid_on > dt.date.today():
        errors.append(FieldError("paid_on", "invalid_date", "The payment date is in the future"))
    if len(receipt_no) > MAX_RECEIPT_LENGTH:
        errors.append(FieldError(
            "receipt_no", "too_long",
            f"The receipt number is longer than {MAX_RECEIPT_LENGTH} characters",
        ))  # fmt: skip
    elif (
        receipt_no
        and connection.execute(
            "SELECT 1 FROM dues_payment WHERE fiscal_year = ? AND receipt_no = ?"
            " AND deleted_at IS NULL",
            (fiscal_year, receipt_no),
        ).fetchone()
    ):
        errors.append(FieldError(
            "receipt_no", "duplicate_receipt",
            f"Receipt number {receipt_no} is already recorded for fiscal year {fiscal_year}",
        ))  # fmt: skip
    return errors


def record_dues_payment(
    session: Session,
    *,
    member_id: str,
    fiscal_year: int,
    amount_satang: int,
    paid_on: dt.date,
    receipt_no: str = "",
    group_id: str | None = None,
) -> str:
    """Record a payment; returns its id. Raises :class:`DuesError` (nothing written)."""
    receipt_no = to_arabic_digits(clean_line(receipt_no))
    errors = _validate(
        session,
        member_id=member_id,
        fiscal_year=fiscal_year,
        amount_satang=amount_satang,
        paid_on=paid_on,
        receipt_no=receipt_no,
        group_id=group_id,
    )
    if errors:
        raise DuesError(tuple(errors))
    stamp = new_stamp(session)
    payment_id = new_id()
    dbapi(session).execute(
        "INSERT INTO dues_payment (id, owner_office_id, created_at, updated_at, hlc, member_id,"
        " group_id, fiscal_year, amount_satang, paid_on, receipt_no)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            payment_id,
            stamp.owner_office_id,
            stamp.at,
            stamp.at,
            stamp.hlc,
            member_id,
            group_id,
            fiscal_year,
            amount_satang,
            paid_on.isoformat(),
            receipt_no,
        ),
    )
    changes: dict[str, list[object]] = {
        "fiscal_year": [None, fiscal_year],
        "amount_satang": [None, amount_satang],
        "paid_on": [None, paid_on.isoformat()],
    }
    if receipt_no:
        changes["receipt_no"] = [None, receipt_no]
    if group_id is not None:
        changes["group_id"] = [None, group_id]
    history.record(
        session,
        kind=history.CREATE,
        entity="dues_payment",
        entity_id=payment_id,
        member_id=member_id,
        changes=changes,
        stamp=stamp,
    )
    return payment_id


def delete_dues_payment(session: Session, *, payment_id: str) -> None:
    """Soft-delete a payment recorded by mistake. Raises :class:`DuesError` if there is none."""
    stamp = new_stamp(session)
    found = (
        dbapi(session)
        .execute(
            "UPDATE dues_payment SET deleted_at = ?, updated_at = ?, hlc = ?"
            " WHERE id = ? AND deleted_at IS NULL RETURNING member_id",
            (stamp.at, stamp.at, stamp.hlc, payment_id),
        )
        .fetchone()
    )
    if found is None:
        raise DuesError(
            (FieldError("payment_id", "unknown_payment", "The payment does not exist"),)
        )
    history.record(
        session,
        kind=history.DELETE,
        entity="dues_payment",
        entity_id=payment_id,
        member_id=found[0],
        changes={"deleted_at": [None, stamp.at]},
        stamp=stamp,
    )


def dues_total(
    session: Session, *, fiscal_year: int, group_id: str | None = None
) -> tuple[int, int]:
    """(number of payments, total in satang) recorded for a fiscal year, optionally for one
    group. Every live payment counts, also those of members deleted since: the money came in."""
    condition = ""
    params: list[object] = [fiscal_year]
    if group_id is not None:
        condition = " AND group_id = ?"
        params.append(group_id)
    count, total = (
        dbapi(session)
        .execute(
            "SELECT count(*), coalesce(sum(amount_satang), 0) FROM dues_payment"
            f" WHERE fiscal_year = ? AND deleted_at IS NULL{condition}",
            params,
        )
        .fetchone()
    )
    return int(count), int(total)


def dues_by_member(session: Session, *, member_id: str) -> list[DuesRow]:
    """A member's live payments, newest first (fiscal year, then payment date)."""
    rows = dbapi(session).execute(
        "SELECT d.id, d.fiscal_year, d.amount_satang, d.paid_on, d.receipt_no,"
        " coalesce(g.name, '') FROM dues_payment d"
        " LEFT JOIN network_group g ON g.id = d.group_id"
        " WHERE d.member_id = ? AND d.deleted_at IS NULL"
        " ORDER BY d.fiscal_year DESC, d.paid_on DESC, d.rowid DESC",
        (member_id,),
    )
    return [DuesRow(r[0], r[1], r[2], dt.date.fromisoformat(r[3]), r[4], r[5]) for r in rows]
