"""Ticket output: a PDF file per ticket (``printer = "pdf:<folder>"``) or a named system printer."""

from __future__ import annotations

import logging
import re
from pathlib import Path

log = logging.getLogger(__name__)


def _paint(device, ticket: dict) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFont, QPainter

    painter = QPainter(device)
    try:
        width = device.width()
        lines = [
            (ticket.get("code", ""), 48, True),
            (ticket.get("specialty", ""), 16, True),
            (ticket.get("specialtyEnglish", ""), 12, False),
            (ticket.get("time", ""), 12, False),
        ]
        y = 0.0
        for text, size, bold in lines:
            if not text:
                continue
            font = QFont(["Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC"], size)
            font.setBold(bold)
            painter.setFont(font)
            height = painter.fontMetrics().height() * 1.6
            painter.drawText(
                QRectF(0, y, width, height), Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, text
            )
            y += height
    finally:
        painter.end()


def output_ticket(ticket: dict, printer: str) -> Path | None:
    """Print or save ``ticket``; failures are logged for staff and never reach the patient."""
    if not printer or not ticket.get("code"):
        return None
    try:
        if printer.startswith("pdf:"):
            from PySide6.QtGui import QPageSize, QPdfWriter

            folder = Path(printer[4:]).expanduser()
            folder.mkdir(parents=True, exist_ok=True)
            path = (
                folder
                / f"ticket-{re.sub(r'[^A-Za-z0-9-]', '_', ticket['code'])}-{ticket.get('time', '').replace(':', '')}.pdf"
            )
            writer = QPdfWriter(str(path))
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
            writer.setResolution(150)
            _paint(writer, ticket)
            return path
        from PySide6.QtPrintSupport import QPrinter

        device = QPrinter()
        device.setPrinterName(printer)
        if not device.isValid():
            log.error("printer %r is not available; ticket %s shown on screen only", printer, ticket["code"])
            return None
        _paint(device, ticket)
    except Exception:
        log.exception("could not print ticket %s", ticket.get("code"))
    return None
