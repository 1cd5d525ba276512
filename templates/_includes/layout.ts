import type { Element, ElementContent, Properties, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { KEYS, POPULAR_PATH, READER_CLIENT_PATH, SAVED_PATH, VISIT_FRESH_DROPS, VISIT_SLOT_ID } from '../../src/reader/index.ts';
import { visit } from 'unist-util-visit';
import { withBase as href } from '../../src/site/digest.ts';
import { visitFacts } from '../../src/site/reading.ts';
import { absoluteUrl, siteTitle, type SiteModel } from '../../src/site/views.ts';

/**
 * Inline scripts are forbidden, so a feed can never run one even if escaping failed somewhere.
 * Style attributes are allowed because KaTeX positions glyphs with them; no other markup emits
 * any, since feed text is escaped by the hast serializer.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export type Section = 'home' | 'topics' | 'drops' | 'search' | 'article' | 'none';

export interface PageInput {
  site: SiteModel;
  title: string;
  description: string;
  section: Section;
  /** For aria-current and the canonical URL: the page's own path, without the base. */
  path: string;
  /** False for pages that are not a place of their own (the 404 page): no canonical URL. */
  canonical?: boolean;
  /** Open Graph type: `article` for an article page. */
  kind?: 'website' | 'article';
  main: ElementContent[];
  /** Extra scripts (module files under the site), e.g. the search client. */
  scripts?: string[];
  /**
   * List pages name the newest drop, so the reader client can show how many articles are new
   * since the last visit. Other pages must not: they would change with every drop.
   */
  listsDrops?: boolean;
  /** A stylesheet only for readers without JavaScript (inline style is forbidden by the CSP). */
  noscriptStylesheet?: string;
  feeds?: { title: string; path: string }[];
}

/** Root-relative site path under the hosting base; the one place links get their prefix. */
export { href };

/** Our renderer's own output, already built as hast and serialized once: embedded, never feed text. */
export function rendered(html: string): ElementContent {
  return { type: 'raw', value: html } as unknown as ElementContent;
}

/** The GET form to /search/: the header's on every page, and the search page's own. */
export function searchForm(base: string, selector: string, inputId: string, input: Properties): Element {
  return h(selector, { role: 'search', action: href(base, '/search/'), method: 'get' }, [
    h('label.visually-hidden', { for: inputId }, '搜索文章'),
    h(`input#${inputId}`, { type: 'search', name: 'q', autocomplete: 'off', enterKeyHint: 'search', ...input }),
    h('button', { type: 'submit' }, '搜索'),
  ]);
}

interface MathUse {
  katex: boolean;
  italic: boolean;
}

/** Whether the page embeds KaTeX's markup (through `rendered()`), and italic math among it. */
function mathIn(main: readonly ElementContent[]): MathUse {
  const found = { katex: false, italic: false };
  visit({ type: 'root', children: [...main] } as Root, 'raw', (node: { value: string }) => {
    if (!node.value.includes('class="katex')) return;
    found.katex = true;
    found.italic ||= node.value.includes('mathnormal');
  });
  return found;
}

/**
 * KaTeX's stylesheet, only where there is math, and its two everyday fonts preloaded: KaTeX
 * declares them `font-display: block`, so a font found late (through the stylesheet) first lays
 * the formula out in a fallback font and then moves the text around it when it swaps in (a
 * layout shift of 0.13 on an article page). Main-Regular sets upright symbols and the 公式
 * placeholder boxes; Math-Italic sets variables (`mathnormal`).
 */
function mathHead(base: string, math: MathUse): Element[] {
  if (!math.katex) return [];
  const fonts = ['KaTeX_Main-Regular', ...(math.italic ? ['KaTeX_Math-Italic'] : [])];
  return [
    ...fonts.map((font) =>
      h('link', { rel: 'preload', as: 'font', type: 'font/woff2', crossOrigin: 'anonymous', href: href(base, `/assets/katex/fonts/${font}.woff2`) }),
    ),
    h('link', { rel: 'stylesheet', href: href(base, '/assets/katex/katex.min.css') }),
  ];
}

function navLink(base: string, path: string, label: string, current: boolean): ElementContent {
  return h('a', { href: href(base, path), 'aria-current': current ? 'page' : undefined }, label);
}

/**
 * The page's canonical URL and Open Graph card. Both want absolute URLs, so `canonical` and
 * `og:url` are there only when the site's URL is known (a relative canonical fails Lighthouse).
 */
function shareMeta(input: PageInput, title: string): Element[] {
  const { config } = input.site;
  const url = input.canonical === false ? null : absoluteUrl(input.site, input.path);
  return [
    ...(url ? [h('link', { rel: 'canonical', href: url })] : []),
    h('meta', { property: 'og:type', content: input.kind ?? 'website' }),
    h('meta', { property: 'og:title', content: title }),
    h('meta', { property: 'og:description', content: input.description }),
    h('meta', { property: 'og:site_name', content: siteTitle(input.site) }),
    h('meta', { property: 'og:locale', content: config.language.replace('-', '_') }),
    ...(url ? [h('meta', { property: 'og:url', content: url })] : []),
  ];
}

/** Where a page's own parts go in its frame; plain ASCII, which the serializer leaves as it is. */
const SLOT = '@@digest-slot@@';

/**
 * The frame of every page (head, header, navigation, footer) depends only on the site and on
 * which section is current, so it is serialized once per kind of page and each page serializes
 * only its own parts (title, description, canonical and Open Graph tags, main) into the slots. Every piece is the hast
 * serializer's output: no text is ever joined into HTML unescaped. At 10,000 pages this halves
 * the time spent building and serializing trees.
 */
function frameOf(input: PageInput): string[] {
  const { site, section, path } = input;
  const currentTopic = site.topics.find((topic) => path.startsWith(`/topics/${topic.id}/`))?.id ?? null;
  // The head links KaTeX's files only on pages that show math: that is part of the frame's key.
  const math = mathIn(input.main);
  const key = JSON.stringify([section, currentTopic, path === '/drops/', input.feeds ?? null, input.scripts ?? null, input.listsDrops ?? false, input.noscriptStylesheet ?? null, math]);
  let frames = framesBySite.get(site);
  if (!frames) framesBySite.set(site, (frames = new Map()));
  let frame = frames.get(key);
  if (!frame) frames.set(key, (frame = toHtml(frameTree(input, math), { allowDangerousHtml: true }).split(SLOT)));
  return frame;
}

const framesBySite = new WeakMap<SiteModel, Map<string, string[]>>();

/** Where the reader client shows how many articles are new since the last visit (src/reader/marks.ts). */
function visitSlot(site: SiteModel): Element {
  const facts = visitFacts(site.digest.drops, VISIT_FRESH_DROPS);
  return h(`p#${VISIT_SLOT_ID}.visit-status`, { dataLatest: facts.latest, dataFresh: facts.fresh.join(' ') });
}

/** The reading keys, for those who look for them; shown only where script can answer them. */
function keysHint(): Element {
  const shown = KEYS.filter(([keys]) => keys !== 'Esc');
  return h('p.keys-hint', [
    '键盘:',
    ...shown.flatMap(([keys, action], index) => [
      index > 0 ? ' · ' : '',
      ...keys.split(' / ').flatMap((key, at) => [at > 0 ? ' 或 ' : '', h('kbd', key)]),
      ` ${action}`,
    ]),
  ]);
}

export function page(input: PageInput): string {
  const [beforeTitle, beforeMain, end] = frameOf(input);
  const { site } = input;
  const title = input.title === siteTitle(site) ? input.title : `${input.title} · ${site.config.name}`;
  const head = toHtml([h('title', title), h('meta', { name: 'description', content: input.description }), ...shareMeta(input, title)]);
  const main = toHtml({ type: 'root', children: input.main }, { allowDangerousHtml: true });
  return `${beforeTitle}${head}${beforeMain}${main}${end}`;
}

function frameTree(input: PageInput, math: MathUse): Root {
  const { site, section, path } = input;
  const { base } = site.digest;
  const { config } = site;
  const feeds = input.feeds ?? [{ title: `${siteTitle(site)} (Atom)`, path: '/feed.xml' }];
  // The frame of every page depends on nothing that a new drop changes (no counts, except the
  // visit slot of list pages), so an article page that did not change can be reused as it is.
  const topicNav = site.topics.map((topic) =>
      h('li', [navLink(base, `/topics/${topic.id}/`, topic.labelZh, path.startsWith(`/topics/${topic.id}/`))]),
    );

  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: config.language }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }),
          h('meta', { name: 'referrer', content: 'strict-origin-when-cross-origin' }),
          { type: 'text', value: SLOT },
          h('meta', { name: 'color-scheme', content: 'light dark' }),
          h('link', { rel: 'icon', href: href(base, '/favicon.svg'), type: 'image/svg+xml' }),
          ...mathHead(base, math),
          h('link', { rel: 'stylesheet', href: href(base, '/assets/style.css') }),
          h('link', { rel: 'stylesheet', href: href(base, '/assets/topics.css') }),
          ...feeds.map((feed) =>
            h('link', { rel: 'alternate', type: 'application/atom+xml', title: feed.title, href: href(base, feed.path) }),
          ),
          h('script', { type: 'module', src: href(base, READER_CLIENT_PATH) }),
          ...(input.scripts ?? []).map((src) => h('script', { type: 'module', src: href(base, src) })),
          input.noscriptStylesheet ? h('noscript', [h('link', { rel: 'stylesheet', href: href(base, input.noscriptStylesheet) })]) : null,
        ]),
        h('body', [
          h('a.skip-link', { href: '#main' }, '跳到正文'),
          h('header.site-header', [
            h('div.header-inner', [
              h('a.site-name', { href: href(base, '/'), 'aria-current': section === 'home' ? 'page' : undefined }, [
                h('span.site-name-zh', config.name),
                config.alternateName ? h('span.site-name-en', config.alternateName) : null,
              ]),
              searchForm(base, 'form.header-search', 'site-search', { placeholder: '搜索:扩散、Transformer…  (按 / 聚焦)' }),
            ]),
            h('nav.site-nav', { 'aria-label': '主题' }, [
              h('ul', [
                h('li', [navLink(base, '/', '最新', section === 'home')]),
                ...topicNav,
                h('li', [navLink(base, '/drops/', '全部传输', path === '/drops/')]),
              ]),
            ]),
            input.listsDrops ? visitSlot(site) : null,
          ]),
          h('main#main', { tabIndex: -1 }, [{ type: 'text', value: SLOT }]),
          h('footer.site-footer', [
            h('p', [
              `${config.name} · `,
              h('a', { href: href(base, SAVED_PATH) }, '收藏与关注词'),
              ' · ',
              h('a', { href: href(base, POPULAR_PATH) }, '最常重发'),
              ' · ',
              h('a', { href: href(base, '/feed.xml') }, 'Atom 订阅'),
              ' · ',
              h('a', { href: href(base, '/articles.json') }, 'articles.json'),
            ]),
            keysHint(),
          ]),
        ]),
      ]),
    ],
  };
  return tree;
}
