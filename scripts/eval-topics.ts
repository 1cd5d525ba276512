// `npm run eval:topics`: how well the topic tagger agrees with the gold labels, on the seed
// articles and the dev set's real excerpts (as the ingest and articles stages make them) and on
// the held-out paragraphs, with every disagreement, the evidence and the verdict behind it.
import type { TopicId } from '../src/model.ts';
import { topicTagger as tagger } from '../src/topics/index.ts';
import { DEVSET_ABSENT } from '../tests/seeds.ts';
import { devCorpus, heldOutCorpus, score, seedCorpus, type LabelledArticle } from '../tests/topics/evaluation.ts';

function percent(value: number): string {
  return value.toFixed(3);
}

function report(name: string, articles: readonly LabelledArticle[]): void {
  const results = articles.map((article) => {
    const tags = tagger.tag(article);
    return { article, predicted: tags.map((tag) => tag.topic), readings: tagger.read(article), neighbours: tagger.readNeighbours(article) };
  });
  const scores = score(results.map(({ article, predicted }) => ({ gold: article.gold, predicted })));

  console.log(`\n${name}: ${articles.length} articles`);
  console.log('topic        P      R      F1     tp  fp  fn');
  for (const topic of scores.perTopic) {
    const counts = [topic.truePositives, topic.falsePositives, topic.falseNegatives].map((n) => String(n).padStart(3)).join(' ');
    console.log(`${topic.topic.padEnd(10)} ${percent(topic.precision)}  ${percent(topic.recall)}  ${percent(topic.f1)}  ${counts}`);
  }
  const { micro } = scores;
  console.log(`micro      ${percent(micro.precision)}  ${percent(micro.recall)}  ${percent(micro.f1)}`);

  const list = (topics: readonly TopicId[]): string => (topics.length === 0 ? '(none)' : topics.join('+'));
  const disagreements = results.filter(({ article, predicted }) => list([...article.gold].sort()) !== list([...predicted].sort()));
  console.log(disagreements.length === 0 ? 'no disagreements' : `disagreements (${disagreements.length}):`);
  for (const { article, predicted, readings, neighbours } of disagreements) {
    console.log(`  ${article.key}: ${article.title}\n    gold ${list(article.gold)}, predicted ${list(predicted)}`);
    for (const reading of readings.filter((candidate) => candidate.score > 0)) {
      const evidence = reading.evidence.slice(0, 6).join(', ');
      const verdict = reading.because === undefined ? reading.verdict : `${reading.verdict} (${reading.because})`;
      console.log(`    ${reading.topic}: score ${reading.score.toFixed(2)}, ${verdict}, ${reading.sentenceHits} sentence(s): ${evidence}`);
    }
    for (const neighbour of neighbours.filter((candidate) => candidate.score > 0)) {
      console.log(`    ~ ${neighbour.neighbour}: score ${neighbour.score.toFixed(2)}: ${neighbour.evidence.slice(0, 6).join(', ')}`);
    }
    if (article.note) console.log(`    note: ${article.note}`);
  }
}

const seeds = await seedCorpus();
if (seeds.unlabelled.length > 0) console.log(`Unlabelled seed excerpts: ${seeds.unlabelled.join(' | ')}`);
report('Seeds', seeds.articles);
report('Held-out', heldOutCorpus());
if (DEVSET_ABSENT) console.log(`\nDev set: skipped, ${DEVSET_ABSENT}`);
else report('Dev set (../shared/devset)', await devCorpus());
