import { getPublishedContent, type PublishedContent } from '../data/content';
import { Directory } from '../lib/disclosure/directory';

/** What the disclosure pages share: the published content and the village/sector directory. */
export interface DisclosureContext extends PublishedContent {
  directory: Directory;
}

let cached: Promise<DisclosureContext> | undefined;

export function disclosureContext(): Promise<DisclosureContext> {
  return (cached ??= getPublishedContent().then((content) => ({
    ...content,
    directory: new Directory(content.site),
  })));
}
