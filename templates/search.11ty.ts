import { h } from 'hastscript';
import { SEARCH_CLIENT_PATH, SEARCH_INDEX_PATH } from '../src/search/index.ts';
import type { PageSlice } from '../src/site/page-plan.ts';
import type { SiteModel } from '../src/site/views.ts';
import { href, page, searchForm } from './_includes/layout.ts';
import { topicChip } from './_includes/parts.ts';
import { singlePage } from './_includes/single.ts';

/**
 * The search page's markup; src/search/client.ts brings it to life. The interactive part is laid
 * out from the first paint, so nothing moves when the script starts (it used to start hidden and
 * appear, a layout shift of 0.16); a reader without JavaScript gets a stylesheet that hides it,
 * and sees only the notice and the topic pages, not a box that cannot answer. The manifest's
 * URL, already under the base path, is the one thing the client needs from the page (the CSP
 * forbids inline script, so it travels as a data attribute).
 */
export default class SearchPage {
  data() {
    return singlePage('search', '/search/');
  }

  render({ site, slice }: { site: SiteModel; slice: PageSlice }): string {
    const base = site.digest.base;
    const topics = site.topics.filter((topic) => topic.articles.length > 0 || topic.id !== 'other');
    return page({
      site,
      title: '搜索',
      description: '按关键词和主题即时搜索全部文章,中英文皆可。',
      section: 'search',
      path: '/search/',
      scripts: [SEARCH_CLIENT_PATH],
      noscriptStylesheet: '/assets/noscript.css',
      main: [
        h('h1', '搜索'),
        h('section#search.search', { dataIndex: href(base, `${SEARCH_INDEX_PATH}${slice.searchManifest}`), 'aria-label': '搜索文章' }, [
          searchForm(base, 'form#search-form.search-box', 'search-input', {
            placeholder: '扩散、强化学习、Transformer、ViT 分类…',
            spellCheck: 'false',
            maxLength: 200,
            ariaControls: ['results'],
            ariaDescribedBy: ['search-hint'],
          }),
          h(
            'div#search-topics.search-topics',
            { role: 'group', ariaLabel: '按主题筛选' },
            topics.map((topic) =>
              h(`button.chip.topic-${topic.id}`, { type: 'button', dataTopic: topic.id, ariaPressed: 'false', lang: 'zh-CN' }, [
                topic.labelZh,
                h('span.chip-en', { lang: 'en' }, topic.labelEn),
              ]),
            ),
          ),
          h('p#search-hint.search-hint', '边输入边出结果;可选一个或多个主题。↑ ↓ 在结果间移动,Enter 打开,/ 回到搜索框。'),
          h('p#search-status.search-status', { role: 'status', ariaLive: 'polite', ariaAtomic: 'true' }),
          h('ol#results.search-results', { ariaLabel: '搜索结果', dataState: 'idle', dataCount: '0' }),
          h('button#search-more.search-more', { type: 'button', hidden: true }, '显示更多'),
        ]),
        h('noscript', [
          h('p.notice', '搜索需要 JavaScript。不用脚本也可以按主题浏览全部文章:'),
          h('ul.chips', topics.map((topic) => h('li', [topicChip(site, topic.id)]))),
          h('p', [h('a', { href: href(base, '/drops/') }, '或按传输查看全部文章')]),
        ]),
      ],
    });
  }
}
