"""The running order a new event starts with, from the province's plan for its kind.

``daihoi init`` calls :func:`seed`; the organizers then adjust it (``daihoi import programme``,
the MC screen). Durations are realistic planning figures so the planned start times that follow
from the event's start already make sense on day one.
"""

from __future__ import annotations

from dataclasses import dataclass

from data.store import Event, stamp


@dataclass(frozen=True)
class TemplateItem:
    """One item of a template: what the MC announces and what the technical desk prepares."""

    role: str
    """Stable name of the item's purpose, so code can find it whatever its title becomes."""
    title: str
    minutes: int
    notes: str = ""
    """Cues for the MC."""
    tech: str = ""
    """Cues for the technical desk (music, screen, microphones)."""


FLAG_SALUTE = "flag"
SPEECHES = "speeches"
VOTE_HIGHER = "vote_higher"
"""The item where the presiding board announces the number of delegates present before the vote."""

DAI_HOI: tuple[TemplateItem, ...] = (
    TemplateItem(
        FLAG_SALUTE,
        "Chào cờ",
        5,
        notes="Mời toàn thể đại biểu đứng dậy làm lễ chào cờ.",
        tech="Nhạc Quốc ca, Quốc tế ca; màn hình: cờ Tổ quốc.",
    ),
    TemplateItem(
        "intro",
        "Tuyên bố lý do, giới thiệu đại biểu",
        10,
        notes="Đọc danh sách đại biểu theo thứ tự lễ tân.",
        tech="Micro bục MC; màn hình: tên Đại hội.",
    ),
    TemplateItem(
        "opening",
        "Khai mạc",
        10,
        notes="Mời đồng chí Chủ tịch UBND tỉnh phát biểu khai mạc.",
        tech="Micro bục phát biểu.",
    ),
    TemplateItem(
        "report",
        "Báo cáo tổng kết phong trào thi đua và công tác khen thưởng giai đoạn 2020-2025, "
        "phương hướng 2025-2030",
        25,
        tech="Màn hình: phim tư liệu, rồi slide báo cáo.",
    ),
    TemplateItem(
        SPEECHES,
        "Báo cáo tham luận của các điển hình tiên tiến",
        40,
        notes="Mời lần lượt các đại biểu tham luận; nhắc người kế tiếp chuẩn bị.",
        tech="Micro bục phát biểu; màn hình: tên người tham luận.",
    ),
    TemplateItem(
        "exchange",
        "Giao lưu với các điển hình tiên tiến",
        20,
        tech="4 micro không dây; ghế giao lưu trên sân khấu.",
    ),
    TemplateItem(
        "honours",
        "Biểu dương, tôn vinh, khen thưởng các điển hình tiên tiến",
        30,
        notes="Theo kịch bản khen thưởng (xếp hàng theo thứ tự khay).",
        tech="Nhạc trao thưởng; màn hình: danh sách khen thưởng.",
    ),
    TemplateItem(
        "launch",
        "Phát động phong trào thi đua giai đoạn 2025-2030",
        10,
        tech="Micro bục phát biểu.",
    ),
    TemplateItem(
        "response",
        "Phát biểu hưởng ứng phát động phong trào thi đua",
        10,
        tech="Micro bục phát biểu.",
    ),
    TemplateItem(
        VOTE_HIGHER,
        "Thông qua danh sách đại biểu đi dự Đại hội cấp trên",
        5,
        notes="Đoàn Chủ tịch công bố số đại biểu có mặt trước khi biểu quyết.",
        tech="Màn hình: danh sách đại biểu đi dự Đại hội cấp trên.",
    ),
    TemplateItem(
        "closing",
        "Tổng kết và bế mạc",
        10,
        tech="Nhạc bế mạc.",
    ),
)

HOI_NGHI: tuple[TemplateItem, ...] = tuple(i for i in DAI_HOI if i.role != FLAG_SALUTE)
"""A conference (below province level) runs the same day without the flag salute."""

TEMPLATES = {"dai-hoi": DAI_HOI, "hoi-nghi": HOI_NGHI}


def seed(event: Event) -> int:
    """Fill an empty running order from the template of the event's kind; returns the count.

    Does nothing if the event already has a programme, so calling it twice is harmless.
    """
    with event.write():
        if event.db.execute("select 1 from programme_items limit 1").fetchone():
            return 0
        items = TEMPLATES[event.info.kind]
        now = stamp(event.now())
        for position, item in enumerate(items, start=1):
            event.db.table("programme_items").insert(
                {
                    "parent_id": None,
                    "position": position,
                    "role": item.role,
                    "title": item.title,
                    "minutes": item.minutes,
                    "notes": item.notes,
                    "tech": item.tech,
                    "state": "pending",
                    "created_at": now,
                }
            )
        event.journal("programme.seeded", {"kind": event.info.kind, "items": len(items)})
    return len(items)
