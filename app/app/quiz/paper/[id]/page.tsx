import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import { notFound, redirect } from "next/navigation";
import { PaperAnalysis } from "@/components/quiz/paper-analysis";
import { PaperRunner } from "@/components/quiz/paper-runner";
import { QuizResults } from "@/components/quiz/quiz-results";
import { getSessionUserId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { settingsOrDefaults } from "@/lib/defaults";
import { NotFoundError } from "@/lib/errors";
import { analyseQuiz, quizView } from "@/lib/practice/quiz";
import { myReportsByItem } from "@/lib/reports/reports";
import { quizParamsSchema } from "@/lib/validation/practice";

export const metadata: Metadata = { title: "Mock paper" };

type Props = { params: Promise<{ id: string }> };

/** A mock paper: the paper itself while it runs (resumed after a reload), its analysis and answers once handed in. */
export default async function PaperPage({ params }: Props) {
  const parsed = quizParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const userId = await getSessionUserId();
  if (!userId) redirect(`/signin?callbackUrl=${encodeURIComponent(`/app/quiz/paper/${id}`)}`);
  const db = getDb();
  const now = new Date();
  const paper = await quizView(db, userId, id, now).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (paper.mode !== "paper") redirect("/app/quiz");
  if (!paper.finishedAt) {
    return (
      <div className="stack">
        <header className="page-header">
          <h1>Mock paper</h1>
        </header>
        <PaperRunner key={paper.id} initial={paper} />
      </div>
    );
  }
  const [analysis, settings, reports] = await Promise.all([
    analyseQuiz(db, userId, id, now),
    db.userSettings.findUnique({ where: { userId }, select: { timeZone: true } }),
    myReportsByItem(db, userId),
  ]);
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Mock paper: analysis</h1>
        <p className="muted">
          <IntentLink href="/app/quiz/paper">Sit another paper</IntentLink> · <IntentLink href="/app/quiz">Back to the quiz</IntentLink>
        </p>
      </header>
      <PaperAnalysis analysis={analysis} timeZone={settingsOrDefaults(settings).timeZone} />
      <section aria-labelledby="answers-title" className="stack">
        <h2 id="answers-title">Every question, with its answer</h2>
        <QuizResults quiz={paper} reports={Object.fromEntries(reports)} />
      </section>
    </div>
  );
}
