## 被拒绝的请求字段（engine/errors.py RequestError）：字段、所给的值与允许的取值。
## 字段以其请求路径标明（命令行以其参数名标明）。

request-refused = { $name }：{ $value } 不可用；{ $allowed }
request-missing = 缺少 { $name }；{ $allowed }
request-field = { $label }（{ $field }）
request-value-refused = “{ $value }” 不可用；{ $allowed }
request-cli-error = clusterquote：错误：{ $message }

## 字段允许的取值
allowed-one-of = 须为 { $choices } 或 { $last }
allowed-exactly = 须为 { $choice }
allowed-one-of-or-empty = 须为 { $choices } 之一，或留空
allowed-range = 须{ $low_open ->
        [yes] 大于
       *[no] 不小于
    } { $low } 且{ $high_open ->
        [yes] 小于
       *[no] 不超过
    } { $high }
allowed-range-unit = 须{ $low_open ->
        [yes] 大于
       *[no] 不小于
    } { $low } 且{ $high_open ->
        [yes] 小于
       *[no] 不超过
    } { $high }（单位：{ $unit }）
allowed-whole = 须为整数，{ $low_open ->
        [yes] 大于
       *[no] 不小于
    } { $low } 且{ $high_open ->
        [yes] 小于
       *[no] 不超过
    } { $high }
allowed-whole-unit = 须为整数（单位：{ $unit }），{ $low_open ->
        [yes] 大于
       *[no] 不小于
    } { $low } 且{ $high_open ->
        [yes] 小于
       *[no] 不超过
    } { $high }
allowed-max-chars = 最多 { $most } 个字符
allowed-max-items = 一次请求最多 { $most } 个
allowed-date = 须为 yyyy-mm-dd 格式的日期，例如 { $example }
allowed-country = 须为两个字母的国家代码，例如 { $example }
allowed-discount = 请填写相对标价的优惠比例（如 0.15 或 15%），或按实付比例填写折数（如 85折 / 八五折）
allowed-gpu-precision = { $gpu } 支持的精度为 { $have }
allowed-kernel-efficiency = 没有 { $architecture } 架构 GPU 的算子效率数据
allowed-measured-not-both = 请填写每 GPU 每秒 token 数或 MFU，二者只填其一
allowed-measured-needs = 实测校准需要模型参数量、GPU 数量及测得该结果所用的 GPU 型号
allowed-measured-mfu = 相当于 { $gpu } 稠密 BF16 峰值的 { NUMBER($mfu, style: "percent", maximumFractionDigits: 0) }；实测 MFU { $range }
allowed-measured-form = 请按此格式填写：{ $form }
allowed-count = 请填写正数，例如 175B、300B、1.5T 或 175e9
allowed-positive = 须为有限正数
allowed-workload-one = 以下各项只填其一：预设模型、参数量与 token 数、FLOPs、或 PF/s-days
allowed-known-presets = 可用的预设：{ $names }
allowed-known-configs = 可用的配置：{ $names }
allowed-params-and-tokens = 参数量与 token 数须同时填写
allowed-finetune-needs-params = 微调 token 数需要模型参数量（预设模型或参数量）
allowed-days-or-gpus = 请填写以天计的期限或以 GPU 计的集群规模，二者只填其一
allowed-cannot-run = 该配置无法运行此工作负载：{ $reasons }

## 范围所用的单位（resources/bounds.toml 的 unit，非字母写作连字符）
unit = { $unit ->
        [parameters] 个参数
        [tokens] 个 token
        [FLOPs] FLOPs
        [PF-s-days] PF/s-days
        [runs] 次
        [days] 天
        [GPUs] 块 GPU
        [tokens-s-per-GPU] 每 GPU 每秒 token 数
        [kW] kW
        [racks] 个机柜
        [CNY-USD] 人民币/美元
        [per-kWh] 每千瓦时
        [years] 年
        [per-kW-month] 每千瓦每月
        [checkpoints] 个检查点
        [TB] TB
        [min] 分钟
        [units] 件
        [per-unit] 每件
        [draws] 次抽样
        [HCAs] 块网卡
        [ports] 个端口
        [slots] 个插槽
        [supplies] 个电源
        [bytes] 字节
        [cells] 个单元格
        [characters] 个字符
        [levels] 层
       *[other] { $unit }
    }

## 请求的字段名（engine/model.py PlanRequest；resources/bounds.toml）
field-workload = 工作负载
field-workload-preset = 预设模型
field-workload-params = 模型参数量
field-workload-tokens = 训练 token 数
field-workload-flops = 训练计算量（FLOPs）
field-workload-pf_days = 训练计算量（PF/s-days）
field-workload-runs = 预训练次数
field-workload-finetune_tokens = 微调 token 数
field-workload-tuning_pf_days = 微调计算量
field-schedule = 期限或集群规模
field-schedule-days = 期限（天）
field-schedule-gpus = 固定集群 GPU 数
field-schedule-precision = 精度
field-schedule-lead_time_days = 交付周期
field-schedule-confidence = 按期完成的置信度
field-efficiency-mfu = 模型算力利用率 MFU
field-efficiency-goodput = 有效训练时间占比
field-efficiency-team = 团队软件水平
field-efficiency-measured = 实测数据
field-efficiency-measured_tokens_per_s = 实测每 GPU 每秒 token 数
field-efficiency-measured_mfu = 实测 MFU
field-efficiency-measured_params = 实测模型参数量
field-efficiency-measured_gpus = 实测 GPU 数量
field-efficiency-measured_gpu = 实测 GPU 型号
field-facility-rack_kw = 单机柜功率预算
field-facility-cooling = 制冷方式
field-facility-pue = 电能利用效率 PUE
field-facility-rack_units = 机柜高度
field-facility-row_racks = 每排机柜数
field-facility-spares = 备件比例
field-facility-buy_racks = 采购机柜与 PDU
field-facility-buy_cooling = 采购制冷设备
field-facility-plant = 供配电设施范围
field-finance-currency = 币种
field-finance-exchange_rate = 汇率
field-finance-power_price = 电价
field-finance-years = 总拥有成本年限
field-finance-hosting = 托管方式
field-finance-colo_rent_kw_month = 租用 IDC 租金
field-finance-wholesale_rent_kw_month = 批发数据中心租金
field-finance-vat = 货物增值税税率
field-finance-vat_services = 服务增值税税率
field-finance-discount = 折扣
field-finance-warranty_years = 保修年限
field-finance-maintenance_rate = 维保费率
field-finance-purchase_date = 采购日期
field-finance-market = 交付市场
field-storage-checkpoints_kept = 保留检查点个数
field-storage-dataset_tb = 数据集大小
field-storage-checkpoint_minutes = 单次检查点写入时间
field-storage-performance = 存储性能等级
field-storage-product = 存储产品
field-overrides = 物料清单修改
field-configs = 配置
field-gpu = GPU
field-customer = 客户
field-quote_no = 报价单号
field-valid_days = 报价有效天数
field-confidence = 置信度
field-draws = 抽样次数

## GPU 无法按所选方式训练而被拒绝的配置（engine/planning/gpus.py）
msg-precision-full = GPU 不支持所选精度：{ $why }

## 用户对物料清单某行的修改（engine/money/overrides.py）
allowed-override-config = 配置须为已有配置之一：{ $names }
allowed-override-item = 该行的物料编号须为 1 至 { $most } 个字符，首尾不留空格
allowed-override-once = 每个配置的每一行只能修改一次
allowed-override-figure = { $where }：{ $what ->
        [qty] 数量
        [unit-price] 单价
       *[service-years] 单价所含的服务年限
    }{ $range }
allowed-override-total = 数量 { $qty } × 单价 { $price } 为 { $total }，超过单行金额上限 { $most }
allowed-override-years-need-price = 服务年限包含在单价之内：请同时填写厂商单价（price=P 或 net=P）
allowed-override-added-figures = 新增行须填写数量和单价
allowed-override-category = { $where }：类别须为以下之一：{ $names }
allowed-override-added-description = 新增行须填写描述
allowed-override-something = 请填写数量、单价或两者
allowed-known-gpus = 可用的 GPU：{ $names }
request-cannot-save = 无法保存 { $name }：{ $why }
allowed-text-byte = 第 { $at } 个字符是字节 { $byte }，不是 UTF-8 文字
allowed-text-half-pair = 第 { $at } 个字符是 { $code }，只是一对代理字符的一半，不是文字；请重新输入

## The optimiser's refusals
allowed-optimise-none-runs = 没有配置能运行此工作负载（例如 { $config }：{ $reason }）
allowed-optimise-none-allowed = 市场允许的配置都无法运行此工作负载；如仍要搜索某一配置，请用 --config 指定
allowed-optimise-no-variant = 没有可以规划的方案
allowed-optimise-needs-deadline = 优化需要以天数给出的期限
allowed-optimise-no-overrides = 行项目覆盖只适用于单个方案；请去掉覆盖后再优化
