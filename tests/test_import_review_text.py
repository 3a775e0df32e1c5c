"""The import review shows each deadline cell on one line, as the plan wrote it."""

from __future__ import annotations

from pathlib import Path

from cli_helpers import nhacviec

PLAN = (
    "TT,Nhiệm vụ,Đơn vị chủ trì,Thời gian hoàn thành\n"
    "1,Tuyên truyền cải cách hành chính,Văn phòng,Tháng 5 - tháng 10/2025\n"
    '2,Báo cáo định kỳ,Văn phòng,"- Quý I: trước ngày 10/3/2025\n- Năm: trước ngày 05/12/2025"\n'
)


def test_deadline_cell_keeps_its_dashes_and_drops_only_its_bullets(tmp_path: Path) -> None:
    plan = tmp_path / "ke-hoach.csv"
    plan.write_text(PLAN, encoding="utf-8")
    env = {"NHACVIEC_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    review = nhacviec("import", str(plan), "--dry-run", "--create-units", "--year", "2025", env=env)
    assert review.returncode == 0, review.stderr
    assert "Thời hạn: Tháng 5 - tháng 10/2025 →" in review.stdout
    assert "Thời hạn: Quý I: trước ngày 10/3/2025; Năm: trước ngày 05/12/2025 →" in review.stdout
