from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from messages.plain import html_to_plain
from messages.split import split_text
from scheduler.folding import fold, nfc


def test_fold_strips_vietnamese_marks_and_case() -> None:
    assert fold("  Văn phòng   SỞ Lao động ") == "van phong so lao dong"
    assert fold("Đồng Tháp") == "dong thap"
    assert fold("QUÝ IV/2024") == "quy iv/2024"


def test_nfc_composes_decomposed_text() -> None:
    decomposed = "Quy\u0301"
    assert nfc(decomposed) == "Quý"


def test_html_to_plain_keeps_words_and_unescapes() -> None:
    assert html_to_plain("<b>Hạn:</b> 05/03 &lt;gấp&gt;<br>Đơn vị: <i>VP</i>") == (
        "Hạn: 05/03 <gấp>\nĐơn vị: VP"
    )


def test_split_text_cuts_at_line_breaks() -> None:
    text = "\n".join(f"dòng {i:03d}" for i in range(100))
    pieces = split_text(text, 50)
    assert all(len(piece) <= 50 for piece in pieces)
    assert "\n".join(pieces) == text


@given(st.text(min_size=1, max_size=400), st.integers(min_value=1, max_value=60))
def test_split_text_never_exceeds_limit_and_loses_no_characters(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert all(len(piece) <= limit for piece in pieces)
    # Whitespace-only pieces are dropped on purpose (a chat shows nothing for them), so the
    # promise is about every visible character, in order.
    assert "".join("".join(pieces).split()) == "".join(text.split())
