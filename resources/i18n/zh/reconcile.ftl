## 报价核对报告（engine/export/reconciliation.py）

recon-title = 供应商报价与方案核对
recon-subtitle = 金额以 { $cur } 计，不含增值税，按方案范围归一；每项调整注明来源。
recon-like = 同口径比较
recon-category = 类别
recon-computed = 报价（核算）
recon-normalised = 归一后总价
recon-adjustments = 按方案范围所作调整
recon-kind = 类型
recon-item = 项目
recon-amount = 金额
recon-source = 来源
recon-row = 行
recon-drivers = 分类差异（后者减前者）
recon-difference = 差额
recon-item_drivers = 按项目的主要差异（后者减前者）
recon-server = GPU 服务器（整机）
recon-storage-system = 存储系统（厂商自有）
recon-management-server = 管理服务器（厂商自有）
recon-quote = 报价单
recon-vendor = 供应商
recon-config = 方案配置
recon-quote_no = 报价单号
recon-date = 日期
recon-currency = 币种
recon-basis = 价格
recon-mapping = 读取的列
recon-compared = 对比的方案价格
recon-basis_list = 方案标价：报价单自列折扣（占报价行 { $quote }；方案折扣 { $plan }）
recon-basis_net = 方案标价扣除方案折扣 { $plan }
recon-basis_none = 方案价格（无折扣）
recon-stated = 供应商总价（不含税）
recon-lines = 报价行
recon-part = 物料编码
recon-description = 描述
recon-qty = 数量
recon-unit = 单价（原报价）
recon-total = 总价（原报价）
recon-match = 方案项目
recon-score = 匹配度
recon-remark = 备注
recon-unit_plan = 单价（{ $cur }，不含税）
recon-findings = 核对结果
recon-expected = 应为
recon-found = 实为
recon-message = 说明
recon-none = 无差异。
recon-sum = 报价行合计（原报价）
recon-excluded = 不含税
recon-included = 含税
recon-unknown = 未注明是否含税
recon-unmatched = 方案外项目
recon-discount = 折扣

## 核对结果与调整的类型

recon-kind-qty_mismatch = 数量不符
recon-kind-price_diff = 价格差异
recon-kind-missing = 漏报
recon-kind-extra = 多报
recon-kind-arithmetic = 计算错误
recon-kind-ambiguous = 存疑
recon-kind-omitted = 补足漏报
recon-kind-qty_shortfall = 补足数量
recon-kind-qty_excess = 扣除多余数量
recon-kind-bundled_service = 拆分捆绑服务
recon-kind-out_of_scope = 范围外剔除
recon-spare = 备件：{ $item }

## 报价各列的读取方式（engine/quotes/present.py mapping_text）
recon-field = { $field ->
        [seq] 序号
        [part_number] 型号
        [description] 描述
        [qty] 数量
        [unit_price] 单价
        [total] 金额
        [remark] 备注
       *[other] { $field }
    }
recon-columns-read = { $columns }；表头在第 { $row } 行（{ $origin ->
        [remembered] 沿用记住的映射
        [corrected] 用户更正
       *[detected] 自动识别
    }）
