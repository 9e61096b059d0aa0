/** A select's options for topics, each shown by its last two parts ("2+2 dialogue › Third 2+2"). */
export function TopicOptions({ topics }: { topics: readonly string[] }) {
  return topics.map((topic) => (
    <option key={topic} value={topic}>
      {topic.split(" > ").slice(-2).join(" › ")}
    </option>
  ));
}
