"""vCard 3.0 (RFC 2426) contacts, what phones import best: one .vcf holding many cards.

Text is UTF-8 (vCard 3.0 has no CHARSET parameter; Android and iOS read UTF-8). Values are
escaped as RFC 2426 says (``\\`` ``,`` ``;`` and line breaks), and every line longer than 75
octets is folded (CRLF and one space), never inside a UTF-8 sequence or a backslash escape.
Phone numbers are written in E.164 (+66...), which every phone dials from anywhere.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from db.thai.phone import ThaiPhoneError, to_e164

CRLF = "\r\n"
MAX_LINE_OCTETS = 75


@dataclass(frozen=True, slots=True)
class VCardContact:
    """What one card holds (Thai text as stored)."""

    uid: str
    first_name: str
    prefix: str = ""
    last_name: str = ""
    nickname: str = ""
    organisation: str = ""
    position: str = ""
    mobile: str = ""  # national form, as stored
    office_phone: str = ""
    email: str = ""
    note: str = ""
    birthday: dt.date | None = None

    @property
    def formatted_name(self) -> str:
        """ "นายสมชาย ใจดี": a Thai prefix is written against the first name, as Thai does;
        a Latin-script one is followed by a space ("Mr. John Smith", "Dr. Anan")."""
        prefix = self.prefix.strip()
        gap = " " if prefix and _ends_in_latin(prefix) else ""
        return f"{prefix}{gap}{self.first_name} {self.last_name}".strip()


def _ends_in_latin(text: str) -> bool:
    """Whether the last letter of ``text`` (after any "." or other mark) is Latin script."""
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and unicodedata.name(letters[-1], "").startswith("LATIN")


def escape_text(value: str) -> str:
    """A TEXT value escaped for vCard 3.0: ``\\`` ``,`` ``;`` and line breaks."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """``line`` folded into parts of at most 75 octets (UTF-8), joined by CRLF + space.

    A part never ends inside a multi-byte character or between a backslash and the character
    it escapes, so even a reader that splits lines before decoding gets whole characters.
    """
    data = line.encode("utf-8")
    if len(data) <= MAX_LINE_OCTETS:
        return line
    parts: list[bytes] = []
    start = 0
    limit = MAX_LINE_OCTETS
    while len(data) - start > limit:
        end = start + limit
        while end > start and (data[end] & 0xC0) == 0x80:  # a continuation byte: step back
            end -= 1
        # An odd run of backslashes before the cut means the last one escapes what follows.
        backslashes = 0
        while end - backslashes - 1 >= start and data[end - backslashes - 1] == 0x5C:
            backslashes += 1
        if backslashes % 2 == 1:
            end -= 1
        parts.append(data[start:end])
        start = end
        limit = MAX_LINE_OCTETS - 1  # the space that starts a continuation line counts
    parts.append(data[start:])
    return (CRLF + " ").join(part.decode("utf-8") for part in parts)


def _phone(number: str) -> str:
    try:
        return to_e164(number)
    except ThaiPhoneError:
        return number  # an unusual stored number goes out as it is rather than not at all


def card_lines(contact: VCardContact) -> list[str]:
    """The content lines of one card, unfolded."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:" + ";".join(
            escape_text(part) for part in (contact.last_name, contact.first_name, "",
                                           contact.prefix, "")
        ),
        "FN:" + escape_text(contact.formatted_name),
    ]  # fmt: skip
    if contact.nickname:
        lines.append("NICKNAME:" + escape_text(contact.nickname))
    if contact.organisation:
        lines.append("ORG:" + escape_text(contact.organisation))
    if contact.position:
        lines.append("TITLE:" + escape_text(contact.position))
    if contact.mobile:
        lines.append("TEL;TYPE=CELL,VOICE:" + escape_text(_phone(contact.mobile)))
    if contact.office_phone:
        lines.append("TEL;TYPE=WORK,VOICE:" + escape_text(_phone(contact.office_phone)))
    if contact.email:
        lines.append("EMAIL;TYPE=INTERNET:" + escape_text(contact.email))
    if contact.birthday is not None:
        lines.append("BDAY:" + contact.birthday.isoformat())
    if contact.note:
        lines.append("NOTE:" + escape_text(contact.note))
    lines.append("UID:urn:uuid:" + contact.uid)
    lines.append("END:VCARD")
    return lines


def format_vcard(contact: VCardContact) -> str:
    """One card: folded lines, each ending in CRLF."""
    return "".join(fold_line(line) + CRLF for line in card_lines(contact))


def format_vcards(contacts: Iterable[VCardContact]) -> str:
    """Many cards, one after the other (the content of a .vcf file)."""
    return "".join(format_vcard(contact) for contact in contacts)


def unfold(text: str) -> list[str]:
    """The content lines of vCard text with folding undone (for tests and tools)."""
    return text.replace(CRLF + " ", "").replace(CRLF + "\t", "").split(CRLF)[:-1]
