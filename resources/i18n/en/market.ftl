## A GPU's market status where no recorded rule decides (engine/money/availability.py).
## The rule itself is data (resources/catalog/availability.toml, with rule and rule_zh).

market-no-rule-yet = no recorded rule in force on { $as_of }; from { $since }: { $rule }
market-no-rule = no rule on buying this GPU in { $market } is recorded: check with the vendor
market-no-import-rule = no import rule for this GPU in { $market } is recorded as of { $as_of }: ask the vendor
market-no-import-rule-yet = no import rule for this GPU in { $market } is recorded as of { $as_of }; from { $since }: { $rule }: ask the vendor
market-unverified = {" "}(unverified)
