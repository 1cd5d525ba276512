import { h } from 'hastscript';
import { SAVED_PATH } from '../src/reader/index.ts';
import type { SiteModel } from '../src/site/views.ts';
import { href, page } from './_includes/layout.ts';
import { singlePage } from './_includes/single.ts';

/**
 * The reader's own page: saved articles and words to highlight or mute, all kept in their
 * browser. src/reader/saved-page.ts fills it. The page is laid out as it will be filled, so
 * nothing moves when the script arrives; a reader without script sees only the notice (CSS), and
 * one whose browser blocks storage sees why. articles.json is where a shared list's ids are looked up.
 */
export default class SavedPage {
  data() {
    return singlePage('saved', SAVED_PATH);
  }

  render({ site }: { site: SiteModel }): string {
    const base = site.digest.base;
    return page({
      site,
      title: '收藏与关注词',
      description: '你收藏的文章、分享收藏的链接,以及要高亮或屏蔽的词。都只保存在你的浏览器里。',
      section: 'none',
      path: SAVED_PATH,
      main: [
        h('h1', '收藏与关注词'),
        h('div#saved.saved', { dataArticles: href(base, '/articles.json') }, [
          h('p#saved-blocked.notice', { hidden: true }, '这个浏览器不允许网站在本地保存数据,所以无法收藏或设置关注词。别人分享给你的列表仍然可以查看。'),
          h('section#saved-shared', { hidden: true, ariaLabelledBy: ['saved-shared-heading'] }, [
            h('h2#saved-shared-heading', '分享给你的列表'),
            h('p#saved-shared-status', { role: 'status' }),
            h('div#saved-shared-list.cards'),
            h('p', [h('button#saved-import', { type: 'button', hidden: true }, '全部加入我的收藏')]),
          ]),
          h('section#saved-mine', { ariaLabelledBy: ['saved-mine-heading'] }, [
            h('h2#saved-mine-heading', '我的收藏'),
            h('p.saved-summary', [h('span#saved-count'), ' ', h('a#saved-share', { href: href(base, SAVED_PATH), hidden: true }, '分享这个列表')]),
            h('p.section-lede', '分享链接带着收藏文章的编号:在另一台设备上打开它,就能把列表加进那里的收藏,不需要账号。'),
            h('div#saved-list.cards'),
          ]),
          h('form#words-form.words', { ariaLabelledBy: ['words-heading'] }, [
            h('h2#words-heading', '关注词与屏蔽词'),
            h('p.section-lede', '用逗号分隔几个词。标题或摘要含关注词的卡片会被标出;含屏蔽词的卡片会折叠成一行。中文按字面匹配,英文不分大小写。'),
            h('label', { for: 'words-highlight' }, '关注词'),
            h('input#words-highlight', { type: 'text', autocomplete: 'off', placeholder: '例如:扩散, Transformer' }),
            h('label', { for: 'words-mute' }, '屏蔽词'),
            h('input#words-mute', { type: 'text', autocomplete: 'off', placeholder: '例如:LLM' }),
            h('p', [h('button', { type: 'submit' }, '保存')]),
            h('p#words-status', { role: 'status' }),
          ]),
        ]),
        h('noscript', [h('p.notice', '收藏与关注词保存在你的浏览器里,需要启用 JavaScript。')]),
      ],
    });
  }
}
