/**
 * Every UI string of the site, in one flat dictionary with dotted keys.
 * Content (hazards, summaries) comes from content/; this is only the interface.
 */
export const zhCN = {
  'site.skipLink': '跳到正文',
  'site.sampleBanner': '示例数据：本站当前内容为演示用的虚构数据，不代表真实隐患。',
  'nav.label': '主导航',
  'nav.home': '首页',
  'nav.disclosures': '每月公开',
  'nav.search': '搜索',
  'nav.report': '举报隐患',
  'nav.receipt': '查询举报',
  'nav.data': '开放数据',
  'nav.about': '关于',
  'search.label': '搜索隐患',
  'search.placeholder': '如：燃气、加油站、村名、编号',
  'search.submit': '搜索',
  'search.title': '搜索隐患',
  'search.description': '按关键词、村、行业领域、来源、状态和月份搜索已公开的重大事故隐患。',
  'search.queryLabel': '搜索词',
  'search.queryHint': '可以输入隐患名称、单位名称、村名或隐患编号（如 NZ-2023-0001），多个词用空格分开。',
  'search.filters': '筛选',
  'search.filter.month': '月份',
  'search.filter.village': '村',
  'search.filter.sector': '行业领域',
  'search.filter.source': '来源',
  'search.filter.status': '整改状态',
  'search.filter.all': '全部',
  'search.noScript': '搜索功能需要浏览器启用 JavaScript。您也可以在下方按月份、村或行业领域浏览已公开的隐患。',
  'search.unavailable': '搜索暂时无法使用。您可以在下方按月份、村或行业领域浏览已公开的隐患。',
  'search.prompt': '请输入搜索词，或选择筛选条件。',
  'search.searching': '正在搜索……',
  'search.count': '找到 {count} 条结果。',
  'search.countShown': '找到 {count} 条结果，下面显示前 {shown} 条。',
  'search.none': '没有找到结果。请换一个词，或减少筛选条件。',
  'search.results': '搜索结果',
  'search.more': '显示更多结果',
  'search.number': '编号',
  'search.browse': '按分类浏览',
  'search.browse.months': '每月公开',
  'search.browse.villages': '各村',
  'search.browse.sectors': '各行业领域',
  'footer.office': '举报与咨询',
  'footer.phone': '举报电话',
  'footer.mailbox': '举报邮箱',
} as const;

export type UiKey = keyof typeof zhCN;

export function t(key: UiKey): string {
  return zhCN[key];
}
