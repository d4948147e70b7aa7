<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AssumptionsPanel</name>
        <message>
            <source>%1 years</source>
            <translation>%1 年</translation>
        </message>
        <message>
            <source>estimated</source>
            <translation>估算</translation>
        </message>
        <message>
            <source>Deadline (days):</source>
            <translation>工期（天）：</translation>
        </message>
        <message>
            <source>Fleet (GPUs):</source>
            <translation>固定规模（GPU 数）：</translation>
        </message>
        <message>
            <source>MFU:</source>
            <translation>MFU：</translation>
        </message>
        <message>
            <source>Goodput:</source>
            <translation>有效训练时间占比：</translation>
        </message>
        <message>
            <source>Rack budget (kW):</source>
            <translation>机柜功率上限（kW）：</translation>
        </message>
        <message>
            <source>PUE:</source>
            <translation>PUE：</translation>
        </message>
        <message>
            <source>Power price (per kWh):</source>
            <translation>电价（每千瓦时）：</translation>
        </message>
        <message>
            <source>Years:</source>
            <translation>年限：</translation>
        </message>
        <message>
            <source>Exchange rate (CNY/USD):</source>
            <translation>汇率（人民币/美元）：</translation>
        </message>
        <message>
            <source>VAT on goods:</source>
            <translation>货物增值税：</translation>
        </message>
        <message>
            <source>VAT on services:</source>
            <translation>服务增值税：</translation>
        </message>
        <message>
            <source>Discount:</source>
            <translation>折扣：</translation>
        </message>
        <message>
            <source>Empty fields use the default shown. Changes re-plan at once.</source>
            <translation>留空则使用所示默认值。修改后立即重新规划。</translation>
        </message>
        <message>
            <source>Air (CRAH)</source>
            <translation>风冷（精密空调）</translation>
        </message>
        <message>
            <source>Rear-door heat exchangers</source>
            <translation>背板换热器</translation>
        </message>
        <message>
            <source>Direct liquid cooling (CDU)</source>
            <translation>直接液冷（CDU）</translation>
        </message>
        <message>
            <source>Own data centre</source>
            <translation>自建数据中心</translation>
        </message>
        <message>
            <source>Leased IDC (rent per kW)</source>
            <translation>租用 IDC（按千瓦计租）</translation>
        </message>
        <message>
            <source>CNY (yuan)</source>
            <translation>人民币（元）</translation>
        </message>
        <message>
            <source>USD (dollar)</source>
            <translation>美元</translation>
        </message>
        <message>
            <source>Cooling:</source>
            <translation>制冷方式：</translation>
        </message>
        <message>
            <source>Hosting:</source>
            <translation>托管方式：</translation>
        </message>
        <message>
            <source>IDC rent (per kW-month):</source>
            <translation>IDC 租金（每千瓦每月）：</translation>
        </message>
        <message>
            <source>Currency:</source>
            <translation>币种：</translation>
        </message>
        <message>
            <source>Warranty (years):</source>
            <translation>保修（年）：</translation>
        </message>
        <message>
            <source>Maintenance (yearly):</source>
            <translation>年维保费率：</translation>
        </message>
        <message>
            <source>Lead time (days):</source>
            <translation>交付周期（天）：</translation>
        </message>
        <message>
            <source>Wholesale rent (per kW-month):</source>
            <translation>批发租金（每千瓦每月）：</translation>
        </message>
        <message>
            <source>Storage:</source>
            <translation>存储：</translation>
        </message>
        <message>
            <source>Purchase date:</source>
            <translation>采购日期：</translation>
        </message>
        <message>
            <source>Market:</source>
            <translation>市场：</translation>
        </message>
        <message>
            <source>%1 kW by plan</source>
            <translation>%1 kW（按方案）</translation>
        </message>
    </context>
    <context>
        <name>BomModel</name>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Vendor</source>
            <translation>厂商</translation>
        </message>
        <message>
            <source>Part number</source>
            <translation>料号</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
    </context>
    <context>
        <name>BomTab</name>
        <message>
            <source>This configuration cannot be built:</source>
            <translation>该配置无法组建：</translation>
        </message>
        <message>
            <source>Discount %1: −%2</source>
            <translation>折扣 %1：−%2</translation>
        </message>
        <message>
            <source>Net %1</source>
            <translation>折后净额 %1</translation>
        </message>
        <message>
            <source>VAT on goods %1: %2</source>
            <translation>货物增值税 %1：%2</translation>
        </message>
        <message>
            <source>VAT on services %1: %2</source>
            <translation>服务增值税 %1：%2</translation>
        </message>
        <message>
            <source>Capex %1</source>
            <translation>一次性投资 %1</translation>
        </message>
        <message numerus="yes">
            <source>TCO over %n year(s): %1</source>
            <translation>
                <numerusform>%n 年总拥有成本：%1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CatalogWindow</name>
        <message>
            <source>Catalog and prices — ClusterQuote</source>
            <translation>产品目录与价格 — ClusterQuote</translation>
        </message>
        <message>
            <source>Server configurations</source>
            <translation>服务器配置</translation>
        </message>
        <message>
            <source>GPUs</source>
            <translation>GPU</translation>
        </message>
        <message>
            <source>Prices</source>
            <translation>价格</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Vendor</source>
            <translation>厂商</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>GPU link</source>
            <translation>GPU 互联</translation>
        </message>
        <message>
            <source>Power max / typical (kW)</source>
            <translation>最大 / 典型功率（kW）</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>高度</translation>
        </message>
        <message>
            <source>Verified</source>
            <translation>已核实</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>GPU</source>
            <translation>GPU</translation>
        </message>
        <message>
            <source>Form factor</source>
            <translation>形态</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>显存</translation>
        </message>
        <message>
            <source>BF16 dense (TFLOPS)</source>
            <translation>BF16 稠密（TFLOPS）</translation>
        </message>
        <message>
            <source>BF16 sparse (TFLOPS)</source>
            <translation>BF16 稀疏（TFLOPS）</translation>
        </message>
        <message>
            <source>FP8 dense (TFLOPS)</source>
            <translation>FP8 稠密（TFLOPS）</translation>
        </message>
        <message>
            <source>TDP (W)</source>
            <translation>TDP（W）</translation>
        </message>
        <message>
            <source>Filter items…</source>
            <translation>筛选条目…</translation>
        </message>
        <message>
            <source>Import price list…</source>
            <translation>导入价格表…</translation>
        </message>
        <message>
            <source>Save prices</source>
            <translation>保存价格</translation>
        </message>
        <message>
            <source>Go back to the shipped prices</source>
            <translation>恢复为随附价格</translation>
        </message>
        <message>
            <source>Cannot read the price list</source>
            <translation>无法读取价格表</translation>
        </message>
        <message>
            <source>The shipped indicative price list: replace it with vendor quotes.</source>
            <translation>随附的参考价格表：请用厂商报价替换。</translation>
        </message>
        <message>
            <source>Your price list: %1</source>
            <translation>您的价格表：%1</translation>
        </message>
        <message>
            <source>Some prices are indicative: replace them with vendor quotes.</source>
            <translation>部分价格仅供参考，请用厂商报价替换。</translation>
        </message>
        <message>
            <source>Cannot save the prices</source>
            <translation>无法保存价格</translation>
        </message>
        <message>
            <source>Import price list</source>
            <translation>导入价格表</translation>
        </message>
        <message>
            <source>Price lists (*.xlsx *.csv)</source>
            <translation>价格表 (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>Cannot import the price list</source>
            <translation>无法导入价格表</translation>
        </message>
        <message>
            <source>Shipped prices</source>
            <translation>随附价格</translation>
        </message>
        <message>
            <source>Forget your price list and go back to the shipped indicative prices?</source>
            <translation>放弃您的价格表，恢复为随附的参考价格吗？</translation>
        </message>
        <message>
            <source>Peaks per server, PF dense / sparse (INT8: POPS)</source>
            <translation>单台服务器峰值，PF 稠密 / 稀疏（INT8：POPS）</translation>
        </message>
        <message>
            <source>FP64 tensor</source>
            <translation>FP64 张量核</translation>
        </message>
        <message>
            <source>FP64 tensor (TFLOPS)</source>
            <translation>FP64 张量核（TFLOPS）</translation>
        </message>
        <message>
            <source>user-entered</source>
            <translation>用户录入</translation>
        </message>
        <message>
            <source>shipped</source>
            <translation>内置</translation>
        </message>
        <message>
            <source>Entered by</source>
            <translation>录入方</translation>
        </message>
        <message>
            <source>Add a system…</source>
            <translation>添加系统…</translation>
        </message>
        <message>
            <source>Edit your system…</source>
            <translation>编辑您的系统…</translation>
        </message>
        <message>
            <source>Remove your system</source>
            <translation>删除您的系统</translation>
        </message>
        <message>
            <source>Your systems are kept in %1 and travel inside the plans you save.</source>
            <translation>您的系统保存在 %1，并随您保存的方案文件一同保存。</translation>
        </message>
        <message>
            <source>They cannot be read now: %1</source>
            <translation>目前无法读取：%1</translation>
        </message>
        <message>
            <source>Remove %1 from your systems? Plans saved with it keep their copy.</source>
            <translation>从您的系统中删除 %1？已保存的方案文件仍保留其副本。</translation>
        </message>
        <message>
            <source>The seed's rack statement: %1 × %2 with %3 × %4 = %5 PF FP64 tensor, %6 PF dense BF16 (%1 × %3 × %7 and %1 × %3 × %8 TFLOPS).</source>
            <translation>原文的机柜说法：%1 台 %2，每台 %3 × %4，FP64 张量峰值 %5 PF，BF16 稠密峰值 %6 PF（%1 × %3 × %7 与 %1 × %3 × %8 TFLOPS）。</translation>
        </message>
    </context>
    <context>
        <name>Categories</name>
        <message>
            <source>Compute</source>
            <translation>计算</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>网络</translation>
        </message>
        <message>
            <source>Racks and power</source>
            <translation>机柜与配电</translation>
        </message>
        <message>
            <source>Cooling</source>
            <translation>制冷</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>服务</translation>
        </message>
        <message>
            <source>Storage</source>
            <translation>存储</translation>
        </message>
        <message>
            <source>Management</source>
            <translation>管理</translation>
        </message>
        <message>
            <source>Software</source>
            <translation>软件</translation>
        </message>
        <message>
            <source>Spares</source>
            <translation>备件</translation>
        </message>
    </context>
    <context>
        <name>Charts</name>
        <message>
            <source>million CNY</source>
            <translation>百万元</translation>
        </message>
        <message>
            <source>million USD</source>
            <translation>百万美元</translation>
        </message>
        <message>
            <source>No configuration can be built.</source>
            <translation>没有可组建的配置。</translation>
        </message>
        <message>
            <source>Compute</source>
            <translation>计算</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>网络</translation>
        </message>
        <message>
            <source>Racks and power</source>
            <translation>机柜与配电</translation>
        </message>
        <message>
            <source>Cooling</source>
            <translation>制冷</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>服务</translation>
        </message>
        <message>
            <source>Storage</source>
            <translation>存储</translation>
        </message>
        <message>
            <source>Management</source>
            <translation>管理</translation>
        </message>
        <message>
            <source>Software</source>
            <translation>软件</translation>
        </message>
        <message>
            <source>Spares</source>
            <translation>备件</translation>
        </message>
        <message>
            <source>VAT</source>
            <translation>增值税</translation>
        </message>
        <message>
            <source>Capex (%1)</source>
            <translation>一次性投资（%1）</translation>
        </message>
        <message>
            <source>IT power, maximum</source>
            <translation>IT 功率（最大）</translation>
        </message>
        <message>
            <source>Facility power (IT typical × PUE)</source>
            <translation>设施功率（IT 典型值 × PUE）</translation>
        </message>
        <message>
            <source>kW</source>
            <translation>kW</translation>
        </message>
        <message>
            <source>Power</source>
            <translation>功率</translation>
        </message>
        <message>
            <source>Compute racks</source>
            <translation>计算机柜</translation>
        </message>
        <message>
            <source>Network racks</source>
            <translation>网络机柜</translation>
        </message>
        <message>
            <source>Racks</source>
            <translation>机柜</translation>
        </message>
        <message>
            <source>deadline</source>
            <translation>工期</translation>
        </message>
        <message>
            <source>Deadline (days)</source>
            <translation>工期（天）</translation>
        </message>
        <message>
            <source>GPUs needed</source>
            <translation>所需 GPU 数</translation>
        </message>
        <message>
            <source>GPUs needed against the deadline (band: low to high efficiency)</source>
            <translation>所需 GPU 数与工期（阴影：低至高效率区间）</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年</translation>
        </message>
        <message>
            <source>Cumulative cost (%1)</source>
            <translation>累计成本（%1）</translation>
        </message>
        <message>
            <source>Total cost of ownership over the years</source>
            <translation>历年总拥有成本</translation>
        </message>
        <message>
            <source>Storage</source>
            <translation>存储</translation>
        </message>
        <message>
            <source>Management</source>
            <translation>管理</translation>
        </message>
        <message>
            <source>Software</source>
            <translation>软件</translation>
        </message>
        <message>
            <source>Spares</source>
            <translation>备件</translation>
        </message>
    </context>
    <context>
        <name>ComparisonModel</name>
        <message>
            <source>Vendor</source>
            <translation>厂商</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>GPU</source>
            <translation>GPU</translation>
        </message>
        <message>
            <source>Can be built</source>
            <translation>可组建</translation>
        </message>
        <message>
            <source>GPUs</source>
            <translation>GPU 数</translation>
        </message>
        <message>
            <source>Servers</source>
            <translation>服务器数</translation>
        </message>
        <message>
            <source>Racks</source>
            <translation>机柜数</translation>
        </message>
        <message>
            <source>Server peak, dense (PFLOPS)</source>
            <translation>单机峰值，稠密（PFLOPS）</translation>
        </message>
        <message>
            <source>Server peak, sparse (PFLOPS)</source>
            <translation>单机峰值，稀疏（PFLOPS）</translation>
        </message>
        <message>
            <source>MFU (expected)</source>
            <translation>MFU（预期）</translation>
        </message>
        <message>
            <source>Days, best case</source>
            <translation>天数（最好情况）</translation>
        </message>
        <message>
            <source>Days, worst case</source>
            <translation>天数（最差情况）</translation>
        </message>
        <message>
            <source>GPU-hours</source>
            <translation>GPU 小时</translation>
        </message>
        <message>
            <source>Capex</source>
            <translation>一次性投资</translation>
        </message>
        <message>
            <source>TCO</source>
            <translation>总拥有成本</translation>
        </message>
        <message>
            <source>Meets the deadline</source>
            <translation>满足工期</translation>
        </message>
        <message>
            <source>Best of the comparison</source>
            <translation>对比中最优</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>at risk: %1–%2 days</source>
            <translation>有风险：%1–%2 天</translation>
        </message>
        <message>
            <source>Expected to meet the deadline, but the worst case of the efficiency band (%1 days) misses the %2-day deadline.</source>
            <translation>预计可满足工期，但效率区间的最差情况（%1 天）超出 %2 天的工期。</translation>
        </message>
        <message>
            <source>Lead time (days)</source>
            <translation>交付周期（天）</translation>
        </message>
        <message>
            <source>Cloud rental for the run</source>
            <translation>训练期间的云租用费用</translation>
        </message>
        <message>
            <source>Cloud rental a year</source>
            <translation>云租用每年费用</translation>
        </message>
        <message>
            <source>at risk: %1–%2 calendar days, lead time included</source>
            <translation>有风险：%1–%2 个日历天（含交付周期）</translation>
        </message>
    </context>
    <context>
        <name>ConfigsPage</name>
        <message>
            <source>Server configurations</source>
            <translation>服务器配置</translation>
        </message>
        <message>
            <source>Which servers to compare. Peaks are per node; plans use the dense peak.</source>
            <translation>选择要对比的服务器。峰值按单台服务器计；规划使用稠密峰值。</translation>
        </message>
        <message>
            <source>Configuration</source>
            <translation>配置</translation>
        </message>
        <message>
            <source>GPU</source>
            <translation>GPU</translation>
        </message>
        <message>
            <source>Dense peak (PFLOPS)</source>
            <translation>稠密峰值（PFLOPS）</translation>
        </message>
        <message>
            <source>Sparse peak (PFLOPS)</source>
            <translation>稀疏峰值（PFLOPS）</translation>
        </message>
        <message>
            <source>Indicative price</source>
            <translation>参考价格</translation>
        </message>
        <message>
            <source>Prices are indicative list prices of the base system with its GPUs and compute NICs, before discount and VAT. Replace them with real quotes in Catalog and prices.</source>
            <translation>价格为含 GPU 和计算网卡的整机参考目录价，未计折扣和增值税。请在“产品目录与价格”中替换为真实报价。</translation>
        </message>
        <message numerus="yes">
            <source>%n configuration(s) selected</source>
            <translation>
                <numerusform>已选择 %n 个配置</numerusform>
            </translation>
        </message>
        <message>
            <source>Select at least one configuration.</source>
            <translation>请至少选择一个配置。</translation>
        </message>
        <message>
            <source>Lenovo</source>
            <translation>联想</translation>
        </message>
        <message>
            <source>Inspur</source>
            <translation>浪潮</translation>
        </message>
        <message>
            <source>Huawei</source>
            <translation>华为</translation>
        </message>
    </context>
    <context>
        <name>Controller</name>
        <message>
            <source>Restore the last plan?</source>
            <translation>恢复上次的方案？</translation>
        </message>
        <message>
            <source>ClusterQuote did not close properly last time. Restore the plan you were working on?</source>
            <translation>ClusterQuote 上次未正常关闭。要恢复您当时正在编辑的方案吗？</translation>
        </message>
    </context>
    <context>
        <name>Discount</name>
        <message>
            <source>Enter the share taken off list, such as 0.15 or 15%, or the price paid, such as 85折</source>
            <translation>请输入在标价基础上减免的比例，如 0.15 或 15%，或按标价支付的折数，如 85折</translation>
        </message>
        <message>
            <source>Pay %1 of list (%2)</source>
            <translation>按标价的 %1 支付（%2）</translation>
        </message>
        <message>
            <source>discount style: share off</source>
            <translation>折</translation>
        </message>
        <message>
            <source>%1 off</source>
            <translation>减 %1</translation>
        </message>
        <message>
            <source>Pay 100% of list (no discount)</source>
            <translation>按标价的 100% 支付（不打折）</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Blank, for the vendor to fill in</source>
            <translation>留空，由供方填写</translation>
        </message>
        <message>
            <source>The plan's target (net) prices</source>
            <translation>方案的目标（净）价</translation>
        </message>
        <message>
            <source>The plan's list prices and discount</source>
            <translation>方案的标价及折扣</translation>
        </message>
        <message>
            <source>RFQ prices:</source>
            <translation>询价单价格：</translation>
        </message>
        <message>
            <source>Shortlist: the recommendation and each vendor's best</source>
            <translation>入选方案：推荐方案与各厂商的最佳方案</translation>
        </message>
        <message>
            <source>Every configuration</source>
            <translation>全部配置方案</translation>
        </message>
        <message>
            <source>Only %1</source>
            <translation>仅 %1</translation>
        </message>
        <message>
            <source>In detail:</source>
            <translation>详列：</translation>
        </message>
        <message>
            <source>Export quote</source>
            <translation>导出报价单</translation>
        </message>
        <message>
            <source>Internal comparison (every configuration)</source>
            <translation>内部对比（全部配置方案）</translation>
        </message>
        <message>
            <source>Request for quotation (one vendor, to send)</source>
            <translation>询价单（单一厂商，可对外发送）</translation>
        </message>
        <message>
            <source>All vendors</source>
            <translation>全部厂商</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <source>Vendor:</source>
            <translation>厂商：</translation>
        </message>
        <message>
            <source>Buyer (letterhead)</source>
            <translation>询价方（抬头）</translation>
        </message>
        <message>
            <source>Company:</source>
            <translation>单位名称：</translation>
        </message>
        <message>
            <source>Department:</source>
            <translation>部门：</translation>
        </message>
        <message>
            <source>Contact:</source>
            <translation>联系人：</translation>
        </message>
        <message>
            <source>Phone:</source>
            <translation>电话：</translation>
        </message>
        <message>
            <source>E-mail:</source>
            <translation>电子邮箱：</translation>
        </message>
        <message>
            <source>Address:</source>
            <translation>地址：</translation>
        </message>
        <message>
            <source>shipped terms (resources/quote_terms.toml)</source>
            <translation>默认商务条款（resources/quote_terms.toml）</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Terms file:</source>
            <translation>商务条款文件：</translation>
        </message>
        <message>
            <source>Terms file</source>
            <translation>商务条款文件</translation>
        </message>
        <message>
            <source>TOML files (*.toml)</source>
            <translation>TOML 文件 (*.toml)</translation>
        </message>
    </context>
    <context>
        <name>FacilityPage</name>
        <message>
            <source>years</source>
            <translation>年</translation>
        </message>
        <message>
            <source>Facility and money</source>
            <translation>机房与费用</translation>
        </message>
        <message>
            <source>Where the cluster will stand and how it is paid for. Empty fields use the default shown.</source>
            <translation>集群放在哪里、费用如何计算。留空则使用所示默认值。</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>机房</translation>
        </message>
        <message>
            <source>Air (precision air units, CRAH)</source>
            <translation>风冷（精密空调，CRAH）</translation>
        </message>
        <message>
            <source>Rear-door heat exchangers</source>
            <translation>背板换热器</translation>
        </message>
        <message>
            <source>Direct liquid cooling (CDU)</source>
            <translation>直接液冷（CDU）</translation>
        </message>
        <message>
            <source>Rack power budget (kW):</source>
            <translation>机柜功率上限（kW）：</translation>
        </message>
        <message>
            <source>Cooling:</source>
            <translation>制冷方式：</translation>
        </message>
        <message>
            <source>PUE:</source>
            <translation>PUE：</translation>
        </message>
        <message>
            <source>Rack height:</source>
            <translation>机柜高度：</translation>
        </message>
        <message>
            <source>Money</source>
            <translation>费用</translation>
        </message>
        <message>
            <source>CNY (yuan)</source>
            <translation>人民币（元）</translation>
        </message>
        <message>
            <source>USD (dollar)</source>
            <translation>美元</translation>
        </message>
        <message>
            <source>Own data centre (energy only)</source>
            <translation>自有机房（仅计电费）</translation>
        </message>
        <message>
            <source>Leased IDC (rent per kW of rack budget)</source>
            <translation>租用 IDC（按机柜功率每千瓦计租）</translation>
        </message>
        <message>
            <source>Currency:</source>
            <translation>币种：</translation>
        </message>
        <message>
            <source>Exchange rate (CNY per USD):</source>
            <translation>汇率（每美元兑人民币）：</translation>
        </message>
        <message>
            <source>Power price (per kWh):</source>
            <translation>电价（每千瓦时）：</translation>
        </message>
        <message>
            <source>Hosting:</source>
            <translation>托管方式：</translation>
        </message>
        <message>
            <source>IDC rent (per kW-month):</source>
            <translation>IDC 租金（每千瓦每月）：</translation>
        </message>
        <message>
            <source>Years of ownership:</source>
            <translation>使用年限：</translation>
        </message>
        <message>
            <source>VAT on goods:</source>
            <translation>货物增值税：</translation>
        </message>
        <message>
            <source>VAT on services:</source>
            <translation>服务增值税：</translation>
        </message>
        <message>
            <source>Discount:</source>
            <translation>折扣：</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>报价</translation>
        </message>
        <message>
            <source>Customer:</source>
            <translation>客户：</translation>
        </message>
        <message>
            <source>Quote number:</source>
            <translation>报价单号：</translation>
        </message>
        <message>
            <source>Storage and purchase</source>
            <translation>存储与采购</translation>
        </message>
        <message>
            <source>Storage:</source>
            <translation>存储：</translation>
        </message>
        <message>
            <source>Purchase date:</source>
            <translation>采购日期：</translation>
        </message>
        <message>
            <source>Market (country):</source>
            <translation>市场（国家）：</translation>
        </message>
        <message>
            <source>Wholesale rent (per contracted kW-month):</source>
            <translation>批发租金（每合同千瓦每月）：</translation>
        </message>
    </context>
    <context>
        <name>Fields</name>
        <message>
            <source>Enter a whole number from %1 to %2</source>
            <translation>请输入 %1 到 %2 之间的整数</translation>
        </message>
        <message>
            <source>Enter a fraction above %1 and at most %2, such as 0.4 or 40%</source>
            <translation>请输入大于 %1、不超过 %2 的比例，如 0.4 或 40%</translation>
        </message>
        <message>
            <source>Enter a fraction from %1 to %2, such as 0.13 or 13%</source>
            <translation>请输入 %1 到 %2 之间的比例，如 0.13 或 13%</translation>
        </message>
        <message>
            <source>Enter a number above %1 and at most %2</source>
            <translation>请输入大于 %1、不超过 %2 的数</translation>
        </message>
        <message>
            <source>Enter a number from %1 to %2</source>
            <translation>请输入 %1 到 %2 之间的数</translation>
        </message>
        <message>
            <source>Enter a positive number such as 175B, 300B, 1.5T or 175e9</source>
            <translation>请输入正数，如 175B、300B、1.5T 或 175e9</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>必填</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;New plan…</source>
            <translation>新建方案(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Open plan…</source>
            <translation>打开方案(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Save plan</source>
            <translation>保存方案(&amp;S)</translation>
        </message>
        <message>
            <source>Save plan &amp;as…</source>
            <translation>方案另存为(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Export quote (.xlsx)…</source>
            <translation>导出报价单 (.xlsx)(&amp;E)…</translation>
        </message>
        <message>
            <source>Export &amp;PDF…</source>
            <translation>导出 PDF(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Edit request in the wizard…</source>
            <translation>在向导中修改需求(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Re-plan</source>
            <translation>重新规划(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Catalog and prices…</source>
            <translation>产品目录与价格(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;About ClusterQuote</source>
            <translation>关于 ClusterQuote(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Plan</source>
            <translation>方案(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>工具(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Plan and price an AI training cluster: say what must be trained and by when, compare Lenovo and Inspur servers, and export the quote.</source>
            <translation>规划 AI 训练集群并报价：说明要训练什么、何时完成，对比联想与浪潮服务器，并导出报价单。</translation>
        </message>
        <message>
            <source>New plan…</source>
            <translation>新建方案…</translation>
        </message>
        <message>
            <source>Open plan…</source>
            <translation>打开方案…</translation>
        </message>
        <message>
            <source>Recent plans:</source>
            <translation>最近的方案：</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>提示</translation>
        </message>
        <message>
            <source>Configurations</source>
            <translation>涉及配置</translation>
        </message>
        <message>
            <source>Comparison</source>
            <translation>方案对比</translation>
        </message>
        <message>
            <source>Capex</source>
            <translation>一次性投资</translation>
        </message>
        <message>
            <source>Power and racks</source>
            <translation>功率与机柜</translation>
        </message>
        <message>
            <source>Power</source>
            <translation>功率</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>工期</translation>
        </message>
        <message>
            <source>TCO</source>
            <translation>总拥有成本</translation>
        </message>
        <message>
            <source>BOM</source>
            <translation>物料清单</translation>
        </message>
        <message>
            <source>GPUs vs deadline</source>
            <translation>GPU 数与工期</translation>
        </message>
        <message>
            <source>TCO over years</source>
            <translation>历年总拥有成本</translation>
        </message>
        <message>
            <source>Assumptions</source>
            <translation>假设</translation>
        </message>
        <message>
            <source>Planning…</source>
            <translation>正在规划…</translation>
        </message>
        <message>
            <source>Could not plan: %1</source>
            <translation>无法规划：%1</translation>
        </message>
        <message>
            <source>Not planned</source>
            <translation>未规划</translation>
        </message>
        <message numerus="yes">
            <source>Planned %n configuration(s) in %1 ms</source>
            <translation>
                <numerusform>已在 %1 毫秒内规划 %n 个配置</numerusform>
            </translation>
        </message>
        <message>
            <source>Prices: %1</source>
            <translation>价格表：%1</translation>
        </message>
        <message>
            <source>on a fleet of %1 GPUs</source>
            <translation>使用 %1 块 GPU</translation>
        </message>
        <message>
            <source>within %1 days</source>
            <translation>工期 %1 天</translation>
        </message>
        <message>
            <source>%1 PF/s-days (%2 FLOPs), %3</source>
            <translation>%1 PF/s-天（%2 FLOPs），%3</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>%1 GPUs, %2 days, capex %3</source>
            <translation>%1 块 GPU，%2 天，一次性投资 %3</translation>
        </message>
        <message>
            <source>Cheapest that meets the deadline: %1</source>
            <translation>满足工期且最便宜：%1</translation>
        </message>
        <message>
            <source>Fastest: %1</source>
            <translation>最快：%1</translation>
        </message>
        <message>
            <source>Lowest TCO: %1</source>
            <translation>总拥有成本最低：%1</translation>
        </message>
        <message>
            <source>No configuration meets the deadline.</source>
            <translation>没有配置能满足工期。</translation>
        </message>
        <message>
            <source>Refused: %1</source>
            <translation>不可组建：%1</translation>
        </message>
        <message>
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>BOM: %1</source>
            <translation>物料清单：%1</translation>
        </message>
        <message>
            <source>Unsaved plan</source>
            <translation>方案未保存</translation>
        </message>
        <message>
            <source>The plan has changes that are not saved. Save them?</source>
            <translation>方案有未保存的修改。要保存吗？</translation>
        </message>
        <message>
            <source>ClusterQuote plans (%1)</source>
            <translation>ClusterQuote 方案 (%1)</translation>
        </message>
        <message>
            <source>Open plan</source>
            <translation>打开方案</translation>
        </message>
        <message>
            <source>Cannot open the plan</source>
            <translation>无法打开方案</translation>
        </message>
        <message>
            <source>Save plan</source>
            <translation>保存方案</translation>
        </message>
        <message>
            <source>Cannot save the plan</source>
            <translation>无法保存方案</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <source>Export quote</source>
            <translation>导出报价单</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Cannot export the quote</source>
            <translation>无法导出报价单</translation>
        </message>
        <message>
            <source>Quote written to %1</source>
            <translation>报价单已写入 %1</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>About ClusterQuote</source>
            <translation>关于 ClusterQuote</translation>
        </message>
        <message>
            <source>&lt;b&gt;ClusterQuote %1&lt;/b&gt;&lt;p&gt;Plans and prices AI training clusters from a model and a deadline. Prices are indicative unless you import vendor quotes.&lt;/p&gt;</source>
            <translation>&lt;b&gt;ClusterQuote %1&lt;/b&gt;&lt;p&gt;根据模型和工期规划 AI 训练集群并报价。除非导入厂商报价，价格仅供参考。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Untitled plan</source>
            <translation>未命名方案</translation>
        </message>
        <message>
            <source>&amp;Import vendor quote…</source>
            <translation>导入供应商报价(&amp;I)…</translation>
        </message>
        <message>
            <source>Lenovo vs Inspur</source>
            <translation>联想对比浪潮</translation>
        </message>
        <message>
            <source>Bill of materials</source>
            <translation>物料清单</translation>
        </message>
        <message>
            <source>Racks</source>
            <translation>机柜</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Undo %1</source>
            <translation>撤销%1(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo %1</source>
            <translation>重做%1(&amp;R)</translation>
        </message>
        <message>
            <source>Optimise</source>
            <translation>优化</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>%1 parameters, %2 tokens</source>
            <translation>%1 参数，%2 词元</translation>
        </message>
        <message>
            <source>%1 PF/s-days</source>
            <translation>%1 PF/s-天</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
    </context>
    <context>
        <name>ModelPage</name>
        <message>
            <source>Target model</source>
            <translation>目标模型</translation>
        </message>
        <message>
            <source>What must be trained: a known model, or its size and data, or a compute budget.</source>
            <translation>要训练什么：已知模型、模型规模与数据量，或算力预算。</translation>
        </message>
        <message>
            <source>Preset model</source>
            <translation>预设模型</translation>
        </message>
        <message>
            <source>Parameters and tokens</source>
            <translation>参数量与词元数</translation>
        </message>
        <message>
            <source>Compute in FLOPs</source>
            <translation>算力（FLOPs）</translation>
        </message>
        <message>
            <source>Compute in PF/s-days</source>
            <translation>算力（PF/s-天）</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>参数量</translation>
        </message>
        <message>
            <source>Tokens</source>
            <translation>词元数</translation>
        </message>
        <message>
            <source>PF/s-days</source>
            <translation>PF/s-天</translation>
        </message>
        <message>
            <source>Mixture of experts (parameters counts the active ones)</source>
            <translation>混合专家模型（参数量按激活参数计）</translation>
        </message>
        <message>
            <source>Parameters:</source>
            <translation>参数量：</translation>
        </message>
        <message>
            <source>Training tokens:</source>
            <translation>训练词元数：</translation>
        </message>
        <message>
            <source>Training compute (FLOPs):</source>
            <translation>训练算力（FLOPs）：</translation>
        </message>
        <message>
            <source>Training compute (PF/s-days):</source>
            <translation>训练算力（PF/s-天）：</translation>
        </message>
        <message>
            <source>Phases</source>
            <translation>训练阶段</translation>
        </message>
        <message>
            <source>A model rarely succeeds in one run: count the full runs.</source>
            <translation>模型很少一次训练成功：请计入完整训练的次数。</translation>
        </message>
        <message>
            <source>Pre-training runs during development:</source>
            <translation>研发期间的预训练次数：</translation>
        </message>
        <message>
            <source>Domain fine-tuning tokens:</source>
            <translation>领域微调词元数：</translation>
        </message>
        <message>
            <source>Ongoing fine-tuning / RLHF budget (PF/s-days):</source>
            <translation>持续微调 / RLHF 预算（PF/s-天）：</translation>
        </message>
        <message>
            <source>Choose a model or enter its size to see the compute it needs.</source>
            <translation>选择模型或输入其规模，即可看到所需算力。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Training compute:&lt;/b&gt; %1 FLOPs = %2 PF/s-days&lt;br&gt;%3</source>
            <translation>&lt;b&gt;训练算力：&lt;/b&gt;%1 FLOPs = %2 PF/s-天&lt;br&gt;%3</translation>
        </message>
    </context>
    <context>
        <name>PlanPage</name>
        <message>
            <source>default: %1</source>
            <translation>默认：%1</translation>
        </message>
        <message>
            <source>Not accepted: %1</source>
            <translation>未通过：%1</translation>
        </message>
    </context>
    <context>
        <name>PlanWizard</name>
        <message>
            <source>New plan — ClusterQuote</source>
            <translation>新建方案 — ClusterQuote</translation>
        </message>
    </context>
    <context>
        <name>PriceModel</name>
        <message>
            <source>Item</source>
            <translation>条目</translation>
        </message>
        <message>
            <source>Vendor</source>
            <translation>厂商</translation>
        </message>
        <message>
            <source>Part number</source>
            <translation>料号</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Confidence</source>
            <translation>可信度</translation>
        </message>
        <message>
            <source>A unit price is a number of zero or more.</source>
            <translation>单价须为大于或等于零的数。</translation>
        </message>
    </context>
    <context>
        <name>QuoteExport</name>
        <message>
            <source>Export PDF</source>
            <translation>导出 PDF</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <source>Export quote</source>
            <translation>导出报价单</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Cannot export the quote</source>
            <translation>无法导出报价单</translation>
        </message>
        <message>
            <source>Quote written to %1</source>
            <translation>报价单已保存到 %1</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <source>Review</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>The request in words. Finish plans it on every configuration.</source>
            <translation>用文字复述需求。点击“完成”后将在每个配置上进行规划。</translation>
        </message>
        <message>
            <source>Workload</source>
            <translation>训练任务</translation>
        </message>
        <message>
            <source>Training compute</source>
            <translation>训练算力</translation>
        </message>
        <message>
            <source>%1 FLOPs = %2 PF/s-days</source>
            <translation>%1 FLOPs = %2 PF/s-天</translation>
        </message>
        <message>
            <source>%1 pre-training run(s)</source>
            <translation>预训练 %1 次</translation>
        </message>
        <message>
            <source>fine-tuning on %1 tokens</source>
            <translation>微调 %1 词元</translation>
        </message>
        <message>
            <source>ongoing tuning of %1 PF/s-days</source>
            <translation>持续调优 %1 PF/s-天</translation>
        </message>
        <message>
            <source>Phases</source>
            <translation>训练阶段</translation>
        </message>
        <message>
            <source>Fleet</source>
            <translation>固定规模</translation>
        </message>
        <message>
            <source>%1 GPUs</source>
            <translation>%1 块 GPU</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>工期</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 天</translation>
        </message>
        <message>
            <source>Precision</source>
            <translation>精度</translation>
        </message>
        <message>
            <source>MFU</source>
            <translation>MFU</translation>
        </message>
        <message>
            <source>the engine's estimate per configuration</source>
            <translation>按配置由引擎估算</translation>
        </message>
        <message>
            <source>Goodput</source>
            <translation>有效训练时间占比</translation>
        </message>
        <message>
            <source>Configurations</source>
            <translation>配置</translation>
        </message>
        <message>
            <source>every Lenovo and Inspur configuration</source>
            <translation>全部联想与浪潮配置</translation>
        </message>
        <message>
            <source>air cooling</source>
            <translation>风冷</translation>
        </message>
        <message>
            <source>rear-door heat exchangers</source>
            <translation>背板换热器</translation>
        </message>
        <message>
            <source>direct liquid cooling</source>
            <translation>直接液冷</translation>
        </message>
        <message>
            <source>Facility</source>
            <translation>机房</translation>
        </message>
        <message>
            <source>%1U racks of %2 kW, %3, PUE %4</source>
            <translation>%1U 机柜，每柜 %2 kW，%3，PUE %4</translation>
        </message>
        <message>
            <source>own data centre</source>
            <translation>自有机房</translation>
        </message>
        <message>
            <source>leased IDC</source>
            <translation>租用 IDC</translation>
        </message>
        <message>
            <source>Money</source>
            <translation>费用</translation>
        </message>
        <message>
            <source>%1, %2 years, %3, VAT %4 (services %6), discount %5</source>
            <translation>%1，%2 年，%3，增值税 %4（服务 %6），折扣 %5</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>报价</translation>
        </message>
        <message>
            <source>Lead time before training</source>
            <translation>训练前的交付周期</translation>
        </message>
        <message>
            <source>%1 days: the deadline counts calendar days from the order, this lead time, then training</source>
            <translation>%1 天：截止期从下单起按日历天数计算，先是交付周期，然后是训练</translation>
        </message>
        <message>
            <source>%1U racks of %2, %3, PUE %4</source>
            <translation>%1U 机柜，%2，%3，PUE %4</translation>
        </message>
        <message>
            <source>, rent %1 %2</source>
            <translation>，租金 %1 %2</translation>
        </message>
        <message>
            <source>: the GPUs are rented by the hour; the plans show the rental cost</source>
            <translation>：GPU 按小时租用；方案列出租用费用</translation>
        </message>
        <message>
            <source>Storage</source>
            <translation>存储</translation>
        </message>
        <message>
            <source>Purchase</source>
            <translation>采购</translation>
        </message>
        <message>
            <source>today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>; NVIDIA AI Enterprise for every GPU</source>
            <translation>；每块 GPU 配 NVIDIA AI Enterprise</translation>
        </message>
        <message>
            <source> (default)</source>
            <translation>（默认）</translation>
        </message>
        <message>
            <source>market %1, purchase date %2 (the GPUs' export-licence status is taken as of it)%3</source>
            <translation>市场 %1，采购日期 %2（GPU 出口许可状态按此日期判断）%3</translation>
        </message>
    </context>
    <context>
        <name>SchedulePage</name>
        <message>
            <source>optional, e.g. %1</source>
            <translation>可选，例如 %1</translation>
        </message>
        <message>
            <source>Typical team (open stacks: GPT-NeoX, DeepSpeed, FSDP)</source>
            <translation>一般团队（开源训练框架）</translation>
        </message>
        <message>
            <source>Tuned team (Megatron-LM / NeMo class)</source>
            <translation>调优团队（英伟达官方训练框架级）</translation>
        </message>
        <message>
            <source>First large run of the team</source>
            <translation>团队首次大规模训练</translation>
        </message>
        <message>
            <source>plan so that the deadline holds with %1% confidence</source>
            <translation>按 %1% 的置信度保证工期</translation>
        </message>
        <message>
            <source>Your own measured run: tokens/s per GPU (or mfu=0.35) of a model of the given parameters on that many GPUs of that type. It sets your team's level and narrows the range of days.</source>
            <translation>您实测的训练：给定参数量的模型在该数量、该型号 GPU 上每块 GPU 每秒处理的词元数（或模型算力利用率）。它确定团队水平，并缩小天数区间。</translation>
        </message>
        <message>
            <source>Team:</source>
            <translation>团队：</translation>
        </message>
        <message>
            <source>Confidence:</source>
            <translation>置信度：</translation>
        </message>
        <message>
            <source>Measured calibration:</source>
            <translation>实测校准：</translation>
        </message>
        <message>
            <source>Schedule and efficiency</source>
            <translation>工期与效率</translation>
        </message>
        <message>
            <source>By when must it be trained, or on how many GPUs? And how well do they work?</source>
            <translation>何时必须训练完成，或使用多少块 GPU？GPU 的实际效率如何？</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>工期</translation>
        </message>
        <message>
            <source>Deadline in days:</source>
            <translation>工期（天）：</translation>
        </message>
        <message>
            <source>End date:</source>
            <translation>截止日期：</translation>
        </message>
        <message>
            <source>Fixed fleet of GPUs:</source>
            <translation>固定 GPU 数量：</translation>
        </message>
        <message>
            <source>Efficiency</source>
            <translation>效率</translation>
        </message>
        <message>
            <source>BF16 (dense tensor peak)</source>
            <translation>BF16（稠密张量峰值）</translation>
        </message>
        <message>
            <source>FP8 (dense tensor peak; Hopper GPUs only)</source>
            <translation>FP8（稠密张量峰值；仅限 Hopper GPU）</translation>
        </message>
        <message>
            <source>estimated per configuration</source>
            <translation>按配置估算</translation>
        </message>
        <message>
            <source>Precision:</source>
            <translation>精度：</translation>
        </message>
        <message>
            <source>Model FLOPs utilisation (MFU):</source>
            <translation>模型算力利用率（MFU）：</translation>
        </message>
        <message>
            <source>Goodput:</source>
            <translation>有效训练时间占比：</translation>
        </message>
        <message>
            <source>Leave MFU empty to use the engine's estimate for each configuration: it accounts for the GPU, the links between the GPUs in a server, the model size and the cluster size, and comes with a low / expected / high band that the comparison shows as a range of days. Goodput is the share of wall time that trains (failures, restarts, checkpoints). Fractions may be typed as 0.4 or 40%.</source>
            <translation>MFU 留空时，引擎按每个配置估算：考虑 GPU 型号、服务器内 GPU 互联、模型规模和集群规模，并给出低 / 预期 / 高区间，对比结果以天数范围显示。有效训练时间占比是实际用于训练的时间比例（扣除故障、重启和检查点）。比例可输入为 0.4 或 40%。</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) from today</source>
            <translation>
                <numerusform>距今天 %n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>days</source>
            <translation>天</translation>
        </message>
        <message>
            <source>Lead time before training (days):</source>
            <translation>训练前的交付周期（天）：</translation>
        </message>
        <message>
            <source>The deadline counts calendar days from the order: delivery, installation and acceptance (the lead time), then training.</source>
            <translation>截止期从下单起按日历天数计算：先是交货、安装和验收（交付周期），然后是训练。</translation>
        </message>
    </context>
    <context>
        <name>AddLineDialog</name>
        <message>
            <source>Add a line</source>
            <translation>添加一行</translation>
        </message>
        <message>
            <source>e.g. site survey, as quoted by the vendor</source>
            <translation>例如：现场勘察（按厂商报价）</translation>
        </message>
        <message>
            <source>Category:</source>
            <translation>类别：</translation>
        </message>
        <message>
            <source>Description:</source>
            <translation>描述：</translation>
        </message>
        <message>
            <source>Quantity:</source>
            <translation>数量：</translation>
        </message>
        <message>
            <source>Unit price (before discount and VAT):</source>
            <translation>单价（折扣及增值税前）：</translation>
        </message>
    </context>
    <context>
        <name>BomEditBar</name>
        <message>
            <source>Prices typed are list prices (the discount comes off)</source>
            <translation>输入的价格为标价（按折扣减免）</translation>
        </message>
        <message>
            <source>Prices typed are net prices (paid, not discounted again)</source>
            <translation>输入的价格为净价（实付价，不再打折）</translation>
        </message>
        <message>
            <source>Add line…</source>
            <translation>添加一行…</translation>
        </message>
        <message>
            <source>Revert override</source>
            <translation>撤销修改</translation>
        </message>
        <message>
            <source>The plan's quantity and price apply again; a line you added is removed</source>
            <translation>恢复方案计算的数量和价格；您添加的行将被删除</translation>
        </message>
        <message>
            <source>set by you; double-click a quantity or unit price to change it</source>
            <translation>由您设定；双击数量或单价即可修改</translation>
        </message>
    </context>
    <context>
        <name>QuotedPricesBar</name>
        <message>
            <source>Re-price with today's list…</source>
            <translation>按当前价格表重新计价…</translation>
        </message>
        <message>
            <source>Priced with the prices saved with the plan on %1 (%2), as quoted.</source>
            <translation>按方案于 %1 保存的价格（%2）计价，与报价一致。</translation>
        </message>
        <message numerus="yes">
            <source>The totals of %n configuration(s) differ from the quote saved in the file: the catalog has changed since (%1, now %2).</source>
            <translation>
                <numerusform>%n 个配置的总额与文件中保存的报价不同：产品目录已更改（%1，现为 %2）。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RepriceDialog</name>
        <message>
            <source>Re-price with today's list</source>
            <translation>按当前价格表重新计价</translation>
        </message>
        <message numerus="yes">
            <source>Prices saved on %1 against today's price list: %n configuration(s) would change.</source>
            <translation>
                <numerusform>%1 保存的价格与当前价格表相比：%n 个配置会发生变化。</numerusform>
            </translation>
        </message>
        <message>
            <source>Today's price list gives the same totals as the prices saved on %1.</source>
            <translation>当前价格表与 %1 保存的价格得出的总额相同。</translation>
        </message>
        <message>
            <source>Configuration / line</source>
            <translation>配置 / 行</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>已保存</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>当前</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>变化</translation>
        </message>
        <message>
            <source>Change (%)</source>
            <translation>变化（%）</translation>
        </message>
        <message>
            <source>Use today's prices</source>
            <translation>使用当前价格</translation>
        </message>
        <message>
            <source>Keep the saved prices</source>
            <translation>保留已保存的价格</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>不可行</translation>
        </message>
        <message>
            <source>capex</source>
            <translation>资本支出</translation>
        </message>
        <message>
            <source>new line</source>
            <translation>新增行</translation>
        </message>
        <message>
            <source>no longer planned</source>
            <translation>不再需要</translation>
        </message>
    </context>
    <context>
        <name>QuotedPrices</name>
        <message>
            <source>Cannot re-price</source>
            <translation>无法重新计价</translation>
        </message>
    </context>
    <context>
        <name>QuoteImportDialog</name>
        <message>
            <source>Configuration:</source>
            <translation>配置：</translation>
        </message>
        <message>
            <source>(your choice)</source>
            <translation>（您的选择）</translation>
        </message>
        <message>
            <source>(the RFQ it answers)</source>
            <translation>（所答复的询价单）</translation>
        </message>
        <message>
            <source>(named in its server line)</source>
            <translation>（服务器行中注明）</translation>
        </message>
        <message>
            <source>(the vendor's only one)</source>
            <translation>（该厂商唯一的配置）</translation>
        </message>
        <message>
            <source>(best matching lines: check it)</source>
            <translation>（按最匹配的行选定：请核对）</translation>
        </message>
        <message>
            <source>Quotations (*.xlsx *.csv *.pdf)</source>
            <translation>报价单 (*.xlsx *.csv *.pdf)</translation>
        </message>
        <message>
            <source>Import vendor quote</source>
            <translation>导入供应商报价</translation>
        </message>
        <message>
            <source>Add quotation…</source>
            <translation>添加报价单…</translation>
        </message>
        <message>
            <source>Quotation:</source>
            <translation>报价单：</translation>
        </message>
        <message>
            <source>Add a vendor's quotation (.xlsx or .csv) to check it against the plan.</source>
            <translation>添加供应商报价单（.xlsx 或 .csv），与方案逐项核对。</translation>
        </message>
        <message>
            <source>Columns read</source>
            <translation>读取的列</translation>
        </message>
        <message>
            <source>Line number</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Part number</source>
            <translation>物料编码</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <source>Line total</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Remember for this vendor</source>
            <translation>记住此供应商的列设置</translation>
        </message>
        <message>
            <source>Apply mapping</source>
            <translation>应用列设置</translation>
        </message>
        <message>
            <source>Reconciliation</source>
            <translation>逐项核对</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>核对结果</translation>
        </message>
        <message>
            <source>Save report…</source>
            <translation>保存核对报告…</translation>
        </message>
        <message>
            <source>Learn prices</source>
            <translation>采用报价价格</translation>
        </message>
        <message>
            <source>Quotations (*.xlsx *.csv)</source>
            <translation>报价单 (*.xlsx *.csv)</translation>
        </message>
        <message>
            <source>Cannot import the quotation</source>
            <translation>无法导入报价单</translation>
        </message>
        <message>
            <source>Save reconciliation report</source>
            <translation>保存核对报告</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Cannot save the report</source>
            <translation>无法保存报告</translation>
        </message>
        <message>
            <source>Prices learned into %1</source>
            <translation>价格已写入 %1</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>found by ClusterQuote</source>
            <translation>ClusterQuote 自动识别</translation>
        </message>
        <message>
            <source>remembered</source>
            <translation>已记住的设置</translation>
        </message>
        <message>
            <source>corrected</source>
            <translation>已手动更正</translation>
        </message>
        <message>
            <source>Header row %1 (%2)</source>
            <translation>表头在第 %1 行（%2）</translation>
        </message>
        <message>
            <source>excluding VAT</source>
            <translation>不含税</translation>
        </message>
        <message>
            <source>including VAT</source>
            <translation>含税</translation>
        </message>
        <message>
            <source>%1 quote %2 of %3, %4, prices %5; reconciled with %6.</source>
            <translation>%1 报价单 %2（%3），%4，价格%5；与 %6 核对。</translation>
        </message>
        <message>
            <source>Vendor's total %1, computed %2 (%3, excluding VAT).</source>
            <translation>供应商总价 %1，核算 %2（%3，不含税）。</translation>
        </message>
        <message>
            <source>Findings: %1 quantity, %2 price, %3 missing, %4 extra, %5 arithmetic, %6 ambiguous.</source>
            <translation>核对结果：数量 %1 项，价格 %2 项，漏报 %3 项，多报 %4 项，计算错误 %5 项，存疑 %6 项。</translation>
        </message>
        <message>
            <source>Normalised total</source>
            <translation>归一后总价</translation>
        </message>
        <message>
            <source>As quoted</source>
            <translation>原报价</translation>
        </message>
        <message>
            <source>Adjustments to the plan's scope, each with its source:</source>
            <translation>按方案范围所作调整（均注明来源）：</translation>
        </message>
        <message>
            <source>Quotation</source>
            <translation>报价单</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>调整</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Discount</source>
            <translation>折扣</translation>
        </message>
        <message>
            <source>Omitted: added</source>
            <translation>漏报：补足</translation>
        </message>
        <message>
            <source>Quantity short: added</source>
            <translation>数量不足：补足</translation>
        </message>
        <message>
            <source>Quantity over: removed</source>
            <translation>数量超出：扣除</translation>
        </message>
        <message>
            <source>Bundled service: separated</source>
            <translation>捆绑服务：拆分</translation>
        </message>
        <message>
            <source>Outside the plan: set aside</source>
            <translation>方案范围外：剔除</translation>
        </message>
        <message>
            <source>GPU server</source>
            <translation>GPU 服务器</translation>
        </message>
        <message>
            <source>Largest differences (second minus first): %1</source>
            <translation>主要差异（后者减前者）：%1</translation>
        </message>
        <message>
            <source>Put %1 quoted prices into your price list? The next plans are priced from them; the shipped list stays as it is.</source>
            <translation>将 %1 个报价价格写入您的价格表？之后的方案将按这些价格计价；随软件提供的价格表保持不变。</translation>
        </message>
        <message>
            <source>Storage system</source>
            <translation>存储系统</translation>
        </message>
        <message>
            <source>Management servers</source>
            <translation>管理服务器</translation>
        </message>
    </context>
    <context>
        <name>QuoteModels</name>
        <message>
            <source>Quantity differs</source>
            <translation>数量不符</translation>
        </message>
        <message>
            <source>Price differs</source>
            <translation>价格差异</translation>
        </message>
        <message>
            <source>Missing from the quote</source>
            <translation>报价漏项</translation>
        </message>
        <message>
            <source>Sum does not add up</source>
            <translation>合计不符</translation>
        </message>
        <message>
            <source>Ambiguous</source>
            <translation>存疑</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Part number</source>
            <translation>物料编码</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Plan item</source>
            <translation>方案项目</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>匹配度</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>核对结果</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>应为</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>实为</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>说明</translation>
        </message>
    </context>
    <context>
        <name>BomView</name>
        <message>
            <source>Configuration:</source>
            <translation>配置：</translation>
        </message>
    </context>
    <context>
        <name>ChartTab</name>
        <message>
            <source>Configurations…</source>
            <translation>选择配置…</translation>
        </message>
        <message>
            <source>The chart's own choice</source>
            <translation>图表默认选择</translation>
        </message>
        <message>
            <source>Shows %1 of %2 configurations: %3</source>
            <translation>显示 %2 个配置中的 %1 个：%3</translation>
        </message>
    </context>
    <context>
        <name>OverviewView</name>
        <message>
            <source>All configurations</source>
            <translation>全部配置</translation>
        </message>
        <message>
            <source>Those that can be built</source>
            <translation>可组建的配置</translation>
        </message>
        <message>
            <source>Those that meet the deadline</source>
            <translation>满足工期的配置</translation>
        </message>
        <message>
            <source>The recommended ones</source>
            <translation>推荐的配置</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>提示</translation>
        </message>
        <message>
            <source>Configurations</source>
            <translation>配置</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>显示：</translation>
        </message>
        <message>
            <source>%1 of %2 configurations</source>
            <translation>%2 个配置中的 %1 个</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>%1 GPUs, %2 days, capex %3</source>
            <translation>%1 块 GPU，%2 天，一次性投资 %3</translation>
        </message>
        <message>
            <source>Cheapest that meets the deadline: %1</source>
            <translation>满足工期且最便宜：%1</translation>
        </message>
        <message>
            <source>Fastest: %1</source>
            <translation>最快：%1</translation>
        </message>
        <message>
            <source>Lowest TCO: %1</source>
            <translation>总拥有成本最低：%1</translation>
        </message>
        <message>
            <source>at risk: %1–%2 days across the efficiency band; the worst case misses the %3-day deadline</source>
            <translation>有风险：按效率区间需 %1–%2 天，最差情况超出 %3 天的工期</translation>
        </message>
        <message>
            <source>Refused: %1</source>
            <translation>不可组建：%1</translation>
        </message>
        <message>
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>The only option in scope (named, not ranked): %1</source>
            <translation>比较范围内的唯一方案（仅列出，不排名）：%1</translation>
        </message>
    </context>
    <context>
        <name>PairView</name>
        <message>
            <source>Discount</source>
            <translation>折扣</translation>
        </message>
        <message>
            <source>Net, before VAT</source>
            <translation>净额（不含增值税）</translation>
        </message>
        <message>
            <source>VAT</source>
            <translation>增值税</translation>
        </message>
        <message>
            <source>Proposed pairs (same GPU class and link):</source>
            <translation>建议的对比组合（GPU 类别与互联方式相同）：</translation>
        </message>
        <message>
            <source>Lenovo:</source>
            <translation>联想：</translation>
        </message>
        <message>
            <source>Inspur:</source>
            <translation>浪潮：</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Difference (Inspur − Lenovo)</source>
            <translation>差额（浪潮 − 联想）</translation>
        </message>
        <message>
            <source>Bold green ✓: the better value of the two. Differences are Inspur minus Lenovo; % is of the Lenovo figure.</source>
            <translation>绿色粗体 ✓：两者中较优的数值。差额为浪潮减联想；% 以联想的数值为基数。</translation>
        </message>
        <message>
            <source>(same GPU)</source>
            <translation>（相同 GPU）</translation>
        </message>
        <message>
            <source>(no equivalent pair among these configurations)</source>
            <translation>（这些配置中没有可对等比较的组合）</translation>
        </message>
        <message>
            <source>The better value of the two</source>
            <translation>两者中较优的数值</translation>
        </message>
        <message>
            <source>BOM: %1</source>
            <translation>物料清单：%1</translation>
        </message>
        <message>
            <source>Against the domestic option</source>
            <translation>对比国产方案</translation>
        </message>
        <message>
            <source>Difference (%1 − %2)</source>
            <translation>差额（%1 − %2）</translation>
        </message>
        <message>
            <source>Peak per server, %1 (%2 dense / sparse)</source>
            <translation>每台服务器峰值，%1（%2，稠密 / 稀疏）</translation>
        </message>
        <message>
            <source>FP64 tensor</source>
            <translation>FP64 张量</translation>
        </message>
    </context>
    <context>
        <name>RackView</name>
        <message>
            <source>Export as PNG…</source>
            <translation>导出为 PNG…</translation>
        </message>
        <message>
            <source>Configuration:</source>
            <translation>配置：</translation>
        </message>
        <message>
            <source>%1 cannot be built, so it has no racks.</source>
            <translation>%1 无法组建，因此没有机柜。</translation>
        </message>
        <message>
            <source>Export racks as PNG</source>
            <translation>将机柜图导出为 PNG</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
    </context>
    <context>
        <name>Refusals</name>
        <message>
            <source>Direct liquid cooling: %1 of %2 configurations are air-cooled and were refused.</source>
            <translation>直接液冷：%2 个配置中有 %1 个为风冷服务器，已被排除。</translation>
        </message>
        <message>
            <source>Plan with air cooling</source>
            <translation>改用风冷规划</translation>
        </message>
        <message>
            <source>Coolant loop: %1 of %2 configurations are direct-liquid cooled and need liquid cooling; they were refused.</source>
            <translation>冷却液回路：%2 个配置中有 %1 个为直接液冷服务器，需要液冷，已被排除。</translation>
        </message>
        <message>
            <source>Plan with liquid cooling</source>
            <translation>改用液冷规划</translation>
        </message>
        <message>
            <source>Rack budget: %1 of %2 configurations cannot place one server in a rack.</source>
            <translation>机柜功率上限：%2 个配置中有 %1 个连一台服务器都放不进一个机柜。</translation>
        </message>
        <message>
            <source>Raise the rack budget to %1 kW</source>
            <translation>将机柜功率上限提高到 %1 kW</translation>
        </message>
        <message>
            <source>Precision %1: %2 of %3 configurations have GPUs without it and were refused.</source>
            <translation>精度 %1：%3 个配置中有 %2 个的 GPU 不支持该精度，已被排除。</translation>
        </message>
        <message>
            <source>Plan in BF16</source>
            <translation>改用 BF16 规划</translation>
        </message>
        <message>
            <source>%1 of %2 configurations were refused: %3</source>
            <translation>%2 个配置中有 %1 个被排除：%3</translation>
        </message>
        <message>
            <source>No configuration meets the %1-day deadline: the fastest needs %2 days.</source>
            <translation>没有配置能满足 %1 天的工期：最快的也需要 %2 天。</translation>
        </message>
        <message>
            <source>Move the deadline to %1 days</source>
            <translation>将工期调整为 %1 天</translation>
        </message>
    </context>
    <context>
        <name>Units</name>
        <message>
            <source>CNY/kW-month</source>
            <translation>元/千瓦/月</translation>
        </message>
        <message>
            <source>USD/kW-month</source>
            <translation>美元/千瓦/月</translation>
        </message>
    </context>
    <context>
        <name>HeadlineView</name>
        <message>
            <source>%1: P50 %2, P90 %3 calendar days</source>
            <translation>%1：P50 %2 天，P90 %3 天（日历天数）</translation>
        </message>
        <message>
            <source>; deadline %1 days, sized for %2% confidence</source>
            <translation>；工期 %1 天，按 %2% 置信度配置</translation>
        </message>
        <message>
            <source>Could not plan: %1</source>
            <translation>无法规划：%1</translation>
        </message>
        <message>
            <source>on a fleet of %1 GPUs</source>
            <translation>使用 %1 块 GPU</translation>
        </message>
        <message>
            <source>within %1 days</source>
            <translation>工期 %1 天</translation>
        </message>
        <message>
            <source>%1 PF/s-days (%2 FLOPs), %3</source>
            <translation>%1 PF/s-天（%2 FLOPs），%3</translation>
        </message>
    </context>
    <context>
        <name>PriceImport</name>
        <message>
            <source>Import price list</source>
            <translation>导入价格表</translation>
        </message>
        <message>
            <source>Reading %1…</source>
            <translation>正在读取 %1…</translation>
        </message>
        <message>
            <source>Reading %1: %2 rows…</source>
            <translation>正在读取 %1：已读 %2 行…</translation>
        </message>
        <message>
            <source>Imported %1: took %2 lines and replaced %3 shipped prices; the %4 items it lacks keep their shipped prices.</source>
            <translation>已导入 %1：读取 %2 行，替换 %3 个随附价格；其未包含的 %4 个项目沿用随附价格。</translation>
        </message>
        <message>
            <source>%1 items are not in the catalog and are not used (e.g. %2).</source>
            <translation>%1 个项目不在产品目录中，不会被使用（例如 %2）。</translation>
        </message>
    </context>
    <context>
        <name>Recovery</name>
        <message>
            <source>It was moved to %1.</source>
            <translation>该文件已移至 %1。</translation>
        </message>
        <message>
            <source>It could not be moved and was removed.</source>
            <translation>该文件无法移动，已被删除。</translation>
        </message>
        <message>
            <source>The last plan could not be restored</source>
            <translation>无法恢复上次的方案</translation>
        </message>
        <message>
            <source>ClusterQuote did not close properly last time, and the plan it kept for you cannot be read: %1</source>
            <translation>ClusterQuote 上次未正常关闭，为您保留的方案无法读取：%1</translation>
        </message>
    </context>
    <context>
        <name>Choices</name>
        <message>
            <source>Own data centre (energy only)</source>
            <translation>自有数据中心（仅电费）</translation>
        </message>
        <message>
            <source>Leased IDC racks (rent per kW of rack budget)</source>
            <translation>租用 IDC 机柜（按机柜功率每千瓦计租）</translation>
        </message>
        <message>
            <source>Wholesale data hall (rent per contracted kW)</source>
            <translation>批发机房（按合同千瓦计租）</translation>
        </message>
        <message>
            <source>Cloud rental (GPU-hours; nothing bought)</source>
            <translation>云租用（按 GPU 小时；不采购设备）</translation>
        </message>
        <message>
            <source>The server vendor's storage (DSS-G / AS13000)</source>
            <translation>服务器厂商的存储（DSS-G / AS13000）</translation>
        </message>
        <message>
            <source>Vendor-neutral storage</source>
            <translation>厂商中立的存储</translation>
        </message>
        <message>
            <source>No storage (the site has its own)</source>
            <translation>不含存储（现场已有）</translation>
        </message>
        <message>
            <source>Ampere GPUs</source>
            <translation>Ampere 架构 GPU</translation>
        </message>
        <message>
            <source>Ada GPUs</source>
            <translation>Ada 架构 GPU</translation>
        </message>
        <message>
            <source>Hopper GPUs</source>
            <translation>Hopper 架构 GPU</translation>
        </message>
        <message>
            <source>%1 kW by GPU generation</source>
            <translation>%1 kW（按 GPU 代次）</translation>
        </message>
        <message>
            <source>today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>The GPUs' export-licence status is taken as of this date (empty: today).</source>
            <translation>GPU 的出口许可状态按此日期判断（留空：今天）。</translation>
        </message>
        <message>
            <source>Where the cluster is bought: a two-letter country code, e.g. CN</source>
            <translation>集群的采购地：两个字母的国家代码，例如 CN</translation>
        </message>
    </context>
    <context>
        <name>Notices</name>
        <message>
            <source>EXPORT LICENCE REQUIRED in %1 (as of %2) for %3: confirm the vendor can deliver before ordering.</source>
            <translation>在 %1 需要出口许可证（截至 %2）：%3。下单前请确认厂商能够交货。</translation>
        </message>
        <message>
            <source>The recommendation leaves them out while another GPU can be bought.</source>
            <translation>只要还有其他 GPU 可以采购，推荐就不包括它们。</translation>
        </message>
        <message>
            <source>Every configuration needs a licence: the recommendation holds only if the vendor can deliver.</source>
            <translation>所有配置都需要许可证：只有厂商能够交货，推荐才成立。</translation>
        </message>
        <message>
            <source>Days are a band: the best and worst cases are %1 and %2 × the expected days, the range that held %3 of published training runs, each predicted without itself (%4).</source>
            <translation>天数是一个区间：最好和最坏情况分别为预期天数的 %1 倍和 %2 倍；在已公开的训练中，逐一剔除后预测，%3 落在此区间内（%4）。</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <source>deadline</source>
            <translation>工期</translation>
        </message>
        <message>
            <source>fleet size</source>
            <translation>GPU 规模</translation>
        </message>
        <message>
            <source>lead time</source>
            <translation>交付周期</translation>
        </message>
        <message>
            <source>precision</source>
            <translation>精度</translation>
        </message>
        <message>
            <source>MFU</source>
            <translation>MFU</translation>
        </message>
        <message>
            <source>goodput</source>
            <translation>有效训练时间占比</translation>
        </message>
        <message>
            <source>cooling</source>
            <translation>制冷方式</translation>
        </message>
        <message>
            <source>rack budget</source>
            <translation>机柜功率上限</translation>
        </message>
        <message>
            <source>PUE</source>
            <translation>PUE</translation>
        </message>
        <message>
            <source>currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>hosting</source>
            <translation>托管方式</translation>
        </message>
        <message>
            <source>IDC rent</source>
            <translation>IDC 租金</translation>
        </message>
        <message>
            <source>wholesale rent</source>
            <translation>批发租金</translation>
        </message>
        <message>
            <source>purchase date</source>
            <translation>采购日期</translation>
        </message>
        <message>
            <source>market</source>
            <translation>市场</translation>
        </message>
        <message>
            <source>NVIDIA AI Enterprise</source>
            <translation>NVIDIA AI Enterprise</translation>
        </message>
        <message>
            <source>power price</source>
            <translation>电价</translation>
        </message>
        <message>
            <source>years</source>
            <translation>年限</translation>
        </message>
        <message>
            <source>warranty</source>
            <translation>保修期</translation>
        </message>
        <message>
            <source>maintenance rate</source>
            <translation>年维保费率</translation>
        </message>
        <message>
            <source>exchange rate</source>
            <translation>汇率</translation>
        </message>
        <message>
            <source>goods VAT rate</source>
            <translation>货物增值税率</translation>
        </message>
        <message>
            <source>services VAT rate</source>
            <translation>服务增值税率</translation>
        </message>
        <message>
            <source>discount</source>
            <translation>折扣</translation>
        </message>
        <message>
            <source>storage</source>
            <translation>存储</translation>
        </message>
        <message>
            <source>model and data</source>
            <translation>模型与数据</translation>
        </message>
        <message>
            <source>schedule</source>
            <translation>进度安排</translation>
        </message>
        <message>
            <source>efficiency</source>
            <translation>效率</translation>
        </message>
        <message>
            <source>facility</source>
            <translation>机房设施</translation>
        </message>
        <message>
            <source>finance</source>
            <translation>财务参数</translation>
        </message>
        <message>
            <source>configurations</source>
            <translation>配置</translation>
        </message>
        <message>
            <source>added BOM line</source>
            <translation>添加物料清单行</translation>
        </message>
        <message>
            <source>reverted BOM lines</source>
            <translation>还原物料清单行</translation>
        </message>
        <message>
            <source>change of quantity</source>
            <translation>修改数量</translation>
        </message>
        <message>
            <source>change of unit price</source>
            <translation>修改单价</translation>
        </message>
        <message>
            <source>BOM edit</source>
            <translation>修改物料清单</translation>
        </message>
        <message>
            <source>change of %1</source>
            <translation>修改%1</translation>
        </message>
        <message numerus="yes">
            <source>change of %1 and %n more</source>
            <translation>
                <numerusform>修改%1及其他 %n 项</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Pairing</name>
        <message>
            <source>user-entered</source>
            <translation>用户录入</translation>
        </message>
    </context>
    <context>
        <name>SystemEditor</name>
        <message>
            <source>FP64 tensor peak (TFLOPS)</source>
            <translation>FP64 张量峰值（TFLOPS）</translation>
        </message>
        <message>
            <source>FP64 peak (TFLOPS)</source>
            <translation>FP64 峰值（TFLOPS）</translation>
        </message>
        <message>
            <source>FP32 peak (TFLOPS)</source>
            <translation>FP32 峰值（TFLOPS）</translation>
        </message>
        <message>
            <source>TF32 dense peak (TFLOPS)</source>
            <translation>TF32 稠密峰值（TFLOPS）</translation>
        </message>
        <message>
            <source>BF16 dense peak (TFLOPS)</source>
            <translation>BF16 稠密峰值（TFLOPS）</translation>
        </message>
        <message>
            <source>FP16 dense peak (TFLOPS)</source>
            <translation>FP16 稠密峰值（TFLOPS）</translation>
        </message>
        <message>
            <source>FP8 dense peak (TFLOPS)</source>
            <translation>FP8 稠密峰值（TFLOPS）</translation>
        </message>
        <message>
            <source>INT8 dense peak (TOPS)</source>
            <translation>INT8 稠密峰值（TOPS）</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Maker</source>
            <translation>制造商</translation>
        </message>
        <message>
            <source>Architecture</source>
            <translation>架构</translation>
        </message>
        <message>
            <source>Form factor</source>
            <translation>形态</translation>
        </message>
        <message>
            <source>Memory (GB)</source>
            <translation>显存（GB）</translation>
        </message>
        <message>
            <source>Memory type</source>
            <translation>显存类型</translation>
        </message>
        <message>
            <source>Memory bandwidth (GB/s)</source>
            <translation>显存带宽（GB/s）</translation>
        </message>
        <message>
            <source>GPU-to-GPU link</source>
            <translation>GPU 互联</translation>
        </message>
        <message>
            <source>GPU-to-GPU bandwidth (GB/s, 0 for PCIe only)</source>
            <translation>GPU 互联带宽（GB/s，仅 PCIe 时为 0）</translation>
        </message>
        <message>
            <source>TDP (W)</source>
            <translation>热设计功耗（W）</translation>
        </message>
        <message>
            <source>2:4 sparse peaks (twice the dense ones)</source>
            <translation>2:4 稀疏峰值（稠密峰值的两倍）</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Verified in a vendor document</source>
            <translation>已在厂商文件中核实</translation>
        </message>
        <message>
            <source>Vendor</source>
            <translation>厂商</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>型号</translation>
        </message>
        <message>
            <source>Variant</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Chinese name</source>
            <translation>中文名称</translation>
        </message>
        <message>
            <source>Part number</source>
            <translation>部件号</translation>
        </message>
        <message>
            <source>Height (U)</source>
            <translation>高度（U）</translation>
        </message>
        <message>
            <source>Weight (kg)</source>
            <translation>重量（kg）</translation>
        </message>
        <message>
            <source>Power supplies (count)</source>
            <translation>电源数量</translation>
        </message>
        <message>
            <source>Power per supply (W)</source>
            <translation>单个电源功率（W）</translation>
        </message>
        <message>
            <source>Supplies that may fail (count)</source>
            <translation>允许故障的电源数</translation>
        </message>
        <message>
            <source>GPU form factors it takes (comma-separated)</source>
            <translation>支持的 GPU 形态（逗号分隔）</translation>
        </message>
        <message>
            <source>GPU slots</source>
            <translation>GPU 槽位</translation>
        </message>
        <message>
            <source>CPUs (N × part)</source>
            <translation>CPU（N × 部件）</translation>
        </message>
        <message>
            <source>Memory (N × part)</source>
            <translation>内存（N × 部件）</translation>
        </message>
        <message>
            <source>Storage (N × part)</source>
            <translation>存储（N × 部件）</translation>
        </message>
        <message>
            <source>Cooling</source>
            <translation>散热方式</translation>
        </message>
        <message>
            <source>Slots for compute HCAs</source>
            <translation>计算网卡槽位</translation>
        </message>
        <message>
            <source>GPUs per server</source>
            <translation>每台服务器 GPU 数</translation>
        </message>
        <message>
            <source>Link inside the server</source>
            <translation>服务器内互联</translation>
        </message>
        <message>
            <source>Bandwidth inside the server (GB/s)</source>
            <translation>服务器内带宽（GB/s）</translation>
        </message>
        <message>
            <source>Compute HCA</source>
            <translation>计算网卡</translation>
        </message>
        <message>
            <source>Compute HCAs per server</source>
            <translation>每台服务器计算网卡数</translation>
        </message>
        <message>
            <source>Maximum power (W)</source>
            <translation>最大功率（W）</translation>
        </message>
        <message>
            <source>Power under training load (W)</source>
            <translation>训练负载功率（W）</translation>
        </message>
        <message>
            <source>Description (English)</source>
            <translation>描述（英文）</translation>
        </message>
        <message>
            <source>Description (Chinese)</source>
            <translation>描述（中文）</translation>
        </message>
        <message>
            <source>Price per server, as configured</source>
            <translation>每台服务器价格（按此配置）</translation>
        </message>
        <message>
            <source>Price per accelerator (spares)</source>
            <translation>每块加速卡价格（备件）</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Where the prices come from</source>
            <translation>价格来源</translation>
        </message>
        <message>
            <source>Price confidence (high: a vendor's firm quote)</source>
            <translation>价格可信度（高：厂商正式报价）</translation>
        </message>
        <message>
            <source>Accelerator</source>
            <translation>加速卡</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Configuration</source>
            <translation>配置</translation>
        </message>
        <message>
            <source>Prices</source>
            <translation>价格</translation>
        </message>
        <message>
            <source>Edit your system</source>
            <translation>编辑您的系统</translation>
        </message>
        <message>
            <source>Add a system</source>
            <translation>添加系统</translation>
        </message>
        <message>
            <source>Figures start from the system chosen; give every record you change an id of its own. Each is checked by the rules the shipped catalog obeys, and kept in your data folder.</source>
            <translation>数据从所选系统开始；您修改的每条记录都要另起编号。每条记录按内置产品目录的同样规则校验，并保存在您的数据文件夹中。</translation>
        </message>
        <message>
            <source>Start from</source>
            <translation>起始系统</translation>
        </message>
        <message>
            <source>lower-case letters, digits and hyphens</source>
            <translation>小写字母、数字和连字符</translation>
        </message>
        <message>
            <source>your system</source>
            <translation>您的系统</translation>
        </message>
        <message>
            <source>air</source>
            <translation>风冷</translation>
        </message>
        <message>
            <source>liquid-to-air</source>
            <translation>液冷转风冷</translation>
        </message>
        <message>
            <source>liquid</source>
            <translation>液冷</translation>
        </message>
        <message>
            <source>low</source>
            <translation>低</translation>
        </message>
        <message>
            <source>medium</source>
            <translation>中</translation>
        </message>
        <message>
            <source>high</source>
            <translation>高</translation>
        </message>
    </context>
    <context>
        <name>Optimise</name>
        <message>
            <source>deadline</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <source>Search to see the cheapest ways to meet the deadline.</source>
            <translation>点击“搜索”，查看按期完成的最省钱方案。</translation>
        </message>
        <message>
            <source>cheapest meeting the odds</source>
            <translation>达到概率要求的最低成本方案</translation>
        </message>
        <message>
            <source>chosen</source>
            <translation>已选方案</translation>
        </message>
        <message>
            <source>Calendar days from the order, P%1 (lead time and training)</source>
            <translation>自下单起的日历天数，P%1（含交付周期与训练）</translation>
        </message>
        <message>
            <source>Cost against calendar days</source>
            <translation>成本与日历天数</translation>
        </message>
        <message>
            <source>Off the chart, slower: %1 →</source>
            <translation>图外更慢的方案：%1 个 →</translation>
        </message>
        <message>
            <source>P10, P50 and P90 of this variant; the search keeps the whole curve for the ★ variant</source>
            <translation>此方案的 P10、P50 和 P90；搜索只为 ★ 方案保留整条曲线</translation>
        </message>
        <message>
            <source>Choose a variant to see its odds.</source>
            <translation>选择一个方案以查看其按期完成概率。</translation>
        </message>
        <message>
            <source>asked odds %1</source>
            <translation>要求的概率 %1</translation>
        </message>
        <message>
            <source>on time in %1 of the draws</source>
            <translation>%1 的抽样按期完成</translation>
        </message>
        <message>
            <source>Calendar days from the order</source>
            <translation>自下单起的日历天数</translation>
        </message>
        <message>
            <source>Share of draws finished</source>
            <translation>已完成的抽样比例</translation>
        </message>
        <message>
            <source>Air</source>
            <translation>风冷</translation>
        </message>
        <message>
            <source>Rear door</source>
            <translation>背板换热</translation>
        </message>
        <message>
            <source>Direct liquid</source>
            <translation>直接液冷</translation>
        </message>
        <message>
            <source>Own data centre</source>
            <translation>自有数据中心</translation>
        </message>
        <message>
            <source>Leased IDC</source>
            <translation>租用 IDC 机柜</translation>
        </message>
        <message>
            <source>Wholesale hall</source>
            <translation>批发机房</translation>
        </message>
        <message>
            <source>Cloud rental</source>
            <translation>云租用</translation>
        </message>
        <message>
            <source>Configuration</source>
            <translation>配置</translation>
        </message>
        <message>
            <source>Clear to buy</source>
            <translation>可直接采购</translation>
        </message>
        <message>
            <source>Licence case by case</source>
            <translation>需逐案许可</translation>
        </message>
        <message>
            <source>Unsure</source>
            <translation>不确定</translation>
        </message>
        <message>
            <source>Blocked</source>
            <translation>受阻</translation>
        </message>
        <message>
            <source>Market</source>
            <translation>市场</translation>
        </message>
        <message>
            <source>Whether the buyer's market sells this GPU: the worse of its two gates, the US export rule and the import rule</source>
            <translation>买方所在市场能否买到此 GPU：取美国出口规则与进口规则两道关口中较差的一项</translation>
        </message>
        <message>
            <source>Lead time (days)</source>
            <translation>交付周期（天）</translation>
        </message>
        <message>
            <source>GPUs</source>
            <translation>GPU 数</translation>
        </message>
        <message>
            <source>Cooling</source>
            <translation>制冷方式</translation>
        </message>
        <message>
            <source>Rack budget (kW)</source>
            <translation>机柜功率上限（kW）</translation>
        </message>
        <message>
            <source>Hosting</source>
            <translation>托管方式</translation>
        </message>
        <message>
            <source>Capex</source>
            <translation>一次性投资</translation>
        </message>
        <message>
            <source>TCO</source>
            <translation>总拥有成本</translation>
        </message>
        <message>
            <source>Days, P50</source>
            <translation>天数（P50）</translation>
        </message>
        <message>
            <source>Days, P%1</source>
            <translation>天数（P%1）</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>按期概率</translation>
        </message>
        <message>
            <source>The cheapest variant that meets the deadline with at least %1 odds</source>
            <translation>以至少 %1 的概率按期完成的最低成本方案</translation>
        </message>
        <message>
            <source>Only P10, P50 and P90
are known for this variant</source>
            <translation>此方案仅知
P10、P50 和 P90</translation>
        </message>
        <message>
            <source>%1 × %2 (%3)</source>
            <translation>%1 × %2（%3）</translation>
        </message>
        <message>
            <source>%1 at %2 kW a rack</source>
            <translation>%1，每机柜 %2 kW</translation>
        </message>
        <message>
            <source>use of the optimised plan: %1, %2, %3</source>
            <translation>采用优化方案：%1，%2，%3</translation>
        </message>
    </context>
    <context>
        <name>OptimiseView</name>
        <message>
            <source>The odds of meeting the deadline the answer must reach: the cheapest variant whose share of draws finished by the deadline is at least this</source>
            <translation>答案须达到的按期完成概率：选出截止日期前完成的抽样比例不低于此值的最低成本方案</translation>
        </message>
        <message>
            <source>Monte-Carlo draws of efficiency, goodput, lead time, prices and exchange rate; more draws, steadier odds, a longer search</source>
            <translation>对效率、有效训练时间比例、交付周期、价格和汇率进行蒙特卡洛抽样；抽样越多，概率越稳定，搜索越久</translation>
        </message>
        <message>
            <source>Total cost of ownership</source>
            <translation>总拥有成本</translation>
        </message>
        <message>
            <source>Capex</source>
            <translation>一次性投资</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Odds of meeting the deadline:</source>
            <translation>按期完成概率：</translation>
        </message>
        <message>
            <source>Draws:</source>
            <translation>抽样次数：</translation>
        </message>
        <message>
            <source>Minimise:</source>
            <translation>最小化：</translation>
        </message>
        <message>
            <source>Use this plan</source>
            <translation>采用此方案</translation>
        </message>
        <message>
            <source>Make the chosen variant the plan: its configuration, GPUs, cooling, rack budget and hosting (Edit ▸ Undo takes it back)</source>
            <translation>将所选方案设为当前方案：其配置、GPU 数、制冷方式、机柜功率上限和托管方式（“编辑 ▸ 撤销”可还原）</translation>
        </message>
        <message>
            <source>Make a plan first.</source>
            <translation>请先创建方案。</translation>
        </message>
        <message>
            <source>The search needs a deadline: this plan has a fixed fleet of GPUs. Give it a deadline in days (or undo the plan the search made).</source>
            <translation>搜索需要截止日期：此方案的 GPU 数量是固定的。请为其设置截止天数（或撤销搜索生成的方案）。</translation>
        </message>
        <message>
            <source>The plan has edited bill-of-materials lines, which belong to one configuration. Revert them to search every configuration.</source>
            <translation>此方案有已修改的物料清单行，它们只属于一个配置。请还原这些行后再搜索全部配置。</translation>
        </message>
        <message>
            <source>odds</source>
            <translation>概率</translation>
        </message>
        <message>
            <source>draws</source>
            <translation>抽样次数</translation>
        </message>
        <message>
            <source>The %1 field: %2</source>
            <translation>“%1”字段：%2</translation>
        </message>
        <message>
            <source>This plan is now a variant of the search below; undo to go back to the plan that was searched.</source>
            <translation>当前方案是下方搜索结果中的一个方案；撤销即可回到搜索时的方案。</translation>
        </message>
        <message>
            <source>The plan changed since this search: search again for figures that match it.</source>
            <translation>方案在此次搜索后已更改：请重新搜索，以得到与之相符的数字。</translation>
        </message>
        <message>
            <source>Searching the design space… %1 s</source>
            <translation>正在搜索设计空间… %1 秒</translation>
        </message>
        <message>
            <source>Search cancelled; the plan and the results shown before are kept.</source>
            <translation>搜索已取消；方案和之前显示的结果均保留。</translation>
        </message>
        <message>
            <source>Search cancelled; the plan is kept.</source>
            <translation>搜索已取消；方案保持不变。</translation>
        </message>
        <message>
            <source>Could not search: %1</source>
            <translation>无法搜索：%1</translation>
        </message>
        <message>
            <source>Searched %1 variants with %2 draws each in %3 s (seed %4).</source>
            <translation>已搜索 %1 个方案，每个方案抽样 %2 次，用时 %3 秒（随机种子 %4）。</translation>
        </message>
        <message>
            <source>No variant meets the deadline with %1 odds: the front shows how close each comes.</source>
            <translation>没有方案能以 %1 的概率按期完成：前沿显示各方案离要求有多近。</translation>
        </message>
        <message>
            <source>★ saves %1 against the plan's own cheapest meeting the same odds.</source>
            <translation>★ 比当前方案自身在相同概率下的最低成本方案节省 %1。</translation>
        </message>
        <message>
            <source>Not searched (the market does not sell them): %1.</source>
            <translation>未搜索（市场不供货）：%1。</translation>
        </message>
        <message>
            <source>%1: %2 GPUs, %3 cooling at %4 kW a rack, %5. Capex %6, TCO %7. Calendar days P10 %8, P50 %9, P90 %10; on time in %11 of the draws.</source>
            <translation>%1：%2 个 GPU，采用%3，每机柜 %4 kW，%5。一次性投资 %6，总拥有成本 %7。日历天数 P10 %8、P50 %9、P90 %10；%11 的抽样按期完成。</translation>
        </message>
    </context>
</TS>
