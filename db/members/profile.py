"""One member as the editor and the profile show it, and the editor's suggestion lists."""

from __future__ import annotations

from sqlmodel import Session

from db.dues import dues_by_member
from db.members._keys import thai_sort_key
from db.members._sql import PROVINCE_NAME_SQL, dbapi, to_date, today_iso
from db.members.types import GroupRoleRow, MemberInput, MemberProfile
from db.reference.types import Language
from db.thai.text import normalize_for_search

_MEMBER_SQL = (
    "SELECT m.id, m.prefix, m.first_name, m.last_name, m.first_name_en, m.last_name_en,"
    " m.nickname, coalesce(m.national_id, ''), m.birth_date, m.gender, m.personnel_type,"
    " m.position, m.position_type, m.position_level, m.organisation_id, m.phone,"
    " m.phone_office, m.email, m.line_id, m.address, m.membership_no, m.status, m.joined_on,"
    " m.expires_on, m.notes, m.consent_date, m.consent_purpose,"
    " coalesce(o.name, ''), coalesce({province}, ''), m.created_at, m.updated_at"
    " FROM member m LEFT JOIN organisation o ON o.id = m.organisation_id"
    " LEFT JOIN province p ON p.code = o.province_code"
    " WHERE m.id = ? AND m.deleted_at IS NULL"
)
_GROUPS_SQL = (
    "SELECT gm.id, g.id, g.name, g.kind, gm.role, gm.started_on, gm.ended_on, g.name_key"
    " FROM group_membership gm JOIN network_group g ON g.id = gm.group_id"
    " WHERE gm.member_id = ? AND gm.deleted_at IS NULL AND g.deleted_at IS NULL"
)


def get_member(session: Session, *, member_id: str, language: Language = "th") -> MemberProfile:
    """The member with its groups (current first, then past), dues (newest first) and strengths;
    the province named in ``language``.

    Raises ``LookupError`` if there is no live member with that id.
    """
    connection = dbapi(session)
    sql = _MEMBER_SQL.format(province=PROVINCE_NAME_SQL[language])
    r = connection.execute(sql, (member_id,)).fetchone()
    if r is None:
        raise LookupError(f"no live member with id {member_id}")
    strengths = tuple(
        tag
        for (tag,) in connection.execute(
            "SELECT tag FROM member_strength WHERE member_id = ? AND deleted_at IS NULL"
            " ORDER BY rowid",
            (member_id,),
        )
    )
    data = MemberInput(
        id=r[0], prefix=r[1], first_name=r[2], last_name=r[3], first_name_en=r[4],
        last_name_en=r[5], nickname=r[6], national_id=r[7], birth_date=to_date(r[8]),
        gender=r[9], personnel_type=r[10], position=r[11], position_type=r[12],
        position_level=r[13], organisation_id=r[14], phone=r[15], phone_office=r[16],
        email=r[17], line_id=r[18], address=r[19], membership_no=r[20], status=r[21],
        joined_on=to_date(r[22]), expires_on=to_date(r[23]), notes=r[24],
        consent_date=to_date(r[25]), consent_purpose=r[26], strengths=strengths,
    )  # fmt: skip
    today = today_iso()
    group_rows = connection.execute(_GROUPS_SQL, (member_id,)).fetchall()

    def current(row: tuple) -> bool:  # type: ignore[type-arg]
        started, ended = row[5], row[6]
        return (started is None or started <= today) and (ended is None or ended > today)

    # Current memberships first, each part by start date (latest first), then group name.
    group_rows.sort(key=lambda g: (g[7], g[0]))
    group_rows.sort(key=lambda g: g[5] or "", reverse=True)
    group_rows.sort(key=lambda g: not current(g))
    groups = tuple(
        GroupRoleRow(g[0], g[1], g[2], g[3], g[4], to_date(g[5]), to_date(g[6])) for g in group_rows
    )
    dues = tuple(dues_by_member(session, member_id=member_id))
    return MemberProfile(
        data=data,
        organisation_name=r[27],
        province_name=r[28],
        created_at=r[29],
        updated_at=r[30],
        groups=groups,
        dues=dues,
    )


def _matches(needle: str, candidate: str) -> bool:
    return not needle or needle in normalize_for_search(candidate)


def strength_suggestions(session: Session, *, text: str = "", limit: int = 50) -> list[str]:
    """Strength tags to offer: the shipped ``strength`` list and the tags members use, containing
    ``text`` (substring, Thai digits and case ignored), in Thai order."""
    connection = dbapi(session)
    needle = normalize_for_search(text)
    suggested = [
        name
        for (name,) in connection.execute(
            "SELECT name_th FROM ref_item WHERE kind = 'strength' AND active"
        )
    ]
    # Distinct tags by skipping through ix_member_strength_tag (one seek per distinct tag, not a
    # scan of every member's tags); a tag counts if some live row has it.
    in_use = [
        tag
        for (tag,) in connection.execute(
            "WITH RECURSIVE t(tag) AS ("
            " SELECT min(tag) FROM member_strength"
            " UNION ALL"
            " SELECT (SELECT min(tag) FROM member_strength WHERE tag > t.tag) FROM t"
            " WHERE t.tag IS NOT NULL)"
            " SELECT tag FROM t WHERE tag IS NOT NULL AND EXISTS"
            " (SELECT 1 FROM member_strength s WHERE s.tag = t.tag AND s.deleted_at IS NULL)"
        )
    ]
    tags = {tag for tag in (*suggested, *in_use) if tag and _matches(needle, tag)}
    return sorted(tags, key=lambda tag: (thai_sort_key(tag), tag))[:limit]


def position_suggestions(session: Session, *, text: str = "", limit: int = 50) -> list[str]:
    """Positions to offer: those members hold, most common first, then the shipped ``position``
    list; only those containing ``text`` (substring, Thai digits and case ignored)."""
    connection = dbapi(session)
    needle = normalize_for_search(text)
    condition, params = "", []
    if needle:  # stored positions are in normalised form already (digits, NFC, ำ)
        condition, params = " AND instr(lower(position), ?) > 0", [needle]
    counted = connection.execute(
        "SELECT position, count(*) FROM member WHERE deleted_at IS NULL AND position != ''"
        f"{condition} GROUP BY position",
        params,
    ).fetchall()
    counted.sort(key=lambda r: (-r[1], thai_sort_key(r[0]), r[0]))
    in_use = [(position,) for position, _count in counted]
    shipped = connection.execute(
        "SELECT name_th FROM ref_item WHERE kind = 'position' AND active"
        " ORDER BY sort_order, name_th"
    ).fetchall()
    result: list[str] = []
    for (position,) in (*in_use, *shipped):
        if position not in result and _matches(needle, position):
            result.append(position)
            if len(result) == limit:
                break
    return result
