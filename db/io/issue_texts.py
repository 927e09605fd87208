"""An import's row problems said in Thai, as precisely as their English messages.

A :class:`db.io.normalise.RowIssue` carries a ``code`` (what kind of problem), a ``detail``
(which case of it: the checked value's ``reason``) and ``args`` (the values the English message
names). :func:`thai_issue_text` puts them into a Thai sentence: the error report's reason
column (written by the headless core, so the texts live here) and the Thai interface use it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from contextlib import suppress

from db.io.mapping import FIELD_LABELS_TH
from db.thai.dates import format_thai_date

# One text per code: what is said when a problem has no detail (or an unknown one).
MESSAGES_TH: dict[str, str] = {
    "invalid_national_id": "เลขประจำตัวประชาชนไม่ถูกต้อง",
    "duplicate_national_id": "เลขประจำตัวประชาชนซ้ำกับสมาชิกที่มีอยู่แล้ว",
    "invalid_date": "วันที่ไม่ถูกต้อง",
    "missing_name": "ไม่มีชื่อ",
    "unknown_province": "ไม่พบจังหวัดนี้",
    "invalid_phone": "หมายเลขโทรศัพท์ไม่ถูกต้อง",
    "invalid_email": "อีเมลไม่ถูกต้อง",
    "unknown_code": "ค่าที่ไม่รู้จัก (ไม่มีในรายการ)",
    "too_long": "ข้อความยาวเกินไป",
    "missing_consent_purpose": "มีวันที่ให้ความยินยอมแต่ไม่มีวัตถุประสงค์",
    "missing_consent_date": "มีวัตถุประสงค์ความยินยอมแต่ไม่มีวันที่",
    "be_year_in_date": "ปีในช่องวันที่เป็นปี พ.ศ. ที่พิมพ์เป็น ค.ศ. (แปลงให้แล้ว)",
    "organisation_fuzzy_match": "ชื่อหน่วยงานไม่ตรงทุกตัวอักษร จับคู่กับหน่วยงานที่ใกล้เคียงที่สุด",
    "organisation_created": "ไม่พบหน่วยงานนี้ สร้างหน่วยงานใหม่ให้แล้ว",
    "organisation_unknown": "ไม่พบหน่วยงานนี้และสร้างใหม่ไม่ได้ นำเข้าโดยไม่ระบุหน่วยงาน",
    "unknown_district": "ไม่พบอำเภอนี้ในจังหวัดที่ระบุ",
    "unknown_org_type": "ไม่รู้จักประเภทหน่วยงานนี้",
    "group_created": "ไม่พบกลุ่มนี้ สร้างกลุ่มใหม่ให้แล้ว",
    "unknown_group_role": "ไม่รู้จักบทบาทนี้ในกลุ่ม บันทึกเป็นสมาชิก",
    "date_year_only": "มีแต่ปี ไม่มีวันและเดือน จึงเว้นช่องนี้ไว้ และบันทึกปีไว้ในหมายเหตุ",
    "phone_extension": "บันทึกเบอร์ต่อไว้ในหมายเหตุ ช่องโทรศัพท์เก็บเฉพาะหมายเลข",
    "bracket_in_name": "ข้อความในวงเล็บหลังชื่อ บันทึกไว้ในหมายเหตุ",
    "namesake_numbered": "สมาชิกชื่อเดียวกันในทะเบียนมีเลขสมาชิกอื่น จึงนำเข้าแถวนี้เป็นสมาชิกอีกคน",
    "phone_note": "ข้อความต่อท้ายหมายเลขบันทึกไว้ในหมายเหตุ ช่องโทรศัพท์เก็บเฉพาะหมายเลข",
    "not_a_member": "แถวนี้ไม่ใช่ชื่อสมาชิก จึงไม่ได้นำเข้า",
    "group_roles_mismatch": "จำนวนบทบาทไม่เท่ากับจำนวนกลุ่ม จับคู่ตามลำดับ กลุ่มที่ไม่มีบทบาทบันทึกเป็นสมาชิก",
    "several_phones": "ช่องนี้มีหลายหมายเลข ใช้หมายเลขหนึ่ง ที่เหลือบันทึกในช่องโทรศัพท์อีกช่องหรือในหมายเหตุ",
    "organisation_hints_not_kept": (
        "แผ่นงานนี้ไม่มีคอลัมน์หน่วยงาน จังหวัด อำเภอ และประเภท อปท. ของสมาชิกเก็บไว้กับหน่วยงาน"
        " จึงไม่ได้นำเข้าคอลัมน์เหล่านี้ เพิ่มชื่อหน่วยงานเพื่อนำเข้า"
    ),
    "membership_no_taken": "เลขสมาชิกนี้เป็นของสมาชิกคนอื่นแล้ว จึงไม่ได้นำเข้าแถวนี้",
    "membership_no_left_out": "เลขสมาชิกนี้เป็นของสมาชิกคนอื่นแล้ว จึงไม่ใช้เลขสมาชิกนี้กับสมาชิกคนนี้",
}

# (code, detail) -> a Thai template of ``args``; detail "" is for codes whose every problem
# names values. A template whose values are missing falls back to MESSAGES_TH.
_TEMPLATES_TH: dict[tuple[str, str], str] = {
    ("invalid_national_id", "non_digit"): (
        "เลขประจำตัวประชาชนต้องเป็นตัวเลข (มีเว้นวรรคหรือขีดคั่นได้) แต่ช่องนี้มีตัวอักษรอื่นปน"
    ),
    ("invalid_national_id", "wrong_length"): (
        "เลขประจำตัวประชาชนต้องมี 13 หลัก แต่ช่องนี้มี {digits} หลัก"
    ),
    ("invalid_national_id", "bad_checksum"): (
        "เลขประจำตัวประชาชนผิด (หลักตรวจสอบไม่ตรง) น่าจะพิมพ์ตัวเลขผิดไปหนึ่งหลัก"
    ),
    ("invalid_date", "unrecognised"): (
        "อ่านเป็นวันที่ไม่ได้ ให้เขียนแบบ 2 ต.ค. 2557, 2 ตุลาคม 2557 หรือ 02/10/2557"
    ),
    ("invalid_date", "unknown_month"): "ไม่รู้จักชื่อเดือนในวันที่นี้ ให้เขียนแบบ ต.ค. หรือ ตุลาคม",
    ("invalid_date", "bad_year"): (
        "ปีในวันที่นี้ไม่ถูกต้อง ให้ใช้ปี พ.ศ. (ตั้งแต่ 2400) หรือปี ค.ศ. (หลัง 1800)"
    ),
    ("invalid_date", "year_only"): "มีแต่ปี ไม่มีวันและเดือน ให้เขียนวันที่ให้ครบ เช่น 2 ต.ค. 2557",
    ("invalid_date", "no_such_date"): "ไม่มีวันที่นี้ในปฏิทิน (วันหรือเดือนเกิน)",
    ("invalid_date", "implausible_year"): (
        "ปี {year} เป็นไปไม่ได้ อาจพิมพ์ปี พ.ศ. ลงในช่องวันที่แบบ ค.ศ. (พ.ศ. {year} คือ ค.ศ. {ce_year})"
    ),
    ("invalid_date", "in_future"): "วันที่นี้ยังมาไม่ถึง (เป็นวันในอนาคต)",
    ("invalid_date", "too_early"): "วันเกิดก่อนปี ค.ศ. {year} (พ.ศ. {be_year}) ซึ่งเป็นไปไม่ได้",
    ("invalid_date", "too_young"): "วันเกิดนี้ทำให้สมาชิกอายุไม่ถึง {age} ปี",
    ("invalid_date", "expires_before_joined"): "วันหมดอายุสมาชิกอยู่ก่อนวันที่สมัคร",
    ("invalid_phone", "bad_characters"): (
        "หมายเลขโทรศัพท์มีได้แต่ตัวเลข เว้นวรรค จุด ขีด วงเล็บ + นำหน้า และเบอร์ต่อหลังคำว่า “ต่อ”"
        " (ช่องละหนึ่งหมายเลข)"
    ),
    ("invalid_phone", "not_thai"): "รับเฉพาะหมายเลขโทรศัพท์ในประเทศไทย (+66)",
    ("invalid_phone", "wrong_length"): (
        "หมายเลขโทรศัพท์มีจำนวนหลักไม่ถูกต้อง: มือถือ 10 หลัก โทรศัพท์บ้าน 9 หลัก (รวมเลข 0 ตัวหน้า)"
    ),
    ("invalid_phone", "bad_prefix"): (
        "หมายเลขโทรศัพท์ต้องขึ้นต้นด้วย 06, 08 หรือ 09 (มือถือ) หรือ 02 ถึง 07 (โทรศัพท์บ้าน)"
    ),
    ("be_year_in_date", ""): (
        "ช่องนี้มีปี {year} (ปี พ.ศ. ที่ Excel เก็บเป็นปี ค.ศ.) อ่านเป็นวันที่ {date} แล้ว"
    ),
    ("unknown_province", ""): "ไม่พบจังหวัดชื่อ “{name}”",
    ("unknown_code", "unknown_label"): "ไม่รู้จัก{field} “{label}”",
    ("unknown_code", "unknown_label_noted"): (
        "ไม่รู้จัก{field} “{label}” จึงเว้นช่องนี้ไว้ และบันทึกค่าไว้ในหมายเหตุ"
    ),
    ("unknown_code", "level_of_other_type"): "ระดับ “{level}” ไม่ใช่ระดับของประเภทตำแหน่ง “{type}”",
    ("too_long", "membership_no"): "เลขสมาชิกยาวเกิน {max} ตัวอักษร",
    ("too_long", "strength"): "ความเชี่ยวชาญบางรายการยาวเกิน {max} ตัวอักษร",
    ("unknown_district", ""): "ไม่พบอำเภอ “{name}” ในจังหวัดที่ระบุ จึงไม่ได้บันทึกอำเภอ",
    ("unknown_org_type", ""): "ไม่รู้จักประเภทหน่วยงาน “{name}” จึงไม่ได้บันทึกประเภท",
    ("organisation_fuzzy_match", ""): "“{name}” จับคู่กับหน่วยงาน “{match}” (คล้ายกัน {score}%)",
    ("organisation_created", ""): "ไม่พบ “{name}” ในทะเบียน สร้างหน่วยงานใหม่ชื่อ “{created}” แล้ว",
    ("organisation_unknown", "no_province"): (
        "ไม่พบ “{name}” ในทะเบียน และสร้างใหม่ไม่ได้เพราะไม่ได้ระบุจังหวัด"
        " จึงนำเข้าโดยไม่ระบุหน่วยงาน"
    ),
    ("organisation_unknown", "no_type"): (
        "ไม่พบ “{name}” ในทะเบียน และสร้างใหม่ไม่ได้เพราะไม่รู้ประเภทหน่วยงาน"
        " (เพิ่มคอลัมน์ประเภท อปท. หรือเขียนชื่อให้มีคำว่า อบต. เทศบาล ฯลฯ)"
        " จึงนำเข้าโดยไม่ระบุหน่วยงาน"
    ),
    ("several_phones", ""): (
        "ช่องนี้มี {count} หมายเลข ใช้ {kept} ส่วน {others} บันทึกไว้ในหมายเหตุ"
    ),
    ("several_phones", "other_field"): (
        "ช่องนี้มี {count} หมายเลข ใช้ {kept} ส่วน {moved} บันทึกเป็น{to_field}"
    ),
    ("several_phones", "other_field_and_notes"): (
        "ช่องนี้มี {count} หมายเลข ใช้ {kept} ส่วน {moved} บันทึกเป็น{to_field}"
        " และ {others} บันทึกไว้ในหมายเหตุ"
    ),
    ("group_created", ""): "ไม่พบกลุ่ม “{name}” สร้างกลุ่มใหม่ให้แล้ว",
    ("unknown_group_role", ""): "ไม่รู้จักบทบาท “{name}” ในกลุ่ม บันทึกเป็นสมาชิก",
    ("invalid_national_id", "scientific"): (
        "Excel แสดงเลขนี้เป็น {value} ซึ่งปัดเศษไปแล้ว ตัวเลขหลักท้ายของเลขประจำตัวประชาชนหายไป"
        " ให้จัดรูปแบบคอลัมน์เป็นข้อความ แล้วพิมพ์เลขประจำตัวใหม่"
    ),
    ("date_year_only", ""): (
        "“{year}” มีแต่ปี ไม่มีวันและเดือน จึงไม่ได้บันทึก{field} แต่บันทึกปีไว้ในหมายเหตุ"
    ),
    ("phone_extension", ""): "บันทึกเบอร์ต่อ {extension} ไว้ในหมายเหตุ ช่อง{field}เก็บเฉพาะหมายเลข",
    ("bracket_in_name", "notes"): "“{text}” ในวงเล็บหลังชื่อ บันทึกไว้ในหมายเหตุ",
    ("namesake_numbered", ""): (
        "สมาชิกชื่อเดียวกันในทะเบียนมีเลขสมาชิก {number} แถวนี้ (เลขสมาชิก {row_number})"
        " จึงนำเข้าเป็นสมาชิกอีกคน (หากต้องการเปลี่ยนเลขสมาชิก ให้แก้ในข้อมูลสมาชิก)"
    ),
    ("phone_note", ""): "“{note}” ต่อท้ายหมายเลข บันทึกไว้ในหมายเหตุ ช่อง{field}เก็บเฉพาะหมายเลข",
    ("not_a_member", "footer"): (
        "“{name}” เป็นบรรทัดสรุปยอดหรือบรรทัดลงชื่อ ไม่ใช่ชื่อสมาชิก จึงไม่ได้นำเข้าแถวนี้"
    ),
    ("group_roles_mismatch", ""): (
        "ช่องบทบาทระบุ {roles} บทบาท แต่มี {groups} กลุ่ม จับคู่ตามลำดับ"
        " กลุ่มที่ไม่มีบทบาทบันทึกเป็นสมาชิก"
    ),
    ("membership_no_taken", "registered"): (
        "เลขสมาชิก {number} เป็นของสมาชิกในทะเบียนที่ชื่อหรือเลขประจำตัวประชาชนไม่ตรงกับแถวนี้"
        " สมาชิกใหม่จึงใช้เลขนี้ไม่ได้ แก้เลขสมาชิกหรือชื่อ (หรือเว้นเลขสมาชิกไว้) แล้วนำเข้าแถวนี้อีกครั้ง"
    ),
    ("membership_no_taken", "in_file"): (
        "เลขสมาชิก {number} ซ้ำกับแถวที่ {row} ซึ่งชื่อหรือเลขประจำตัวประชาชนไม่ตรงกัน"
        " แก้เลขสมาชิกหรือชื่อ (หรือเว้นเลขสมาชิกไว้) แล้วนำเข้าแถวนี้อีกครั้ง"
    ),
    ("membership_no_taken", "duplicate"): (
        "เลขสมาชิก {number} เป็นของสมาชิกในทะเบียนที่แถวนี้ซ้ำด้วย สมาชิกใหม่จึงใช้เลขนี้ไม่ได้"
        " สำหรับรายการซ้ำให้เลือก “ปรับปรุงข้อมูลสมาชิกในทะเบียน” หรือ “ข้าม”"
    ),
    ("membership_no_left_out", "registered"): (
        "เลขสมาชิก {number} เป็นของสมาชิกคนอื่นในทะเบียน จึงไม่ใช้เลขสมาชิกนี้กับสมาชิกคนนี้"
    ),
    ("membership_no_left_out", "in_file"): (
        "เลขสมาชิก {number} เป็นของแถวที่ {row} ซึ่งชื่อหรือเลขประจำตัวประชาชนไม่ตรงกัน"
        " จึงไม่ใช้เลขสมาชิกนี้กับสมาชิกคนนี้"
    ),
}

# Values shown otherwise in Thai: a member field by its Thai label, a date in BE.
_FIELD_ARGS = ("field", "to_field")
_DATE_ARGS = ("date",)


def _thai_args(args: Mapping[str, object]) -> dict[str, str]:
    shown = {name: str(value) for name, value in args.items()}
    for name in _FIELD_ARGS:
        if name in shown:
            shown[name] = FIELD_LABELS_TH.get(shown[name], shown[name])
    for name in _DATE_ARGS:
        if name in shown:
            with suppress(ValueError):  # not an ISO date: shown as it is
                shown[name] = format_thai_date(dt.date.fromisoformat(shown[name]), style="short")
    if "year" in shown and shown["year"].isdigit():
        shown.setdefault("be_year", str(int(shown["year"]) + 543))
    return shown


def thai_issue_text(
    code: str, detail: str = "", args: Mapping[str, object] | None = None, message: str = ""
) -> str:
    """The problem in Thai: its detailed text when its detail and values are known, else the
    text of its code, else ``message`` (the English text) for a code without a Thai text."""
    template = _TEMPLATES_TH.get((code, detail)) or _TEMPLATES_TH.get((code, ""))
    if template is not None:
        try:
            return template.format_map(_thai_args(args or {}))
        except (KeyError, IndexError, ValueError):
            pass  # a value the template names is missing: the plain text of the code
    return MESSAGES_TH.get(code, message)


def thai_text_of(issue: Mapping[str, object]) -> str:
    """:func:`thai_issue_text` of an issue as the report holds it (a ``RowIssue.to_dict``)."""
    args = issue.get("args")
    return thai_issue_text(
        str(issue.get("code") or ""), str(issue.get("detail") or ""),
        args if isinstance(args, Mapping) else None, str(issue.get("message") or ""),
    )  # fmt: skip
