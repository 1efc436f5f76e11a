/** The office tool's help, in Chinese: what a clerk reads first. */
export const HELP = `南庄镇重大事故隐患公开 · 办公室工具

用法：npm run office -- <命令> [参数]

每月公开
  month new YYYY-MM                  从上月清单新建本月清单和调度表（未销号的隐患自动接续）
  month check [YYYY-MM]              校验内容文件（与发布前的校验相同），列出所有待填写和错误之处
  table template --out 文件夹 [--month YYYY-MM --village 村代码]
                                     生成调度表模板（.xlsx 和 .csv），发给各村填报
  table import 文件 --month YYYY-MM --village 村代码
                                     把某村填好的调度表（.xlsx 或 .csv）写入该月调度表；
                                     有任何错误时不写入，并按单元格（如 C7）列出
  report YYYY-MM --out 文件夹 [--date 填报日期] [--dist 构建目录]
                                     生成报县材料：全镇调度表（.xlsx，各村及全镇合计，版式同实施方案附件，
                                     附填报说明）和当月公开页面的 A4 打印版（.pdf，页眉为文件号，页脚为页码）；
                                     须先运行 npm run build，填报日期默认今天
  ledger export YYYY-MM --out 台账.xlsx
                                     把该月隐患清单导出为 Excel/WPS 台账（下拉选项、日期格式、填报说明）
  ledger import 台账.xlsx --month YYYY-MM
                                     把填好的台账写入该月隐患清单：按编号更新，编号留空的新增并自动编号；
                                     有任何错误时不写入，并按“工作表 · 单元格”列出（如 台账 · O12 · 整改期限）

每周例会
  due [--month YYYY-MM] [--identity 私钥文件]
                                     督办清单：已逾期、7 天内到期、缺少最近一个周四书面反馈的限期整改隐患，
                                     按交办对象分组，可直接打印（默认最新一期清单；截至今天，
                                     或该月截至日期，取较早者）；加 --identity 时另列等待办公室答复
                                     超过 7 天的群众举报（条数和编号）

举报
  keys new --out 文件 [--label 姓名]  为办公室成员生成解密私钥（保存到仓库以外），并显示要加到 site.yaml 的公钥
  tips list [--identity 私钥文件]     列出收到的举报：编号、收到日期、大小、处理状态；
                                     加 --identity 时解密，把举报人的补充材料归到原举报下，并显示办理状态
                                     （新举报、有新补充、已回复、已结束），等待办公室的排在前面并注明已等天数
  tips show 编号 --identity 私钥文件 [--photos 文件夹]
                                     解密并显示一条举报及其补充材料和对话；照片再次清除元数据后保存到文件夹
  tips reply 编号 --identity 私钥文件 --message 文字|--file 文件 [--answered] [--close]
                                     给举报人留言（加密，只有持回执号的人和办公室能读），写入 content/receipts.yaml；
                                     --answered 把此前的提问标记为已答复，--close 结束对话。
                                     提问时不要问班次、岗位、在场人员等只有少数人知道的细节，以免暴露举报人
  tips triage 编号 --identity 私钥文件 --status 已收到|核查中|已列入|不属实|已移交 [--hazard NZ-2023-0001] [--note 说明]
                                     记录处理结果，写入 content/receipts.yaml（下次发布后举报人可查询）
  tips promote 编号 --month YYYY-MM --identity 私钥文件
                                     把举报列入该月隐患清单（自动编号，来源“群众举报”），并标记为“已列入”
  tips export --out 文件夹            备份全部举报密文（可用标准 age -d 解密）
  tips archive --out 文件夹 --identity 私钥文件 [--keep-days N]
                                     把尚未归档的举报和补充材料存到本机（age 密文＋清单.json），读回核对后从网站删除；
                                     近 N 天收到的暂留网站，到期由清理任务删除
  tips sweep                         删除已过期的防滥用校验记录和到期的已归档举报（Netlify 上每小时自动运行；自建服务器请用 cron 每小时运行）
  tips digest [--day YYYY-MM-DD] [--send]
                                     统计某日（默认昨日）收到的举报条数；加 --send 发到 TIP_DIGEST_WEBHOOKS 设置的
                                     企业微信、钉钉群机器人。只发条数和查看办法，不含编号、回执号、时间和内容；
                                     附队列中未处理的条数；当日没有举报时不发送，同一天只发送一次
                                     （Netlify 上每天 9 点自动运行；自建服务器由定时器运行）

举报队列：默认读取本机 npm start 使用的本地存储（.netlify/blobs-serve）。
设置 NETLIFY_SITE_ID 和 NETLIFY_AUTH_TOKEN 后读取正式网站的队列。命令开头会说明正在使用哪一个。

帮助：npm run office -- help`;
