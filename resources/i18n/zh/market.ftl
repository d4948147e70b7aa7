## 无已记录规定时 GPU 的市场状态（engine/money/availability.py）。
## 规定本身是数据（resources/catalog/availability.toml，含 rule 与 rule_zh）。

market-no-rule-yet = { $as_of } 无已生效的已记录限制；自 { $since } 起：{ $rule }
market-no-rule = 未记录该 GPU 在 { $market } 的采购规定：请向厂商确认
market-no-import-rule = 截至 { $as_of } 未记录该 GPU 在 { $market } 的进口或采购规定：请向厂商确认
market-no-import-rule-yet = 截至 { $as_of } 未记录该 GPU 在 { $market } 的进口或采购规定；自 { $since } 起：{ $rule }：请向厂商确认
market-unverified = （未核实）
