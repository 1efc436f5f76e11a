import { perContent, type PublishedContent } from './content';
import { Directory } from '../lib/disclosure/directory';

/** What the disclosure pages share: the published content and the village/sector directory. */
export interface DisclosureContext extends PublishedContent {
  directory: Directory;
}

export const disclosureContext: () => Promise<DisclosureContext> = perContent((content) => ({
  ...content,
  directory: new Directory(content.site),
}));
