import pytest

from db.thai.text import NAME_PREFIXES, clean_text, normalize_for_search, split_prefix


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\x00"])
def test_clean_text_removes_zero_width(invisible: str) -> None:
    assert clean_text(f"สม{invisible}ชาย") == "สมชาย"
    assert clean_text(f"{invisible}สมชาย{invisible}") == "สมชาย"


def test_clean_text_whitespace() -> None:
    assert clean_text("\u00a0สมชาย\u00a0\u00a0ใจดี ") == "สมชาย ใจดี"
    assert clean_text("  นาย \t สมชาย\n\nใจดี  ") == "นาย สมชาย ใจดี"
    assert clean_text("\u3000a\u2009b") == "a b"
    assert clean_text("") == ""
    assert clean_text(" \u200b \u00a0 ") == ""


def test_clean_text_keeps_thai_marks() -> None:
    text = "น้ำใจ ผู้ใหญ่บ้าน กรุงเทพฯ"
    assert clean_text(text) == text


def test_normalize_for_search() -> None:
    assert normalize_for_search(" SomChai\u200b ") == "somchai"
    assert normalize_for_search("ซอย ๑๒") == "ซอย 12"
    # Sara am typed as nikhahit + sara aa finds the word typed properly, and vice versa.
    assert normalize_for_search("น\u0e49\u0e4d\u0e32") == normalize_for_search("น้ำ")
    assert normalize_for_search("น\u0e49\u0e4d\u0e32") == "น\u0e49\u0e33"
    # NFC: a decomposed Latin accent equals the composed one.
    assert normalize_for_search("Cafe\u0301") == normalize_for_search("Café")
    # Substring search works on the normalised forms.
    assert normalize_for_search("ใจ") in normalize_for_search("นายสมชาย ใจดี")


@pytest.mark.parametrize(
    ("full_name", "expected"),
    [
        ("นายสมชาย ใจดี", ("นาย", "สมชาย", "ใจดี")),
        ("นาย สมชาย ใจดี", ("นาย", "สมชาย", "ใจดี")),
        ("นาง สมศรี ใจงาม", ("นาง", "สมศรี", "ใจงาม")),
        ("นางสาวสมศรี ใจงาม", ("นางสาว", "สมศรี", "ใจงาม")),
        ("น.ส.สมศรี ใจงาม", ("น.ส.", "สมศรี", "ใจงาม")),
        ("ว่าที่ร้อยตรี ดร.สมชาย ใจดี", ("ว่าที่ร้อยตรี ดร.", "สมชาย", "ใจดี")),
        ("ว่าที่ ร.ต. ดร. สมหญิง รักดี", ("ว่าที่ ร.ต. ดร.", "สมหญิง", "รักดี")),
        ("ว่าที่ร.ต.สมชาย ใจดี", ("ว่าที่ ร.ต.", "สมชาย", "ใจดี")),
        ("ว่าที่ร้อยตรีหญิงสมศรี ใจงาม", ("ว่าที่ร้อยตรีหญิง", "สมศรี", "ใจงาม")),
        ("จ่าสิบเอกสมชาย กล้าหาญ", ("จ่าสิบเอก", "สมชาย", "กล้าหาญ")),
        ("จ.ส.อ. สมชาย กล้าหาญ", ("จ.ส.อ.", "สมชาย", "กล้าหาญ")),
        ("ส.อ.สมชาย กล้าหาญ", ("ส.อ.", "สมชาย", "กล้าหาญ")),
        ("ด.ต.สมชาย กล้าหาญ", ("ด.ต.", "สมชาย", "กล้าหาญ")),
        ("ผศ.ดร.สมชาย ใจดี", ("ผศ.ดร.", "สมชาย", "ใจดี")),
        ("รศ. ดร. สมชาย ใจดี", ("รศ.ดร.", "สมชาย", "ใจดี")),
        ("นายสมชาย ณ อยุธยา", ("นาย", "สมชาย", "ณ อยุธยา")),
        ("สมชาย ใจดี", ("", "สมชาย", "ใจดี")),
        ("สมชาย", ("", "สมชาย", "")),
        ("", ("", "", "")),
        # Only a prefix: nothing would be left for the name, so it is the name.
        ("นาย", ("", "นาย", "")),
        # Invisible characters and NBSP from pasted text.
        ("นาย\u200bสมชาย\u00a0ใจดี", ("นาย", "สมชาย", "ใจดี")),
        # Abbreviation typed without its dots, as a word of its own.
        ("ดร สมชาย ใจดี", ("ดร.", "สมชาย", "ใจดี")),
        ("นส สมศรี ใจงาม", ("น.ส.", "สมศรี", "ใจงาม")),
        ("Mr. John Smith", ("Mr.", "John", "Smith")),
        ("mrs jane smith", ("Mrs.", "jane", "smith")),
    ],
)
def test_split_prefix(full_name: str, expected: tuple[str, str, str]) -> None:
    assert split_prefix(full_name) == expected


@pytest.mark.parametrize(
    ("full_name", "expected"),
    [
        # "ดร." is not the start of the name ดรุณี: its dot is missing and no space follows.
        ("ดรุณี ใจดี", ("", "ดรุณี", "ใจดี")),
        # "นางสาว" would end inside a syllable (สาวิตรี): Mrs. Sawitri, not Miss "ิตรี".
        ("นางสาวิตรี ใจดี", ("นาง", "สาวิตรี", "ใจดี")),
        # With a space after นาง, "นางสาว" is not read across the space.
        ("นาง สาวิตรี ใจดี", ("นาง", "สาวิตรี", "ใจดี")),
        ("Miss Missy Smith", ("Miss", "Missy", "Smith")),
        ("Missy Smith", ("", "Missy", "Smith")),
    ],
)
def test_split_prefix_does_not_eat_names(full_name: str, expected: tuple[str, str, str]) -> None:
    assert split_prefix(full_name) == expected


def test_split_prefix_with_own_list() -> None:
    prefixes = ["นาย", "นาง", "นางสาว", "ว่าที่ร้อยตรี", "ดร.", "นายแพทย์"]
    assert split_prefix("นายแพทย์สมชาย ใจดี", prefixes) == ("นายแพทย์", "สมชาย", "ใจดี")
    assert split_prefix("ว่าที่ร้อยตรี ดร. สมชาย ใจดี", prefixes) == (
        "ว่าที่ร้อยตรี ดร.",
        "สมชาย",
        "ใจดี",
    )
    # Not in this list, so kept with the name.
    assert split_prefix("จ.ส.อ.สมชาย ใจดี", prefixes) == ("", "จ.ส.อ.สมชาย", "ใจดี")
    assert split_prefix("นายสมชาย ใจดี", []) == ("", "นายสมชาย", "ใจดี")
    # Entries are cleaned: spaces and invisible characters in reference data do not matter.
    assert split_prefix("ดร.สมชาย ใจดี", [" ดร.\u200b "]) == ("ดร.", "สมชาย", "ใจดี")


def test_default_prefixes_cover_thai_md() -> None:
    suggested = [
        "นาย", "นาง", "นางสาว", "ดร.", "ผศ.", "รศ.", "ศ.", "ว่าที่ร้อยตรี",
        "ว่าที่ร้อยตรีหญิง", "จ่าสิบเอก", "สิบเอก",
    ]  # fmt: skip
    assert set(suggested) <= set(NAME_PREFIXES)
    assert {"ร.ต.", "ร.ท.", "ร.อ.", "จ.ส.อ.", "ส.อ.", "น.ส.", "ด.ต."} <= set(NAME_PREFIXES)
    assert len(set(NAME_PREFIXES)) == len(NAME_PREFIXES)
    for prefix in NAME_PREFIXES:
        assert split_prefix(f"{prefix}สมชาย ใจดี")[1:] == ("สมชาย", "ใจดี"), prefix
        assert split_prefix(f"{prefix} สมชาย ใจดี")[1:] == ("สมชาย", "ใจดี"), prefix
