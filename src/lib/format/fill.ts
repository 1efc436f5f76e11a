/** Fills `{name}` placeholders of a UI string: fill('截至{date}', { date: '…' }). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
