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
  'footer.office': '举报与咨询',
  'footer.phone': '举报电话',
  'footer.mailbox': '举报邮箱',
} as const;

export type UiKey = keyof typeof zhCN;

export function t(key: UiKey): string {
  return zhCN[key];
}
