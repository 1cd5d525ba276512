// The search page in the browser: instant results, topic chips, URL state, keyboard movement.
// Bundled by templates/search-client.11ty.ts; the page's markup comes from templates/search.11ty.ts.
import { SearchEngine, type ResultSet } from './engine.ts';
import { IndexVersionError, type TopicLabel } from './format.ts';
import type { RankedHit } from './rank.ts';
import { resultItem, resultLinks } from './results-view.ts';
import { readState, writeState, type SearchState } from './url-state.ts';

const PAGE_SIZE = 10;
/** Screen readers hear the count once typing pauses, not after every keystroke. */
const ANNOUNCE_AFTER_MS = 350;
/** Only a search slower than this shows "searching…", so fast ones never flicker. */
const BUSY_AFTER_MS = 200;

const byId = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`search page: #${id} is missing`);
  return found as T;
};

const root = byId<HTMLElement>('search');
const form = byId<HTMLFormElement>('search-form');
const input = byId<HTMLInputElement>('search-input');
const chipGroup = byId<HTMLElement>('search-topics');
const status = byId<HTMLElement>('search-status');
const results = byId<HTMLOListElement>('results');
const more = byId<HTMLButtonElement>('search-more');
const chips = [...chipGroup.querySelectorAll<HTMLButtonElement>('button[data-topic]')];
const siteTitle = document.title;

// The manifest URL already carries the site's base path; every other file is relative to it.
const manifestUrl = new URL(root.dataset['index'] ?? '', document.baseURI).href;
const engine = new SearchEngine(async (file, signal) => {
  const response = await fetch(new URL(file, manifestUrl), signal === undefined ? {} : { signal });
  if (!response.ok) throw new Error(`${response.status} ${file}`);
  return response.json();
}, manifestUrl);

let topicLabels = new Map<string, TopicLabel>();
let current: ResultSet | null = null;
/** Results on screen, and the next candidate to rank: they differ by the ones Fuse rejected. */
let shown = 0;
let nextCandidate = 0;
let announceTimer: ReturnType<typeof setTimeout> | undefined;

const knownTopics = new Set(chips.map((chip) => chip.dataset['topic'] ?? ''));
const selectedTopics = (): string[] => chips.filter((chip) => chip.getAttribute('aria-pressed') === 'true').map((chip) => chip.dataset['topic']!).sort();
const state = (): SearchState => ({ query: input.value, topics: selectedTopics() });

function showState(next: SearchState): void {
  if (input.value !== next.query) input.value = next.query;
  for (const chip of chips) chip.setAttribute('aria-pressed', String(next.topics.includes(chip.dataset['topic'] ?? '')));
}

function remember(mode: 'replace' | 'push'): void {
  const url = `${location.pathname}${writeState(state())}${location.hash}`;
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function announce(text: string, now = false): void {
  clearTimeout(announceTimer);
  if (now) status.textContent = text;
  else announceTimer = setTimeout(() => (status.textContent = text), ANNOUNCE_AFTER_MS);
}

function describe(set: ResultSet): string {
  const total = set.total();
  const topicNames = set.topics.map((id) => topicLabels.get(id)?.labelZh ?? id).join('、');
  if (set.listing) return `${topicNames} 主题下共 ${total} 篇文章。`;
  const where = topicNames === '' ? '' : `(主题:${topicNames})`;
  const query = set.query.trim();
  return total === 0 ? `没有找到与“${query}”相关的文章${where}。` : `找到 ${total} 篇与“${query}”相关的文章${where}。`;
}

function showMore(set: ResultSet): void {
  const left = set.total() - shown;
  more.hidden = left <= 0;
  more.textContent = `显示更多(还有 ${left} 篇)`;
}

function render(set: ResultSet, hits: RankedHit[], append: boolean): void {
  const items = hits.map((hit) => resultItem(hit, topicLabels));
  if (append) results.append(...items);
  else results.replaceChildren(...items);
  shown = (append ? shown : 0) + hits.length;
  nextCandidate = (append ? nextCandidate : 0) + PAGE_SIZE;
  results.dataset['state'] = 'ready';
  results.dataset['count'] = String(set.total());
  // Which search is on screen, for tests and the latency bench to wait on.
  results.dataset['query'] = set.query;
  results.dataset['topics'] = set.topics.join(' ');
  showMore(set);
  document.title = set.query.trim() === '' ? siteTitle : `“${set.query.trim()}” · ${siteTitle}`;
  announce(describe(set));
}

function clear(): void {
  current = null;
  shown = 0;
  nextCandidate = 0;
  results.replaceChildren();
  results.dataset['state'] = 'idle';
  results.dataset['count'] = '0';
  results.dataset['query'] = input.value;
  results.dataset['topics'] = '';
  more.hidden = true;
  document.title = siteTitle;
  announce('输入关键词即时搜索,或选择主题。');
}

// No fixed debounce: every keystroke starts a search at once and the newest one wins. An older
// search stops scoring at its next step, and its record fetches are cancelled, so fast typing
// costs a few small index chunks for the prefixes and one page of records for the final word. A
// fixed 80–120 ms debounce would be added to every answer, and the target is 50 ms at p95.
let generation = 0;
let cancelSearch = new AbortController();

async function run(mine: number): Promise<void> {
  const asked = state();
  const stale = () => mine !== generation;
  const busy = setTimeout(() => {
    if (stale()) return;
    results.dataset['state'] = 'loading';
    announce('正在搜索…', true);
  }, BUSY_AFTER_MS);
  try {
    const [set, manifest] = await Promise.all([engine.search(asked.query, asked.topics, cancelSearch.signal), engine.manifest()]);
    if (stale()) return;
    topicLabels = new Map(manifest.topics.map((topic) => [topic.id, topic]));
    if (set.empty) {
      clear();
      remember('replace');
      return;
    }
    const hits = await set.page(0, PAGE_SIZE, cancelSearch.signal);
    if (stale()) return;
    current = set;
    render(set, hits, false);
    // Written once results are shown, not per keystroke: Safari allows only 100 history
    // changes per 30 seconds, and the URL should name what is on screen.
    remember('replace');
  } catch (error) {
    if (stale()) return;
    results.dataset['state'] = 'error';
    // A cached client meeting a newer index (or the reverse) cannot read it; a reload fetches a matching pair.
    announce(error instanceof IndexVersionError ? '搜索索引已更新,请刷新页面后再搜索。' : '搜索索引加载失败,请检查网络后再试。', true);
    console.error(error);
  } finally {
    clearTimeout(busy);
  }
}

function schedule(): void {
  // Records still loading for an older query would hold the browser's few connections, and its
  // scoring the main thread.
  cancelSearch.abort();
  cancelSearch = new AbortController();
  void run(++generation);
}

input.addEventListener('input', (event) => {
  // While an input method is composing (拼音 before the characters are chosen) there is nothing to search.
  if ((event as InputEvent).isComposing) return;
  schedule();
});
input.addEventListener('compositionend', schedule);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  remember('push');
  schedule();
});

chipGroup.addEventListener('click', (event) => {
  const chip = (event.target as Element).closest<HTMLButtonElement>('button[data-topic]');
  if (chip === null) return;
  chip.setAttribute('aria-pressed', String(chip.getAttribute('aria-pressed') !== 'true'));
  remember('push');
  schedule();
});

more.addEventListener('click', async () => {
  const set = current;
  if (set === null || more.disabled) return;
  const before = shown;
  more.disabled = true;
  const hits = await set.page(nextCandidate, PAGE_SIZE, cancelSearch.signal).catch(() => null);
  more.disabled = false;
  if (hits === null || set !== current) return;
  render(set, hits, true);
  resultLinks(results)[before]?.focus();
});

input.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowDown') return;
  const first = resultLinks(results)[0];
  if (first === undefined) return;
  event.preventDefault();
  first.focus();
});

results.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = resultLinks(results);
  const at = links.indexOf(event.target as HTMLAnchorElement);
  if (at === -1) return;
  event.preventDefault();
  const next = event.key === 'ArrowDown' ? links[at + 1] : links[at - 1];
  if (next !== undefined) next.focus();
  else if (event.key === 'ArrowUp') input.focus();
});

window.addEventListener('popstate', () => {
  showState(readState(location.search, knownTopics));
  schedule();
});

showState(readState(location.search, knownTopics));
clear();
if (input.value.trim() !== '' || selectedTopics().length > 0) schedule();
// Fetched now, so that the first keystroke waits only for the index chunks it needs.
else void engine.manifest().catch(() => undefined);
