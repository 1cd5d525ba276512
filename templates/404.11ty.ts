import { h } from 'hastscript';
import type { SiteModel } from '../src/site/views.ts';
import { href, page } from './_includes/layout.ts';
import { singlePage } from './_includes/single.ts';

export default class NotFound {
  data() {
    return singlePage('not-found', '/404.html');
  }

  render({ site }: { site: SiteModel }): string {
    const base = site.digest.base;
    return page({
      site,
      title: '页面不存在',
      description: '找不到这个页面。',
      section: 'none',
      path: '/404.html',
      canonical: false,
      main: [
        h('h1', '找不到这个页面'),
        h('p', ['它可能随某次传输被移除了。试试 ', h('a', { href: href(base, '/search/') }, '搜索'), ',或回到 ', h('a', { href: href(base, '/') }, '首页'), '。']),
      ],
    });
  }
}
