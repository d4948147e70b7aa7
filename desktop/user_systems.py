"""The catalog the desktop plans on: the shipped one, the systems the user added (kept in the
user data folder by engine.user_catalog) and those an opened plan file carries.

Views and the planner ask here instead of engine.catalog.load_catalog(), so a user's system
shows and plans everywhere. A user file that no longer loads never breaks a view: the views
fall back to the shipped catalog and ``problem()`` says why (the planner reports it).
"""

from __future__ import annotations

from typing import Any

from engine.catalog import Catalog, CatalogError, load_catalog
from engine.money.prices import PriceError, PriceList
from engine.user_catalog import (
    UserEntries,
    catalog_and_prices,
    catalog_with,
    plan_entries,
    user_catalog_path,
)

_state: dict[str, Any] = {"carried": None, "key": None, "catalog": None, "problem": ""}


def set_carried(entries: UserEntries | None) -> None:
    """The user-entered records of the plan just opened (None: a plan without any)."""
    _state["carried"] = entries
    _state["key"] = None


def changed() -> None:
    """The user's own entries changed on disk: read them again on the next call."""
    _state["key"] = None


def _key() -> tuple[object, ...]:
    path = user_catalog_path()
    try:
        stat = path.stat()
    except OSError:
        return (str(path), None, id(_state["carried"]))
    return (str(path), stat.st_mtime_ns, stat.st_size, id(_state["carried"]))


def working(prices: PriceList | None = None) -> tuple[Catalog, PriceList]:
    """The working catalog and ``prices`` (None: the user's or shipped list) with the user's
    systems' prices; CatalogError when the user's entries do not load."""
    return catalog_and_prices(None, prices, _state["carried"])


def catalog() -> Catalog:
    """The working catalog, or the shipped one when the user's entries do not load."""
    key = _key()
    if key != _state["key"]:
        try:  # no price list read: a broken one is the planner's to report
            _state["catalog"] = catalog_with(None, _state["carried"])
            _state["problem"] = ""
        except (CatalogError, OSError) as exc:
            _state["catalog"], _state["problem"] = load_catalog(), str(exc)
        _state["key"] = key
    result: Catalog = _state["catalog"]
    return result


def problem() -> str:
    """Why the user's entries could not be read ("" when they could)."""
    catalog()
    return str(_state["problem"])


def entries_for(configs: list[str] | tuple[str, ...], prices: PriceList | None = None
                ) -> UserEntries | None:
    """The user-entered records (and prices) a plan of ``configs`` stands on, for its file."""
    try:
        cat, price_list = working(prices)
    except (CatalogError, PriceError, OSError):  # nothing to carry that could be read
        return None
    return plan_entries(configs or list(cat.configurations), cat, price_list)
