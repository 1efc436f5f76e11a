import { parseExcerpt, tidyExcerpt } from '../../lib/search/excerpt';
import { resultPath } from '../../lib/search/result-path';
import type { SearchMessages } from './messages';
import type { PagefindResultData } from './pagefind-api';

/** The filters shown under a result's title, in this order. */
const SHOWN_FILTERS = ['村', '行业领域', '来源', '状态'] as const;

/** The excerpt, built from text nodes and <mark>s only: indexed text is never parsed as HTML. */
function excerptParagraph(excerpt: string): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  paragraph.className = 'search-result-excerpt';
  for (const part of tidyExcerpt(parseExcerpt(excerpt))) {
    if (part.marked) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      paragraph.append(mark);
    } else {
      paragraph.append(part.text);
    }
  }
  return paragraph;
}

/** One search result: its title linking to the page, its number and filters, the excerpt. */
export function renderResult(data: PagefindResultData, messages: SearchMessages): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';

  const heading = document.createElement('h3');
  const link = document.createElement('a');
  link.href = resultPath(data.url, location.href);
  link.textContent = data.meta['title'] ?? link.getAttribute('href')!;
  heading.append(link);
  item.append(heading);

  const facts: string[] = [];
  const number = data.meta['编号'];
  if (number) facts.push(`${messages.number} ${number}`);
  for (const name of SHOWN_FILTERS) {
    const values = data.filters[name];
    if (values?.length) facts.push(values.join('、'));
  }
  if (facts.length) {
    const meta = document.createElement('p');
    meta.className = 'search-result-meta';
    meta.textContent = facts.join(' · ');
    item.append(meta);
  }

  item.append(excerptParagraph(data.excerpt));
  return item;
}
