// The topics stage: an article's title, text and key terms in; scored topic tags, each with the
// cue terms that earned it, out. The vocabulary lives in table.ts.
import type { TopicTag } from '../model.ts';
import { NEIGHBOURS, NOT_CUES, TOPICS } from './table.ts';
import { createTagger, type ArticleInput, type TopicAssessment } from './tagger.ts';

export { NEIGHBOURS, NOT_CUES, OTHER_TOPIC, TOPICS, type Cue, type Neighbour, type Topic } from './table.ts';
export {
  createTagger,
  type ArticleInput,
  type NeighbourReading,
  type Tagger,
  type TopicAssessment,
  type TopicReading,
  type Verdict,
} from './tagger.ts';

/** The tagger the digest uses: the topic table, its not-cues and its neighbouring fields. */
export const topicTagger = createTagger(TOPICS, NOT_CUES, NEIGHBOURS);

/** Topics the article is about, strongest first; empty when it is about none of them. */
export function tagArticle(input: ArticleInput): TopicTag[] {
  return topicTagger.tag(input);
}

/** Its tags, and the topics it leans toward without a tag (search lists those after the tagged). */
export function assessTopics(input: ArticleInput): TopicAssessment {
  return topicTagger.assess(input);
}
