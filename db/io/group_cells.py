"""A member's groups in one cell, as the export writes them and the import reads them back.

    สมาคมเครือข่ายบุคลากรท้องถิ่นแห่งประเทศไทย; ชมรมบุคลากรท้องถิ่นจังหวัดขอนแก่น (ประธาน)

The groups are separated by ``"; "``; each is followed by the member's role in it in brackets,
left out for an ordinary member. A name that ends with a bracket of its own is always followed
by the role, so that its own bracket is never read as one; a name holding ``;`` (or starting
with ``"``) is put in double quotes, its quotes doubled, as in a CSV field. A secretary can
read the cell, and edit it in Excel (add a group, change a role) without a second column to
keep in step.
"""

from __future__ import annotations

import csv
import re

GROUP_SEPARATOR = "; "
MEMBER_ROLE = "member"  # the role an ordinary member has (ref_item kind 'group_role')

_LAST_BRACKET = re.compile(r"(.*?)\s*\(([^()]*)\)")


def format_group(name: str, role_label: str, *, member: bool) -> str:
    """One group of the cell: its name (quoted if need be), then ``(role_label)`` unless the
    role is an ordinary member's (``member``) and the name ends in no bracket of its own."""
    if ";" in name or name.startswith('"'):
        name = '"' + name.replace('"', '""') + '"'
    if member and not name.endswith(")"):
        return name
    return f"{name} ({role_label})"


def split_groups(text: str) -> list[str]:
    """The groups a cell names, in order (quotes taken off, blanks dropped): each a name,
    perhaps followed by a bracketed role (see :func:`split_role`)."""
    if not text.strip():
        return []
    (fields,) = csv.reader([text], delimiter=";", skipinitialspace=True)
    return [item for field in fields if (item := field.strip())]


def split_role(item: str) -> tuple[str, str]:
    """(name, text in its last brackets) of a group of the cell; ("item", "") without brackets.
    Whether the bracketed text is a role or part of the name is for the caller to judge."""
    found = _LAST_BRACKET.fullmatch(item)
    if found is None or not found.group(1):
        return item, ""
    return found.group(1), found.group(2).strip()
