## 方案各项假设的说明：每个数值的由来（Assumption.said("<key>", ..., "assumed.<code>") 即 assumed-<code>）。
## 数值以英文说明的格式传入。

assumed-given = 用户在请求中给出
assumed-confidence-given = 工期得以满足的概率，由用户在请求中给出
assumed-cooling = 机柜的散热方式
assumed-hosting = { $hosting ->
        [own] 自建机房：采购机柜、PDU 和制冷设备；自付电费
        [colo] 租用 IDC：按签约千瓦计租金，按计量付电费；机柜和制冷由机房提供
        [wholesale] 定制批发数据中心：按签约千瓦计租金，按计量付电费；采购机柜和 PDU，由业主负责制冷
       *[cloud] 云租用：按小时单价租用 GPU 时长，不采购硬件
    }
assumed-buy-racks = 机柜和 PDU 计入清单（租用 IDC 时用机房的，除非另行要求）
assumed-buy-cooling = 制冷设备计入清单（自建机房需采购）
assumed-plant = { $plant ->
        [ups] PDU 上游的供配电设施：按 IT 负载配置 UPS 并报价
       *[out] PDU 上游的供配电设施：不在范围内（由场地提供），注明其须供应的千瓦数
    }
assumed-currency = 价格按汇率换算
assumed-team = { $team ->
        [tuned] Megatron-LM/NeMo 级软件栈，由已调优该栈的团队运行
        [typical] 普通团队使用的开源软件栈（GPT-NeoX、Megatron-DeepSpeed、FSDP）：顶尖实验室以外公开训练任务的水平
       *[first-run] 团队首次在尚未调优的软件栈上进行大规模训练
    }（resources/efficiency.toml [team]）
assumed-peak-dense = { $gpu } 稠密 { $precision } 张量峰值，每块 GPU；规划采用此值
assumed-peak-sparse = 2:4 稀疏峰值（宣传数值），仅供参考
assumed-mfu = 模型算力利用率：{ $factors }
assumed-factor = { $name ->
        [kernels] 计算内核
        [model-flops-share] 模型算力占比
        [pipeline-bubble] 流水线气泡
        [communication] 通信
        [fixed-step-costs] 每步固定开销
        [measured-calibration] 实测校准
        [override] 用户设定
       *[other] { $text }
    }
assumed-mfu-band = 训练天数 P90 和 P10 对应的 MFU
assumed-goodput = 实际用于训练的时间占比：中断次数随 GPU 数 × 天数增长，每次中断带来{ $team ->
        [tuned] 已调优团队
        [typical] 普通团队
       *[first-run] 首次训练团队
    }的重启和工作损失，检查点写入使训练暂停（resources/efficiency.toml [goodput]、[team]）
assumed-intra-node = 服务器内 GPU 的互联方式
assumed-memory-floor = 每参数 { $bytes } 字节，显存的 { $reserve } 留给激活值
assumed-days-band = 训练天数低值–高值：预期天数的 { $low }–{ $high } 倍，在留一法检验下涵盖了 { $coverage } 的公开训练任务（{ $runs }）
assumed-calibration = 团队实测 MFU 与模型对同一任务估算 MFU 之比：按此比例调整 MFU
assumed-layout = 张量 × 流水线 × 数据并行，微批次 { $microbatch }，{ $recompute ->
        [full] 完全重计算
        [partial] 部分重计算（{ $share } 的层）
       *[selective] 选择性重计算
    }：显存可容纳的最快切分方式
assumed-calendar-days = 交付周期 { $lead } 天 + 训练 { $days } 天
assumed-calendar-p50-p90 = 交付周期 + 训练天数 P50 和 P90；集群规模使交付周期 + { $confidence } 分位训练天数（{ $at }）不超过工期
assumed-heat-rejection = { $hosting ->
        [own] 不在范围内：场地的冷水机组、干冷器或冷却塔须排出 { $kw } kW 的 IT 热量及制冷设备自身功耗；未报价
        [colo] 由 IDC 机房的设施排热
        [wholesale] 由业主按需建设的设施排热
       *[cloud] 由云服务商负责
    }
assumed-heat-rejection-note = 热量如何排出建筑
assumed-purchase-date = GPU 的市场供应状态以此日期为准
assumed-market = 集群的采购地（买方所在国家）
assumed-market-status = 出口（{ $export }）：{ $rule }。{ $source ->
        [none] {""}
       *[other] 出处见“来源”表{ $verified ->
            [yes] {""}
           *[no] （未核实）
        }。
    }进口（{ $imported }{ $since ->
        [none] {""}
       *[other] ，自 { $since } 起
    }）：{ $import_rule }。{ $fee ->
        [none] {""}
       *[other] 费用或关税：{ $fee }。
    }
assumed-storage-class = NVIDIA DGX SuperPOD H100 参考架构（RA-11333-001，表 5–6）的存储性能等级：大语言模型训练为“Good”
assumed-storage-bandwidth = 每 { $gpus } 块 GPU { $gbps } GB/s：{ $note }
assumed-storage-management-kw = 存储和管理设备按最大功耗计入 IT 功率，并保守地以同一数值计算能耗
assumed-rack-kw = { $cooling ->
        [air] 风冷
        [rdhx] 背板换热器
       *[liquid] 液冷
    }，{ $architecture } 架构 GPU：{ $note }
assumed-lead-time = { $architecture } 架构服务器交付 { $delivery } 天（{ $delivery_note }）+ 安装、老化测试和验收 { $install } 天（{ $install_note }）；请填写厂商报价的交付周期
