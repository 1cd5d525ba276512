import { h } from 'hastscript';
import type { SiteModel, TopicPage } from '../src/site/views.ts';
import { page } from './_includes/layout.ts';
import { cardList, pager } from './_includes/parts.ts';
import { trendChart } from './_includes/trend-chart.ts';

interface Data {
  site: SiteModel;
  topicPage: TopicPage;
}

export default class TopicPageTemplate {
  data() {
    return {
      pagination: { data: 'slice.topicPages', size: 1, alias: 'topicPage' },
      eleventyExcludeFromCollections: true,
      permalink: ({ topicPage }: Data) => topicPage.path,
    };
  }

  render({ site, topicPage }: Data): string {
    const { topic, pageNumber, first, last } = topicPage;
    const isOther = topic.id === 'other';
    const isArchive = pageNumber > 0;
    const feeds = isOther ? undefined : [{ title: `${topic.labelZh} ${topic.labelEn} (Atom)`, path: `/topics/${topic.id}/feed.xml` }];
    // An archive page names only its own articles, never the topic's total, so that it stays the
    // same page byte for byte while newer articles arrive.
    const lede = isArchive
      ? `第 ${first}–${last} 篇(按到达先后编号),最新的在前。`
      : isOther
        ? `${topic.articles.length} 篇文章不属于注意力、扩散、强化学习或视觉中的任何一个主题。`
        : `${topic.articles.length} 篇文章,最新的在前。`;
    return page({
      site,
      title: `${topic.labelZh} ${topic.labelEn}${isArchive ? ` · 第 ${pageNumber} 页` : ''}`,
      description: isArchive
        ? `${topic.labelZh}(${topic.labelEn})主题的第 ${first}–${last} 篇文章。`
        : `${topic.labelZh}(${topic.labelEn})主题下的 ${topic.articles.length} 篇文章。`,
      section: 'topics',
      path: topicPage.path,
      feeds,
      // The front page changes with every drop anyway (its trend); archive pages must not.
      listsDrops: !isArchive,
      main: [
        h(`header.topic-header.topic-${topic.id}`, [
          h('h1', [topic.labelZh, h('span.chip-en', { lang: 'en' }, ` ${topic.labelEn}`)]),
          h('p.section-lede', lede),
          isArchive ? null : trendChart(site, topic),
        ]),
        topicPage.articles.length > 0 ? cardList(site, topicPage.articles, 'h2') : h('p', '这个主题下还没有文章。'),
        ...pager(site, isArchive ? `第 ${pageNumber} 页` : `最新 ${topicPage.articles.length} 篇`, topicPage.newer, topicPage.older),
      ],
    });
  }
}
