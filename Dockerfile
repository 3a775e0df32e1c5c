FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    NHACVIEC_DATABASE_URL=sqlite:////var/lib/nhacviec/nhacviec.db \
    NHACVIEC_FILES_DIR=/var/lib/nhacviec/files \
    MPLBACKEND=Agg

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY scheduler ./scheduler
COPY storage ./storage
COPY messages ./messages
RUN pip install . \
    && useradd --system --create-home --home-dir /home/nhacviec nhacviec \
    && mkdir -p /var/lib/nhacviec/files \
    && chown -R nhacviec:nhacviec /var/lib/nhacviec

USER nhacviec
VOLUME ["/var/lib/nhacviec"]
# Migrations first, then the bot and its reminder engine in one process.
CMD ["sh", "-c", "nhacviec db upgrade && exec nhacviec run"]
