"""Labels of the market-status codes (the two gates: US export, buyer's import), English and Chinese."""

from __future__ import annotations

EN: dict[str, str] = {
    "msg.export-case-by-case": "the US export licence is reviewed case by case, on conditions",
    "msg.import-restricted": "the buyer country restricts importing this GPU",
    "msg.import-unsure": "the buyer country's import stance on this GPU is unsure",
}

ZH: dict[str, str] = {
    "msg.export-case-by-case": "美国出口许可逐案审查，须满足附加条件",
    "msg.import-restricted": "买方所在国限制进口该 GPU",
    "msg.import-unsure": "买方所在国对该 GPU 的进口态度不确定",
}
