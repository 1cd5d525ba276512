import { h } from 'hastscript';
import { topicPath, type SiteModel, type TopicPage } from '../src/site/views.ts';
import { page } from './_includes/layout.ts';
import { cardList, pager } from './_includes/parts.ts';

interface Data {
  site: SiteModel;
  topicPage: TopicPage;
}

export default class TopicPageTemplate {
  data() {
    return {
      pagination: { data: 'site.topicPages', size: 1, alias: 'topicPage' },
      permalink: ({ topicPage }: Data) => topicPage.path,
    };
  }

  render({ site, topicPage }: Data): string {
    const { topic, pageNumber, pageCount } = topicPage;
    const isOther = topic.id === 'other';
    const feeds = isOther ? undefined : [{ title: `${topic.labelZh} ${topic.labelEn} (Atom)`, path: `/topics/${topic.id}/feed.xml` }];
    return page({
      site,
      title: `${topic.labelZh} ${topic.labelEn}${pageNumber > 1 ? ` · 第 ${pageNumber} 页` : ''}`,
      description: `${topic.labelZh}(${topic.labelEn})主题下的 ${topic.articles.length} 篇文章。`,
      section: 'topics',
      path: topicPage.path,
      feeds,
      main: [
        h(`header.topic-header.topic-${topic.id}`, [
          h('h1', [topic.labelZh, h('span.chip-en', { lang: 'en' }, ` ${topic.labelEn}`)]),
          h('p.section-lede', isOther
            ? `${topic.articles.length} 篇文章不属于注意力、扩散、强化学习或视觉中的任何一个主题。`
            : `${topic.articles.length} 篇文章,最新的在前。`),
        ]),
        topicPage.articles.length > 0 ? cardList(site, topicPage.articles, 'h2') : h('p', '这个主题下还没有文章。'),
        ...pager(site, pageNumber, pageCount, (n) => topicPath(topic.id, n)),
      ],
    });
  }
}
