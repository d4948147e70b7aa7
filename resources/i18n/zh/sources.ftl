## sources

src-title = 来源
src-price_list = 价格表
src-catalog = 所比较的配置方案：服务器、GPU、市场规则
src-kind = 类别
src-id = 编号
src-name = 名称
src-source = 出处
src-verified = 已核实
src-prices = 本文件物料清单中的部件：价格与来源
src-item = 物料
src-date = 日期
src-confidence = 可信度
src-unit_price = 单价
src-currency = 币种
src-no_catalog = 无法读取产品目录，未列出目录记录。
src-user_entered = 用户录入
