// The topics stage: an article's title, text and key terms in; scored topic tags, each with the
// cue terms that earned it, out. The vocabulary lives in table.ts.
import type { TopicTag } from '../model.ts';
import { NOT_CUES, TOPICS } from './table.ts';
import { createTagger, type ArticleInput } from './tagger.ts';

export { NOT_CUES, OTHER_TOPIC, TOPICS, type Cue, type Topic } from './table.ts';
export { createTagger, type ArticleInput, type Tagger, type TopicReading } from './tagger.ts';

const tagger = createTagger(TOPICS, NOT_CUES);

/** Topics the article is about, strongest first; empty when it is about none of them. */
export function tagArticle(input: ArticleInput): TopicTag[] {
  return tagger.tag(input);
}
