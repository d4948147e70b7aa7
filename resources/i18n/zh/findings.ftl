## 报价核对的发现：厂商报价与方案的差异（engine.quotes.model.said(..., "<code>") 即 finding-<code>）。
## 部件以描述和型号称呼，不用方案内部编号。

finding-vendor-unplanned = 报价厂商（{ $vendor }）在方案中没有配置；已按最接近的配置核对
finding-no-currency = 报价未注明币种；按方案的币种 { $currency } 读取
finding-no-vat-basis = 报价未说明价格是否含税；按不含税读取
finding-ambiguous-match = 第 { $row } 行：“{ $text }”与 { $part }（{ NUMBER($score, minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 0) }）及 { $rivals } 同样接近；按 { $part } 核对
finding-extra = 第 { $row } 行：“{ $text }”（数量 { NUMBER($qty, useGrouping: 0) }）不在方案中
finding-qty = 第 { $row } 行：{ $part } 报价数量 { NUMBER($found, useGrouping: 0) }，方案需要 { NUMBER($expected, useGrouping: 0) }
finding-qty-spares = 第 { $row } 行：{ $part } 报价数量 { NUMBER($found, useGrouping: 0) }，方案需要 { NUMBER($expected, useGrouping: 0) }（安装 { NUMBER($installed, useGrouping: 0) }，备件 { NUMBER($spares, useGrouping: 0) }）
finding-price = 第 { $row } 行：{ $part } 不含税单价 { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) } { $currency }，方案价格 { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) }（{ $change_signed }）
finding-price-list = 第 { $row } 行：{ $part } 不含税单价 { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) } { $currency }，方案标价（报价自列折扣）{ NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) }（{ $change_signed }）
finding-price-discount = 第 { $row } 行：{ $part } 不含税单价 { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) } { $currency }，方案按 { NUMBER($discount, useGrouping: 0) }% 折扣后的价格 { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) }（{ $change_signed }）
finding-missing = 方案中有 { $part } × { NUMBER($qty, useGrouping: 0) }，报价中没有
finding-system-without = 第 { $row } 行：服务器报价不含 { $part }；方案每台含 { NUMBER($per_system, useGrouping: 0) }
finding-system-qty = 第 { $row } 行：每台服务器报价 { NUMBER($found, useGrouping: 0) } × { $part }，方案每台含 { NUMBER($expected, useGrouping: 0) }
finding-line-total = 第 { $row } 行：{ NUMBER($qty, useGrouping: 0) } × { NUMBER($unit, minimumFractionDigits: 2, maximumFractionDigits: 2) } = { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) }，但金额写作 { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) }（相差 { NUMBER($off, minimumFractionDigits: 2, maximumFractionDigits: 2) }）
finding-subtotal = 第 { $row } 行：小计应为 { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) }（上方各行之和），报价写作 { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) }（相差 { NUMBER($off, minimumFractionDigits: 2, maximumFractionDigits: 2) }）
finding-tax-rate = 第 { $row } 行：税额应为 { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) }（各行金额的 { NUMBER($rate, style: "percent", maximumFractionDigits: 0) }{ $included ->
        [True] （含税）
       *[other] {""}
    }），报价写作 { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) }（相差 { NUMBER($off, minimumFractionDigits: 2, maximumFractionDigits: 2) }）
finding-tax-mixed = 第 { $row } 行：税额应为 { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) }（货物 { NUMBER($goods, minimumFractionDigits: 2, maximumFractionDigits: 2) } 按 { NUMBER($goods_rate, style: "percent", maximumFractionDigits: 0) }，服务 { NUMBER($services, minimumFractionDigits: 2, maximumFractionDigits: 2) } 按 { NUMBER($services_rate, style: "percent", maximumFractionDigits: 0) }{ $included ->
        [True] （含税）
       *[other] {""}
    }），报价写作 { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) }（相差 { NUMBER($off, minimumFractionDigits: 2, maximumFractionDigits: 2) }）
finding-taxes-together = 第 { $rows } 行：各税额行合计 { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) }，但各行按 { NUMBER($low, style: "percent", maximumFractionDigits: 0) } 至 { NUMBER($high, style: "percent", maximumFractionDigits: 0) } 计税应为 { NUMBER($least, minimumFractionDigits: 2, maximumFractionDigits: 2) } 至 { NUMBER($most, minimumFractionDigits: 2, maximumFractionDigits: 2) }（相差 { NUMBER($off, minimumFractionDigits: 2, maximumFractionDigits: 2) }）
finding-grand-total = 第 { $row } 行：总计应为 { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) }（各行、折扣及税额之和），报价写作 { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) }（相差 { NUMBER($off, minimumFractionDigits: 2, maximumFractionDigits: 2) }）

## 读取报价时的发现（engine/quotes/read.py、layout.py）
finding-several-sheets = 工作簿有 { $count } 个报价工作表；已读取当前活动的工作表“{ $sheet }”，未读取 { $others }：如需读取其他工作表，请将其设为活动工作表（选中后保存）再重新导入
finding-currencies = 第 1-{ $row } 行：抬头和表头注明了 { $named }；价格按首个注明的 { $first } 读取
finding-qty-not-number = 第 { $row } 行：数量“{ $text }”不是数字；该行未计入
finding-figure-not-number = 第 { $row } 行：{ $field }“{ $text }”不是数字；该行未计入
finding-no-part = 第 { $row } 行：有数字但没有型号或描述；该行未计入
finding-no-qty = 第 { $row } 行：没有数量；按 1 计
finding-per-system = 第 { $row } 行：该整机配置的每个部件数量都是其 { NUMBER($systems, useGrouping: 0) } 台的整数倍；已按每台读取，但可能是合计数量：如是合计，请在数量列表头注明（如“总数量”）
finding-columns = 第 { $row } 行：{ $columns } 列都可能是{ $field }；已取“{ $chosen }”：如有误请更正列映射

## 数字不像集群报价的行（engine/quotes/read.py，resources/quotes.toml [plausible]）：不计入合计
finding-implausible = 第 { $row } 行：{ $problem }；该行未计入合计
implausible-qty-negative = 数量为 { $qty }：报价数量不会小于 0
implausible-qty-large = 数量为 { $qty }，超过一行最多的 { $most } 件
implausible-negative = { $what ->
        [unit-price] 单价
        [total] 总价
       *[amount] 数量 × 单价
    }为 { $value }，小于 0，但该行未注明是折扣（折扣行应写明“折扣”或“discount”）
implausible-large = { $what ->
        [unit-price] 单价
        [total] 总价
       *[amount] 数量 × 单价
    }为 { $value } { $currency }，超过一行最多的 { $most } { $currency }

## 单价超出该类部件的合理范围（engine/plausible.py，resources/quotes.toml [plausible.parts]）：
## 报价行与价格表条目同样适用
plausible-price = 单价 { $price } { $currency } 不是{ $kind ->
        [services] 服务
        [optics] 光模块
        [cable] 线缆
        [software] 软件
        [spares] 备件
        [storage] 存储
        [rack] 机柜
        [server] 服务器
        [gpu] GPU
        [nic] 网卡
        [switch] 交换机
        [rack_power] 机柜与供电
        [cooling] 制冷
       *[other] { $kind }
    }类部件的合理价格，此类部件单价在 { $low } 至 { $high } { $currency } 之间（resources/quotes.toml [plausible.parts.{ $kind }]）
price-refused-line = { $path } 第 { $line } 行 unit_price 列：{ $problem }
price-refused-item = 物料 { $item } 的 unit_price 列：{ $problem }
