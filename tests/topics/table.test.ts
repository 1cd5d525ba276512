import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTagger, NOT_CUES, TOPICS } from '../../src/topics/index.ts';
import { normalize } from '../../src/topics/normalize.ts';

const tagger = createTagger(TOPICS, NOT_CUES);

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

test('the topics are attention, diffusion, rl and vision, in that order, with Chinese and English labels', () => {
  assert.deepEqual(
    TOPICS.map(({ id, labelZh, labelEn }) => [id, labelZh, labelEn]),
    [
      ['attention', '注意力', 'Attention'],
      ['diffusion', '扩散', 'Diffusion'],
      ['rl', '强化学习', 'RL'],
      ['vision', '视觉', 'Vision'],
    ],
  );
});

test('each topic has at least 40 cue terms, no two spelled alike once normalized, with positive weights', () => {
  for (const topic of TOPICS) {
    const spellings = topic.cues.flatMap((cue) => [cue.term, ...(cue.variants ?? [])]).map((term) => normalize(term).text);
    assert.ok(topic.cues.length >= 40, `${topic.id} has ${topic.cues.length} cues`);
    assert.equal(new Set(spellings).size, spellings.length, `${topic.id} repeats a cue`);
    for (const cue of topic.cues) assert.ok(cue.weight > 0, `${topic.id}: ${cue.term}`);
  }
});

test('each topic colour is readable as text: 4.5:1 on a white page (light) and a near-black page (dark)', () => {
  for (const { id, colour } of TOPICS) {
    assert.match(colour.light, /^#[0-9a-f]{6}$/u);
    assert.match(colour.dark, /^#[0-9a-f]{6}$/u);
    assert.ok(contrast(colour.light, '#ffffff') >= 4.5, `${id} light`);
    assert.ok(contrast(colour.dark, '#121212') >= 4.5, `${id} dark`);
  }
});

test('every cue term and variant is found when it stands alone, and is reported as the term', () => {
  for (const topic of TOPICS) {
    for (const cue of topic.cues) {
      for (const spelling of [cue.term, ...(cue.variants ?? [])]) {
        const reading = tagger.read({ title: '', text: spelling }).find((candidate) => candidate.topic === topic.id);
        assert.deepEqual(reading?.evidence, [cue.term], `${topic.id}: ${spelling}`);
      }
    }
  }
});

test('each phrase that is not a cue hides a real cue, and is evidence for nothing', () => {
  const bare = createTagger(TOPICS);
  for (const phrase of NOT_CUES) {
    const evidence = (found: typeof tagger) => found.read({ title: '', text: phrase }).flatMap((reading) => reading.evidence);
    assert.notDeepEqual(evidence(bare), [], `${phrase} hides no cue`);
    assert.deepEqual(evidence(tagger), [], phrase);
  }
});
