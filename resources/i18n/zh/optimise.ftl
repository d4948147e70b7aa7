optimise-searched = 已搜索 { $variants } 个方案，抽样 { $draws } 次（随机种子 { $seed }）；期限 { NUMBER($deadline, maximumFractionDigits: 0) } 天，置信度 { NUMBER($confidence, maximumFractionDigits: 2) }
optimise-front = 帕累托前沿：{ $objective } 对比日历天数的 P{ NUMBER($quantile, maximumFractionDigits: 0) }
optimise-columns = 配置 | GPU 数 | 散热 | 机柜 kW | 托管方式 | 资本支出 | 总拥有成本 | P50 天数 | P90 天数 | 按期概率
optimise-best = 最优：{ $config }，{ $gpus } 块 GPU，{ $cooling } 散热，{ NUMBER($rack_kw, maximumFractionDigits: 0) } kW 机柜，{ $hosting } 托管；按期完成的概率为 { NUMBER($p_meets, maximumFractionDigits: 2) }
optimise-none = 没有方案能以此置信度按期完成：请放宽天数、降低置信度或指定更多配置
optimise-versus-plan = 按原请求规划、以同一置信度按期完成的最便宜方案：{ $config }，{ $gpus } 块 GPU，{ $objective } { NUMBER($cost, maximumFractionDigits: 0) }（多 { NUMBER($saving, maximumFractionDigits: 0) }）
optimise-left-out = 未搜索（所在市场限制其 GPU；用 --config 指定即可搜索）：{ $configs }
optimise-plan-short = 按原请求、以预期效率为期限规划的方案达不到此置信度：{ $config }，{ $gpus } 块 GPU，{ $objective } { NUMBER($cost, maximumFractionDigits: 0) }，按期完成的概率为 { NUMBER($p_meets, maximumFractionDigits: 2) }
