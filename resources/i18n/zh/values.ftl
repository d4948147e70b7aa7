## values

value-air = 风冷
value-rdhx = 背板换热器
value-liquid = 液冷
value-own = 自建机房
value-colo = 租用 IDC
value-bf16 = BF16
value-fp8 = FP8
value-True = 是
value-False = 否
value-low = 低
value-medium = 中
value-high = 高
value-yes = 是
value-no = 否
value-wholesale = 批发数据中心
value-cloud = 云租用
value-licence-required = 须出口许可
value-case-by-case = 逐案审查
value-unsure = 不确定
value-unknown = 未知
value-no-known-restriction = 无已知限制
value-permitted = 允许进口
value-restricted = 限制进口
