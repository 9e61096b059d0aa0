import { topicTail } from "@/lib/content/topic-path";

/** A select's options for topics, each shown by its last two parts ("2+2 dialogue › Third 2+2"). */
export function TopicOptions({ topics }: { topics: readonly string[] }) {
  return topics.map((topic) => (
    <option key={topic} value={topic}>
      {topicTail(topic, 2)}
    </option>
  ));
}
