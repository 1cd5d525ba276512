// `npm run eval:topics`: how well the topic tagger agrees with the gold labels, on the seed
// articles (as the ingest and articles stages make them) and on the held-out paragraphs, with
// every disagreement and the evidence behind it.
import type { TopicId } from '../src/model.ts';
import { createTagger, NOT_CUES, TOPICS } from '../src/topics/index.ts';
import { heldOutCorpus, score, seedCorpus, type LabelledArticle } from '../tests/topics/evaluation.ts';

const tagger = createTagger(TOPICS, NOT_CUES);

function percent(value: number): string {
  return value.toFixed(3);
}

function report(name: string, articles: readonly LabelledArticle[]): void {
  const results = articles.map((article) => {
    const tags = tagger.tag(article);
    return { article, predicted: tags.map((tag) => tag.topic), readings: tagger.read(article) };
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
  for (const { article, predicted, readings } of disagreements) {
    console.log(`  ${article.key}\n    gold ${list(article.gold)}, predicted ${list(predicted)}`);
    for (const reading of readings.filter((candidate) => candidate.score > 0)) {
      const evidence = reading.evidence.slice(0, 6).join(', ');
      console.log(`    ${reading.topic}: score ${reading.score.toFixed(2)}, ${reading.sentenceHits} sentence(s): ${evidence}`);
    }
    if (article.note) console.log(`    note: ${article.note}`);
  }
}

const seeds = await seedCorpus();
if (seeds.unlabelled.length > 0) console.log(`Unlabelled seed excerpts: ${seeds.unlabelled.join(' | ')}`);
report('Seeds', seeds.articles);
report('Held-out', heldOutCorpus());
