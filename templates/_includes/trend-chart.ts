import type { ElementContent } from 'hast';
import { h, s } from 'hastscript';
import type { TrendPoint } from '../../src/site/reading.ts';
import type { SiteModel, TopicView } from '../../src/site/views.ts';
import { dropDay, dropLabel } from './parts.ts';

/**
 * Chart units: one slot per drop, a bar and a gap in each, bars up to HEIGHT tall. Slots are
 * narrower the more drops there are, so that 30 drops and 3 both make a chart of a useful width.
 */
const CHART_WIDTH = 420;
const MAX_SLOT = 32;
const HEIGHT = 40;

/** Two decimals are finer than a pixel at any size the chart is shown, and keep the markup short. */
const unit = (value: number): number => Math.round(value * 100) / 100;

function bar(className: string, slot: number, index: number, count: number, max: number): ElementContent {
  const height = unit((count / max) * (HEIGHT - 1));
  return s(`rect.${className}`, { x: unit(index * slot + slot * 0.15), y: unit(HEIGHT - 1 - height), width: unit(slot * 0.7), height });
}

/**
 * A topic's articles per drop as a small bar chart, built as hast at build time: no chart library
 * reaches readers, and the same feeds give the same bytes. Bars take the topic's colour from
 * topics.css, so they follow light and dark mode; new articles are the solid part of each bar. The
 * SVG is hidden from assistive technology, which reads the same figures from a visually hidden table.
 */
export function trendChart(site: SiteModel, topic: TopicView): ElementContent {
  const points: readonly TrendPoint[] = topic.trend;
  const max = Math.max(1, ...points.map((point) => point.articles));
  const slot = Math.min(MAX_SLOT, CHART_WIDTH / Math.max(1, points.length));
  const width = unit(Math.max(1, points.length) * slot);
  const last = points.at(-1);
  const bars = points.flatMap((point, index) =>
    [
      ...(point.articles > 0 ? [bar('trend-all', slot, index, point.articles, max)] : []),
      ...(point.fresh > 0 ? [bar('trend-new', slot, index, point.fresh, max)] : []),
    ],
  );
  const caption = last
    ? `近 ${points.length} 次传输中每次的${topic.labelZh}文章数(实色为新文章):最近一次 ${last.articles} 篇,其中新 ${last.fresh} 篇;最多一次 ${max} 篇。`
    : '还没有传输。';
  return h('figure.trend', [
    s(
      'svg.trend-chart',
      { viewBox: `0 0 ${width} ${HEIGHT}`, preserveAspectRatio: 'xMinYMax meet', ariaHidden: 'true', focusable: 'false' },
      [s('rect.trend-axis', { x: 0, y: HEIGHT - 1, width, height: 1 }), ...bars],
    ),
    h('figcaption.trend-caption', caption),
    h('table.visually-hidden', [
      h('caption', `每次传输中的${topic.labelZh}文章数`),
      h('thead', [h('tr', ['传输', '日期', '文章', '其中新文章'].map((label) => h('th', { scope: 'col' }, label)))]),
      h('tbody', points.map((point) =>
        h('tr', [
          h('th', { scope: 'row' }, dropLabel(site, point.drop)),
          h('td', [dropDay(site, point.drop)]),
          h('td', String(point.articles)),
          h('td', String(point.fresh)),
        ]),
      )),
    ]),
  ]);
}
