import type { SiteModel } from '../src/site/views.ts';
import { singlePage } from './_includes/single.ts';

/** Topic colours come from the topic table, so a new topic gets its chip colour with no CSS edit. */
export default class TopicsCss {
  data() {
    return singlePage('topics-css', '/assets/topics.css');
  }

  render({ site }: { site: SiteModel }): string {
    const rules = site.topics.map(({ id, colour }) => `.topic-${id} { --topic: ${colour.light}; }`);
    const darkRules = site.topics.map(({ id, colour }) => `  .topic-${id} { --topic: ${colour.dark}; }`);
    return `${rules.join('\n')}\n@media (prefers-color-scheme: dark) {\n${darkRules.join('\n')}\n}\n`;
  }
}
