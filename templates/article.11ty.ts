import { h } from 'hastscript';
import type { PublishedArticle } from '../src/model.ts';
import { describe } from '../src/site/plain-text.ts';
import { articlePath, type SiteModel } from '../src/site/views.ts';
import { href, page, rendered } from './_includes/layout.ts';
import { cardList, dropDay, dropLink, topicChip } from './_includes/parts.ts';

interface Data {
  site: SiteModel;
  entry: { article: PublishedArticle; excerptHtml: string };
}

/** Only http(s) sources become links; ingest already refuses others, this guards the page too. */
const isHttp = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

export default class ArticlePage {
  data() {
    return {
      pagination: { data: 'slice.articles', size: 1, alias: 'entry' },
      permalink: ({ entry }: Data) => articlePath(entry.article.id),
      eleventyExcludeFromCollections: true,
    };
  }

  render({ site, entry: { article, excerptHtml } }: Data): string {
    const base = site.digest.base;
    const neighbours = site.neighbours.get(article.id);
    const evidence = article.tags.map((tag) =>
      h('li', [topicChip(site, tag.topic), h('span.evidence-terms', ` 依据:${tag.evidence.join('、')}`)]),
    );
    const main = [
      h('article.article', { dataId: article.id, dataDrop: site.dropNumber.get(article.firstDrop) }, [
        h('header.article-header', [
          h('h1', [rendered(article.titleHtml)]),
          h('p.dateline', ['首次出现于 ', dropDay(site, article.firstDrop)]),
          article.tags.length > 0
            ? h('ul.evidence', { 'aria-label': '主题与依据' }, evidence)
            : h('ul.evidence', [h('li', [topicChip(site, 'other'), h('span.evidence-terms', ' 未匹配到四个主题中的任何一个')])]),
        ]),
        h('div.excerpt', { lang: 'zh-CN' }, [rendered(excerptHtml)]),
        article.truncated ? h('p.truncated-note', '…… 原文在此处被截断,以上为摘录。') : null,
        h('dl.article-facts', [
          isHttp(article.source)
            ? [h('dt', '来源'), h('dd', [h('a.source-link', { href: article.source, rel: 'noopener noreferrer' }, article.source)])]
            : [],
          h('dt', '首次出现'),
          h('dd', [dropLink(site, article.firstDrop), ' · ', dropDay(site, article.firstDrop)]),
          h('dt', `出现于 ${article.drops.length} 次传输`),
          h('dd', [h('ul.drop-list', article.drops.map((drop) => h('li', [dropLink(site, drop), ' · ', dropDay(site, drop)])))]),
          article.keyTerms.length > 0 ? [h('dt', '关键词'), h('dd', article.keyTerms.join(' · '))] : [],
        ]),
      ]),
      neighbours && neighbours.related.length > 0
        ? h('section.related', { 'aria-labelledby': 'related-heading' }, [
            h('h2#related-heading', '相关文章'),
            cardList(site, neighbours.related),
          ])
        : null,
      h('nav.prev-next', { 'aria-label': '上一篇与下一篇' }, [
        neighbours?.previous
          ? h('a', { href: href(base, articlePath(neighbours.previous.id)), rel: 'prev' }, [
              h('span.prev-next-label', '← 较新'),
              rendered(neighbours.previous.titleHtml),
            ])
          : h('span'),
        neighbours?.next
          ? h('a', { href: href(base, articlePath(neighbours.next.id)), rel: 'next' }, [
              h('span.prev-next-label', '较早 →'),
              rendered(neighbours.next.titleHtml),
            ])
          : h('span'),
      ]),
    ].filter((node) => node !== null);
    return page({
      site,
      title: article.title,
      description: describe(article.summary),
      section: 'article',
      kind: 'article',
      path: articlePath(article.id),
      main,
    });
  }
}
