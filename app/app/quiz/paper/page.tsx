import type { Metadata } from "next";
import { IntentLink } from "@/components/shell/intent-link";
import { redirect } from "next/navigation";
import { dateTimeIn, percent } from "@/components/progress/format";
import { PaperStart } from "@/components/quiz/paper-start";
import { getSessionUserId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { settingsOrDefaults } from "@/lib/defaults";
import { largestPaper, unfinishedPracticeQuiz } from "@/lib/practice/quiz";
import { quizHistory } from "@/lib/progress/quiz-history";
import { formatScore } from "@/lib/quiz/marking";

export const metadata: Metadata = { title: "Mock paper" };

export default async function PaperStartPage() {
  const userId = await getSessionUserId();
  if (!userId) redirect("/signin?callbackUrl=/app/quiz/paper");
  const db = getDb();
  // A paper in progress resumes: there is one practice quiz at a time.
  const open = await unfinishedPracticeQuiz(db, userId, new Date());
  if (open?.mode === "paper") redirect(`/app/quiz/paper/${open.id}`);
  const [papers, settings, largest] = await Promise.all([
    quizHistory(db, userId).then((quizzes) => quizzes.filter((quiz) => quiz.mode === "paper")),
    db.userSettings.findUnique({ where: { userId }, select: { timeZone: true } }),
    largestPaper(db, userId),
  ]);
  const { timeZone } = settingsOrDefaults(settings);
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Mock paper</h1>
        <p className="muted">
          A timed paper in the proportions of the Prelims GS-I paper&apos;s formats (single answer, statements, &ldquo;how many of the above&rdquo;,
          Statement-I and II, pairs…), marked as the paper is. Answers and explanations come when you hand it in, with an analysis.{" "}
          <IntentLink href="/app/quiz">Back to the quiz</IntentLink>
        </p>
      </header>
      <PaperStart largestPaper={largest} />
      <section className="card stack" aria-labelledby="papers-title">
        <h2 id="papers-title">Your papers</h2>
        {papers.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul className="paper-list">
            {papers.map((paper) => (
              <li key={paper.id}>
                <IntentLink href={`/app/quiz/paper/${paper.id}`}>{dateTimeIn(paper.startedAt, timeZone).dateTime}</IntentLink>: {formatScore(paper.score)} / {paper.maxScore} (
                {percent(paper.maxScore > 0 ? paper.score / paper.maxScore : null)}), {paper.questions} questions
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
