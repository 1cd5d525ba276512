import { h } from 'hastscript';
import { articlePath, dropPath, siteTitle, topicPath, type SiteModel } from '../src/site/views.ts';
import { href, page, rendered } from './_includes/layout.ts';
import { cardList, dropDay, dropLabel } from './_includes/parts.ts';
import { singlePage } from './_includes/single.ts';
import { trendChart } from './_includes/trend-chart.ts';
import { POPULAR_PATH } from '../src/reader/index.ts';

const NEWEST_PER_TOPIC = 3;

export default class HomePage {
  data() {
    return singlePage('home', '/');
  }

  render({ site }: { site: SiteModel }): string {
    const base = site.digest.base;
    const latest = site.dropsNewestFirst[0];
    const latestArticles = latest ? latest.listing.map((item) => ({ ...item, article: site.articleById.get(item.articleId)! })) : [];
    const fresh = latestArticles.filter((item) => item.isNew).map((item) => item.article);
    const repeats = latestArticles.filter((item) => !item.isNew).map((item) => item.article);

    const latestSection = latest
      ? h('section.latest', { 'aria-labelledby': 'latest-heading' }, [
          h('h2#latest-heading', [
            '最新一次传输:',
            h('a', { href: href(base, dropPath(latest.id)) }, dropLabel(site, latest.id)),
          ]),
          h('p.section-lede', [dropDay(site, latest.id), ` 到达,带来 ${fresh.length} 篇新文章,${repeats.length} 篇此前出现过。`]),
          fresh.length > 0 ? cardList(site, fresh) : h('p', '这次传输没有新文章。'),
          repeats.length > 0
            ? h('details.repeats', [
                h('summary', `再次出现的 ${repeats.length} 篇`),
                h('ul', repeats.map((article) =>
                  h('li', [h('a', { href: href(base, articlePath(article.id)) }, [rendered(article.titleHtml)])]),
                )),
              ])
            : null,
        ].filter((node) => node !== null))
      : h('p', '还没有任何传输。把传输文件放进 feeds/ 后重新构建。');

    const topicSections = site.topics
      .filter((topic) => topic.articles.length > 0)
      .map((topic) =>
        h(`section.topic-section.topic-${topic.id}`, { 'aria-labelledby': `topic-${topic.id}-heading` }, [
          h('div.topic-section-head', [
            h(`h2#topic-${topic.id}-heading`, [
              h('a', { href: href(base, topicPath(topic.id)) }, [topic.labelZh, h('span.chip-en', { lang: 'en' }, ` ${topic.labelEn}`)]),
            ]),
            h('span.count', `${topic.articles.length} 篇`),
          ]),
          trendChart(site, topic),
          cardList(site, topic.articles.slice(0, NEWEST_PER_TOPIC), 'h3'),
          topic.articles.length > NEWEST_PER_TOPIC
            ? h('p.more', [h('a', { href: href(base, topicPath(topic.id)) }, `查看全部 ${topic.articles.length} 篇 →`)])
            : null,
        ].filter((node) => node !== null)),
      );

    return page({
      site,
      title: siteTitle(site),
      description: site.config.description,
      section: 'home',
      path: '/',
      listsDrops: true,
      main: [
        h('h1.visually-hidden', siteTitle(site)),
        h('p.search-entry', [
          h('a.button', { href: href(base, '/search/') }, '搜索全部文章'),
          ` 共 ${site.digest.articles.length} 篇,按主题浏览或搜索,或看`,
          h('a', { href: href(base, POPULAR_PATH) }, '最常重发的文章'),
          '。',
        ]),
        latestSection,
        ...topicSections,
      ],
    });
  }
}
