// The /saved/ page: the reader's saved list (from their own storage, so it shows at once and
// offline), the link that carries it to another device, a shared list opened from such a link
// (looked up in articles.json, the one fetch, made only then), and the words to highlight or mute.
import { element } from './dom.ts';
import { dayOf, sharedIds, shareFragment, type SavedArticle } from './saved.ts';
import { addStars, readSaved, SAVED_CHANGED } from './stars.ts';
import type { ReaderStore } from './storage.ts';
import { parseWordList, parseWords } from './words.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function card(base: string, article: SavedArticle): HTMLElement {
  const node = element('article', 'card');
  node.dataset['id'] = article.id;
  if (article.drop > 0) node.dataset['drop'] = String(article.drop);
  const link = element('a', '', article.title);
  link.href = `${base}articles/${article.id}/`;
  const title = element('h3', 'card-title');
  title.append(link);
  node.append(title);
  const drop = `第 ${article.drop} 次传输`;
  if (article.drop > 0) node.append(element('p', 'card-meta', `首次出现于 ${article.day ? `${article.day}(${drop})` : drop}`));
  return node;
}

interface PublicArticles {
  drops: { id: string; date?: string }[];
  articles: { id: string; title: string; firstDrop: string }[];
}

async function lookUp(url: string, ids: readonly string[]): Promise<{ found: SavedArticle[]; missing: number }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  const json = (await response.json()) as PublicArticles;
  const drops = new Map(json.drops.map((drop, index) => [drop.id, { number: index + 1, day: dayOf(drop.date) }]));
  const articles = new Map(json.articles.map((article) => [article.id, article]));
  const found = ids.flatMap((id) => {
    const article = articles.get(id);
    const drop = article && drops.get(article.firstDrop);
    return article ? [{ id, title: article.title, drop: drop?.number ?? 0, day: drop?.day ?? '' }] : [];
  });
  return { found, missing: ids.length - found.length };
}

async function showShared(base: string, store: ReaderStore | null): Promise<void> {
  const section = byId<HTMLElement>('saved-shared');
  const ids = sharedIds(location.hash);
  section.hidden = ids === null;
  if (ids === null) return;
  const status = byId<HTMLElement>('saved-shared-status');
  const list = byId<HTMLElement>('saved-shared-list');
  const importButton = byId<HTMLButtonElement>('saved-import');
  list.replaceChildren();
  importButton.hidden = true;
  status.textContent = '正在读取分享的列表…';
  try {
    const { found, missing } = await lookUp(byId<HTMLElement>('saved').dataset['articles']!, ids);
    list.replaceChildren(...found.map((article) => card(base, article)));
    status.textContent = `分享的列表有 ${found.length} 篇文章${missing > 0 ? `,另有 ${missing} 篇在这个站点上找不到` : ''}。`;
    if (store === null || found.length === 0) return;
    addStars(store, list);
    importButton.hidden = false;
    importButton.onclick = () => {
      const mine = readSaved(store);
      const added = found.filter((article) => !mine.some((item) => item.id === article.id));
      if (!store.write('saved', [...added, ...mine])) return;
      status.textContent = `已加入 ${added.length} 篇到你的收藏。`;
      importButton.hidden = true;
      showMine(base, store);
    };
  } catch {
    status.textContent = '无法读取文章列表,请稍后再试。';
  }
}

function showMine(base: string, store: ReaderStore): void {
  const list = readSaved(store);
  const mine = byId<HTMLElement>('saved-list');
  mine.replaceChildren(...list.map((article) => card(base, article)));
  addStars(store, mine);
  updateShare(store);
}

function updateShare(store: ReaderStore): void {
  const list = readSaved(store);
  byId<HTMLElement>('saved-count').textContent = list.length === 0 ? '还没有收藏:点卡片上的 ☆ 即可。' : `共 ${list.length} 篇。`;
  const share = byId<HTMLAnchorElement>('saved-share');
  share.hidden = list.length === 0;
  share.href = new URL(shareFragment(list), location.href).href;
}

function setUpWords(store: ReaderStore): void {
  const form = byId<HTMLFormElement>('words-form');
  const highlight = byId<HTMLInputElement>('words-highlight');
  const mute = byId<HTMLInputElement>('words-mute');
  const status = byId<HTMLElement>('words-status');
  const words = parseWords(store.read('words'));
  highlight.value = words.highlight.join(', ');
  mute.value = words.mute.join(', ');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = { highlight: parseWordList(highlight.value), mute: parseWordList(mute.value) };
    highlight.value = next.highlight.join(', ');
    mute.value = next.mute.join(', ');
    status.textContent = store.write('words', next) ? '已保存。列表页上的卡片会按这些词标记或隐藏。' : '保存失败:浏览器不允许写入本地存储。';
  });
}

export function showSavedPage(base: string, store: ReaderStore | null): void {
  if (store === null) {
    byId<HTMLElement>('saved-blocked').hidden = false;
    byId<HTMLElement>('saved-mine').hidden = true;
    byId<HTMLElement>('words-form').hidden = true;
  } else {
    showMine(base, store);
    setUpWords(store);
    document.addEventListener(SAVED_CHANGED, () => updateShare(store));
  }
  void showShared(base, store);
  window.addEventListener('hashchange', () => void showShared(base, store));
}
