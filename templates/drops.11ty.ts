import { h } from 'hastscript';
import { dropPath, type SiteModel } from '../src/site/views.ts';
import { href, page } from './_includes/layout.ts';
import { dropDay, dropLabel } from './_includes/parts.ts';
import { singlePage } from './_includes/single.ts';

export default class DropsIndex {
  data() {
    return singlePage('drops', '/drops/');
  }

  render({ site }: { site: SiteModel }): string {
    const base = site.digest.base;
    return page({
      site,
      title: '全部传输',
      description: `全部 ${site.digest.drops.length} 次传输,最新的在前。`,
      section: 'drops',
      path: '/drops/',
      listsDrops: true,
      main: [
        h('h1', '全部传输'),
        h('ol.drop-index', { reversed: true }, site.dropsNewestFirst.map((drop) => {
          const problems = drop.diagnostics.filter((d) => d.severity !== 'info').length;
          return h('li', { dataDrop: site.dropNumber.get(drop.id) }, [
            h('a', { href: href(base, dropPath(drop.id)) }, dropLabel(site, drop.id)),
            ' · ',
            dropDay(site, drop.id),
            ' · ',
            h('code', drop.file),
            ` · ${drop.entries} 条摘录 · ${drop.newArticles} 篇新文章`,
            problems > 0 ? h('span.badge.badge-warning', ` ${problems} 个问题`) : '',
          ]);
        })),
      ],
    });
  }
}
