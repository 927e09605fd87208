from db.thai.digits import to_arabic_digits, to_thai_digits


def test_thai_to_arabic() -> None:
    assert to_arabic_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"
    assert to_arabic_digits("๒ ต.ค. ๒๕๕๗") == "2 ต.ค. 2557"


def test_arabic_to_thai() -> None:
    assert to_thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙"
    assert to_thai_digits("09.00 น.") == "๐๙.๐๐ น."


def test_other_text_untouched() -> None:
    text = "สมชาย abc -/."
    assert to_arabic_digits(text) == text
    assert to_thai_digits(text) == text


def test_round_trip() -> None:
    text = "โทร 081-234-5678 ปี 2557"
    assert to_arabic_digits(to_thai_digits(text)) == text
