/**
 * A topic is a path of levels, broadest first: "International Relations > India-Japan > 2+2 dialogue".
 * This is the one place that knows how the levels are written, for the content, the server and the
 * browser alike (it imports nothing, so a client component pays only for these few lines).
 */
export const TOPIC_SEPARATOR = " > ";

export function topicLevels(topic: string): string[] {
  return topic.split(TOPIC_SEPARATOR);
}

/** The topic's own name, its narrowest level: "2+2 dialogue". */
export function topicLeaf(topic: string): string {
  return topicLevels(topic).at(-1) ?? topic;
}

/** Its last `count` levels for display, narrowest last: "India-Japan › 2+2 dialogue". */
export function topicTail(topic: string, count: number): string {
  return topicLevels(topic).slice(-count).join(" › ");
}
