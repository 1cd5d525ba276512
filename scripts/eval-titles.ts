// `npm run eval:titles`: every title of the seed and dev-set articles beside the start of its
// excerpt, flagged where it is a bare section number, a generic heading, or shares no word with
// the heading the excerpt opens with; then the count of each flag per corpus.
import type { Article } from '../src/model.ts';
import { DEVSET_ABSENT } from '../tests/seeds.ts';
import { devsetArticles, seedArticles, TITLE_FLAGS, titleFlags, type TitleFlag } from '../tests/articles/title-quality.ts';

const OPENING = 48;

function report(name: string, articles: readonly Article[]): Map<TitleFlag, number> {
  const counts = new Map<TitleFlag, number>(TITLE_FLAGS.map((flag) => [flag, 0]));
  console.log(`\n${name}: ${articles.length} articles`);
  for (const article of articles) {
    const flags = titleFlags(article.title, article.text);
    for (const flag of flags) counts.set(flag, (counts.get(flag) ?? 0) + 1);
    const { drop, line } = article.sightings[0]!;
    const mark = flags.length === 0 ? '' : `  ← ${flags.join(', ')}`;
    console.log(`${drop.slice(0, 3)}:${String(line).padEnd(3)} ${article.title}${mark}\n        | ${article.text.slice(0, OPENING)}…`);
  }
  return counts;
}

const corpora: [string, Article[]][] = [
  ['Seeds', await seedArticles()],
];
if (DEVSET_ABSENT) console.log(`Dev set: skipped, ${DEVSET_ABSENT}`);
else corpora.push(['Dev set', await devsetArticles()]);
const summaries = corpora.map(([name, articles]) => {
  const counts = report(name, articles);
  const flagged = articles.filter((article) => titleFlags(article.title, article.text).length > 0).length;
  return { name, total: articles.length, flagged, counts };
});

console.log('\ncorpus    articles  flagged  ' + TITLE_FLAGS.join('  '));
for (const { name, total, flagged, counts } of summaries) {
  const cells = TITLE_FLAGS.map((flag) => String(counts.get(flag) ?? 0).padStart(flag.length));
  console.log(`${name.padEnd(9)} ${String(total).padStart(8)}  ${String(flagged).padStart(7)}  ${cells.join('  ')}`);
}
