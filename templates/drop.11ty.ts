import { h } from 'hastscript';
import type { DropReport } from '../src/model.ts';
import { articlePath, dropPath, type SiteModel } from '../src/site/views.ts';
import { href, page, rendered } from './_includes/layout.ts';
import { dropDay, dropLabel } from './_includes/parts.ts';

interface Data {
  site: SiteModel;
  drop: DropReport;
}

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
/** Where the date came from, so a maintainer can tell why a drop shows the day it does. */
const DATE_SOURCE_LABEL = { 'file-name': '取自文件名', git: '取自添加该文件的 git 提交', modified: '取自文件的修改时间' } as const;

export default class DropPage {
  data() {
    return {
      pagination: { data: 'slice.drops', size: 1, alias: 'drop' },
      eleventyExcludeFromCollections: true,
      permalink: ({ drop }: Data) => dropPath(drop.id),
    };
  }

  render({ site, drop }: Data): string {
    const base = site.digest.base;
    const entries = drop.listing.map((item) => {
      const article = site.articleById.get(item.articleId);
      return h(`li.drop-entry${item.isNew ? '.is-new' : '.is-repeat'}`, [
        h('span.line-number', `第 ${item.line} 行`),
        h('span.badge', item.isNew ? '新' : '重复'),
        article ? h('a', { href: href(base, articlePath(article.id)) }, [rendered(article.titleHtml)]) : '(未知文章)',
      ]);
    });
    const diagnostics = drop.diagnostics.map((diagnostic) =>
      h(`li.diagnostic.severity-${diagnostic.severity}`, [
        h('code', `${diagnostic.file}${diagnostic.line === null ? '' : `:${diagnostic.line}`}`),
        ` ${SEVERITY_LABEL[diagnostic.severity]}:${diagnostic.message} `,
        h('code.rule', diagnostic.rule),
      ]),
    );
    return page({
      site,
      title: `${dropLabel(site, drop.id)} · ${drop.file}`,
      description: `传输文件 ${drop.file}:${drop.entries} 条摘录,${drop.newArticles} 篇新文章。`,
      section: 'drops',
      path: dropPath(drop.id),
      main: [
        h('h1', dropLabel(site, drop.id)),
        h('p.dateline', ['到达于 ', dropDay(site, drop.id), h('span.date-source', `(日期${DATE_SOURCE_LABEL[drop.date.source]})`)]),
        h('p.section-lede', [
          h('code', drop.file),
          ` · ${drop.entries} 条摘录 · ${drop.newArticles} 篇新文章 · ${drop.entries - drop.listing.filter((i) => i.isNew).length} 条此前出现过`,
        ]),
        h('section', { 'aria-labelledby': 'diagnostics-heading' }, [
          h('h2#diagnostics-heading', `诊断信息(${drop.diagnostics.length})`),
          diagnostics.length > 0 ? h('ul.diagnostics', diagnostics) : h('p', '这个文件没有任何问题。'),
        ]),
        h('section', { 'aria-labelledby': 'entries-heading' }, [
          h('h2#entries-heading', '摘录(按文件中的顺序)'),
          entries.length > 0 ? h('ol.drop-entries', entries) : h('p', '这个文件里没有读到文章。'),
        ]),
      ],
    });
  }
}
