"""Vendor quotations in: read them as vendors send them, reconcile them with the plan,
normalise them like for like, and learn their prices.

``read_quote(path)`` -> ``VendorQuote``; ``reconcile(plan, quote)`` -> ``Reconciliation``;
``compare_quotes(...)`` -> ``LikeForLike``. Pure Python; never Qt.
"""

from engine.quotes.learn import learn_prices, learned_entries
from engine.quotes.likeforlike import compare_quotes
from engine.quotes.mappings import forget_mapping, remember_mapping, remembered_mapping
from engine.quotes.model import (
    ColumnMap,
    Finding,
    LikeForLike,
    QuoteError,
    QuoteLine,
    Reconciliation,
    SumRow,
    VendorQuote,
)
from engine.quotes.read import read_quote
from engine.quotes.reconcile import plan_for_quote, reconcile

__all__ = [
    "ColumnMap", "Finding", "LikeForLike", "QuoteError", "QuoteLine", "Reconciliation", "SumRow",
    "VendorQuote", "compare_quotes", "forget_mapping", "learn_prices", "learned_entries",
    "plan_for_quote", "read_quote", "reconcile", "remember_mapping", "remembered_mapping",
]
