"""The comparison as a pandas DataFrame, for scripts and notebooks: one row per configuration,
the figures of engine.figures as raw numbers (NaN where a plan has none).

pandas is imported when a frame is made, not with this module: nothing in the app needs it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from engine.figures import FIGURES, figure_table

if TYPE_CHECKING:
    import pandas as pd

from engine.model import Comparison

COLUMNS = {f.key: (f.unit, f.meaning) for f in FIGURES}  # column -> (unit, meaning)


def comparison_frame(comparison: Comparison) -> pd.DataFrame:
    import pandas as pd

    table = figure_table(comparison)
    numeric = {f.key for f in FIGURES if f.kind not in ("text", "bool")}
    rows = [{k: (math.nan if v is None and k in numeric else v) for k, v in row.items()}
            for row in table.rows]
    return pd.DataFrame(rows, columns=list(COLUMNS),
                        index=pd.Index(list(table.configs), name="config"))
