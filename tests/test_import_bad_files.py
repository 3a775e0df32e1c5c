"""Bad files get one clear Vietnamese message and leave the database exactly as it was."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from messages.errors import UserFacingError
from scheduler.clock import ManualClock
from storage.importing import ImportOptions, import_file
from storage.importing.limits import MAX_FILE_BYTES, MAX_ROWS
from storage.models import Assignment, AuditEntry, Occurrence, Plan, Task, Unit

GOOD_CSV = "TT,Nhiệm vụ,Đơn vị chủ trì,Thời hạn\n1,Báo cáo quý,Văn phòng Sở,Quý I/2024\n"


def _xlsx_bytes(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/worksheets/sheet1.xml", b"\0" * (12 * 1024 * 1024))
    return buffer.getvalue()


def _ole(encrypted: bool) -> bytes:
    signature = bytes.fromhex("D0CF11E0A1B11AE1")
    stream = "EncryptionInfo".encode("utf-16-le") if encrypted else b"Workbook"
    return signature + b"\0" * 512 + stream + b"\0" * 512


CASES: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "pdf": ("ke-hoach-2024.pdf", lambda: b"%PDF-1.4 ...", "chỉ nhận .xlsx, .docx"),
    "empty": ("ke-hoach-2024.csv", lambda: b"", "rỗng"),
    "blank_rows": ("ke-hoach-2024.csv", lambda: b"\xef\xbb\xbf,,\n,,\n", "không có dòng nào"),
    "not_utf8": (
        "ke-hoach-2024.csv",
        lambda: "TT,Nhiem vu\n1,Báo cáo\n".encode("latin-1"),
        "không phải văn bản UTF-8",
    ),
    "no_header": (
        "ke-hoach-2024.csv",
        lambda: b"a,b,c\n1,2,3\n",
        "Không tìm thấy dòng tiêu đề",
    ),
    "too_many_rows": (
        "ke-hoach-2024.csv",
        lambda: (GOOD_CSV + "2,Việc,Văn phòng Sở,Quý I/2024\n" * (MAX_ROWS + 1)).encode(),
        f"vượt giới hạn {MAX_ROWS} dòng",
    ),
    "corrupt_xlsx": ("ke-hoach-2024.xlsx", lambda: b"PK\x03\x04garbage" * 50, "bị hỏng"),
    "renamed_xlsx": ("ke-hoach-2024.xlsx", lambda: GOOD_CSV.encode(), "không phải tệp Excel"),
    "truncated_docx": (
        "ke-hoach-2024.docx",
        lambda: _xlsx_bytes([["TT"]])[:300],
        "bị hỏng",
    ),
    "xlsx_as_docx": (
        "ke-hoach-2024.docx",
        lambda: _xlsx_bytes([["TT", "Nhiệm vụ"]]),
        "bị hỏng",
    ),
    "password_xlsx": ("ke-hoach-2024.xlsx", lambda: _ole(True), "được đặt mật khẩu"),
    "password_docx": ("ke-hoach-2024.docx", lambda: _ole(True), "được đặt mật khẩu"),
    "old_xls": ("ke-hoach-2024.xlsx", lambda: _ole(False), "định dạng Excel cũ"),
    "zip_bomb": ("ke-hoach-2024.xlsx", _zip_bomb, "khi giải nén quá lớn"),
    "xlsx_no_header": (
        "ke-hoach-2024.xlsx",
        lambda: _xlsx_bytes([["Bảng chấm công"], ["1", "2"]]),
        "Không tìm thấy dòng tiêu đề",
    ),
    # An empty template: over the stored plan it would withdraw every task.
    "header_only_xlsx": (
        "kh-2024.xlsx",
        lambda: _xlsx_bytes([["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"]]),
        "chưa có nhiệm vụ nào",
    ),
    "titles_empty_csv": (
        "ke-hoach-2024.csv",
        lambda: b"TT,Nhiem vu,Don vi chu tri,Thoi han\n1,,Van phong So,Quy I/2024\n",
        "chưa có nhiệm vụ nào",
    ),
    "bad_yaml": ("ke-hoach-2024.yaml", lambda: b"sections: [", "không phải YAML hợp lệ"),
    "yaml_without_tasks": ("ke-hoach-2024.yaml", lambda: b"title: KH\n", "sections:"),
    "no_year": (
        "ke-hoach.csv",
        lambda: GOOD_CSV.replace("Quý I/2024", "Quý I").encode(),
        "--year",
    ),
}


def _snapshot(engine: Engine) -> tuple[int, ...]:
    with Session(engine) as session:
        return tuple(
            session.exec(select(func.count()).select_from(model)).one()
            for model in (Plan, Task, Assignment, Occurrence, Unit, AuditEntry)
        )


@pytest.fixture
def seeded(engine: Engine, clock: ManualClock, tmp_path: Path) -> Engine:
    """A database that already holds one imported plan."""
    with Session(engine) as session:
        from storage.units import add_unit

        add_unit(session, name="Văn phòng Sở", at=clock.now(), actor="t")
        session.commit()
    good = tmp_path / "kh-2024.csv"
    good.write_text(GOOD_CSV, encoding="utf-8")
    import_file(engine, path=good, options=ImportOptions(), at=clock.now(), actor="t")
    return engine


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_refused_and_nothing_changes(
    seeded: Engine, clock: ManualClock, tmp_path: Path, case: str
) -> None:
    name, content, message = CASES[case]
    path = tmp_path / name
    path.write_bytes(content())
    before = _snapshot(seeded)
    with pytest.raises(UserFacingError, match=message) as raised:
        import_file(seeded, path=path, options=ImportOptions(), at=clock.now(), actor="t")
    assert "Traceback" not in raised.value.message
    assert _snapshot(seeded) == before


def test_huge_file_is_refused(seeded: Engine, clock: ManualClock, tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach-2024.csv"
    with path.open("wb") as handle:
        handle.write(GOOD_CSV.encode())
        handle.truncate(MAX_FILE_BYTES + 1)
    before = _snapshot(seeded)
    with pytest.raises(UserFacingError, match="vượt giới hạn 20 MB"):
        import_file(seeded, path=path, options=ImportOptions(), at=clock.now(), actor="t")
    assert _snapshot(seeded) == before


def test_missing_file(seeded: Engine, clock: ManualClock, tmp_path: Path) -> None:
    with pytest.raises(UserFacingError, match="Không tìm thấy tệp"):
        import_file(
            seeded,
            path=tmp_path / "khong-co.xlsx",
            options=ImportOptions(),
            at=clock.now(),
            actor="t",
        )


def test_directory_is_refused(seeded: Engine, clock: ManualClock, tmp_path: Path) -> None:
    folder = tmp_path / "ke-hoach-2024.xlsx"
    folder.mkdir()
    with pytest.raises(UserFacingError, match="là một thư mục"):
        import_file(seeded, path=folder, options=ImportOptions(), at=clock.now(), actor="t")
