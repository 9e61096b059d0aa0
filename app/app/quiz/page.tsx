import type { Metadata } from "next";
import { z } from "zod";
import { QuizPage } from "@/components/quiz/quiz-page";
import { loadBank } from "@/lib/content/bank";

export const metadata: Metadata = { title: "Quiz" };

const searchSchema = z.object({ mode: z.literal("topic").optional(), topic: z.string().max(200).optional() }).catch({});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QuizRoute({ searchParams }: Props) {
  const search = searchSchema.parse(await searchParams);
  const topics = [...new Set(loadBank().items.map((item) => item.topic))].sort();
  const initialTopic = search.mode === "topic" && search.topic && topics.includes(search.topic) ? search.topic : null;
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Quiz</h1>
        <p className="muted">
          Prelims format and pace: about 72 seconds a question, +2 for a right answer, −2/3 for a wrong one, 0 for a skipped one.
        </p>
      </header>
      <QuizPage topics={topics} initialTopic={initialTopic} />
    </div>
  );
}
