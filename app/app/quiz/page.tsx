import type { Metadata } from "next";
import { z } from "zod";
import { redirect } from "next/navigation";
import { QuizPage } from "@/components/quiz/quiz-page";
import { getSessionUserId } from "@/lib/auth/session";
import { loadBank } from "@/lib/content/bank";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { dailyQuiz, unfinishedPracticeQuiz, type QuizView } from "@/lib/practice/quiz";
import { myReportsByItem } from "@/lib/reports/reports";

export const metadata: Metadata = { title: "Quiz" };

const searchSchema = z.object({ mode: z.enum(["topic", "misjudged"]).optional(), topic: z.string().max(200).optional() }).catch({});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QuizRoute({ searchParams }: Props) {
  const userId = await getSessionUserId();
  if (!userId) redirect("/signin?callbackUrl=/app/quiz");
  const search = searchSchema.parse(await searchParams);
  const topics = [...new Set(loadBank().items.map((item) => item.topic))].sort();
  const initialTopic = search.mode === "topic" && search.topic && topics.includes(search.topic) ? search.topic : null;
  const now = new Date();
  // An unfinished practice quiz resumes, as the daily quiz does.
  const practice = await unfinishedPracticeQuiz(getDb(), userId, now);
  let daily: QuizView | null = null;
  let dailyError: string | null = null;
  if (!initialTopic) {
    try {
      daily = await dailyQuiz(getDb(), userId, now);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      dailyError = error.message;
    }
  }
  // Today's quiz already finished opens on its results: the learner's reports come with the page.
  const finishedReports = daily?.finishedAt ? Object.fromEntries(await myReportsByItem(getDb(), userId)) : undefined;
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Quiz</h1>
        <p className="muted">
          Quiz questions in Prelims formats, marked as the paper is: +2 for a right answer, −2/3 for a wrong one, 0 for a skipped one. A timed quiz
          gives 72 seconds a question, from when you press Start.
        </p>
      </header>
      <QuizPage topics={topics} initialTopic={initialTopic} daily={daily} dailyError={dailyError} practice={practice} startMisjudged={search.mode === "misjudged"} finishedReports={finishedReports} />
    </div>
  );
}
