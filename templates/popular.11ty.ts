import { h } from 'hastscript';
import { POPULAR_PATH } from '../src/reader/index.ts';
import type { SiteModel } from '../src/site/views.ts';
import { page } from './_includes/layout.ts';
import { singlePage } from './_includes/single.ts';
import { cardList } from './_includes/parts.ts';

/** The articles re-sent most often: the ranking is src/site/reading.ts's popularArticles. */
export default class PopularPage {
  data() {
    return singlePage('popular', POPULAR_PATH);
  }

  render({ site }: { site: SiteModel }): string {
    return page({
      site,
      title: '最常重发',
      description: '被最多次传输重发的文章:不需要账号的热度。',
      section: 'none',
      path: POPULAR_PATH,
      listsDrops: true,
      main: [
        h('h1', '最常重发'),
        h('p.section-lede', `按带来它的传输次数排序,次数相同时最近一次出现较晚的在前。共 ${site.popular.length} 篇。`),
        site.popular.length > 0 ? cardList(site, site.popular, 'h2') : h('p', '还没有文章。'),
      ],
    });
  }
}
