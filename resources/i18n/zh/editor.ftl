## 系统编辑器（desktop/catalog_edit.py）：用户录入的记录中目录模型拒绝的内容，
## 按 pydantic 的错误类型（ValidationError.errors()）及其限值说明。

editor-problem = { $tab } › { $label } = { $value }：{ $why }
editor-problem-missing = { $tab } › { $label }：{ $why }

pydantic-missing = 必填
pydantic-greater_than = 须大于 { $gt }
pydantic-greater_than_equal = 须不小于 { $ge }
pydantic-less_than = 须小于 { $lt }
pydantic-less_than_equal = 须不超过 { $le }
pydantic-string_type = 须为文字
pydantic-int_type = 须为整数
pydantic-int_parsing = 须为整数
pydantic-int_from_float = 须为整数
pydantic-float_type = 须为数字
pydantic-float_parsing = 须为数字
pydantic-finite_number = 须为有限的数字
pydantic-bool_type = 须为“是”或“否”
pydantic-bool_parsing = 须为“是”或“否”
pydantic-literal_error = 须为以下之一：{ $expected }
pydantic-string_too_short = 至少 { $min_length } 个字符
pydantic-string_too_long = 最多 { $max_length } 个字符
pydantic-string_pattern_mismatch = 只能由小写字母、数字和连字符组成，且以字母或数字开头
pydantic-too_short = 至少 { $min_length } 项
pydantic-too_long = 最多 { $max_length } 项
pydantic-list_type = 须为列表
pydantic-dict_type = 须为一组数值
pydantic-extra_forbidden = 不是此记录的字段
pydantic-value_error = 不符合目录规则：{ $detail }
pydantic-other = 不可用（请检查：{ $type }）
