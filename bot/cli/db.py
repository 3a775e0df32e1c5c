"""`nhacviec db …`: schema migrations."""

from __future__ import annotations

import click

from bot.cli.common import open_app
from messages import texts
from storage.migrate import alembic_config, current_revision


@click.group()
def db() -> None:
    """Quản lý cơ sở dữ liệu (migration)."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Tạo hoặc nâng cấp lược đồ cơ sở dữ liệu lên bản mới nhất."""
    app = open_app(migrate=True)
    click.echo(texts.text("cli", "db_at_revision", revision=current_revision(app.engine)))


@db.command("revision")
@click.option("-m", "--message", required=True, help="Mô tả thay đổi.")
@click.option("--rev-id", default=None, help="Mã phiên bản (mặc định tự sinh).")
def db_revision(message: str, rev_id: str | None) -> None:
    """(Cho nhà phát triển) Sinh migration mới bằng cách so sánh model với CSDL."""
    from alembic import command

    app = open_app(migrate=False)
    command.revision(alembic_config(app.engine), message=message, autogenerate=True, rev_id=rev_id)
