import { h } from 'hastscript';
import type { SiteModel } from '../src/site/views.ts';
import { href, page } from './_includes/layout.ts';
import { topicChip } from './_includes/parts.ts';

export default class SearchPage {
  data() {
    return { permalink: '/search/' };
  }

  render({ site }: { site: SiteModel }): string {
    const base = site.digest.base;
    return page({
      site,
      title: '搜索',
      description: '按关键词和主题搜索全部文章。',
      section: 'search',
      path: '/search/',
      main: [
        h('h1', '搜索'),
        h('noscript', [
          h('p.notice', ['搜索需要 JavaScript。也可以按主题浏览,不需要脚本:']),
        ]),
        h('ul.chips', site.topics.map((topic) => h('li', [topicChip(site, topic.id)]))),
        h('p', [h('a', { href: href(base, '/drops/') }, '或查看全部传输')]),
      ],
    });
  }
}
