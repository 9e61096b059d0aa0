import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ReviewSession } from "@/components/review/review-session";
import { getSessionUserId } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { reviewsDueTomorrow } from "@/lib/progress/forecast";

export const metadata: Metadata = { title: "Flashcards" };

export default async function FlashcardsPage() {
  const userId = await getSessionUserId();
  if (!userId) redirect("/signin?callbackUrl=/app/flashcards");
  return (
    <div className="stack review-page">
      <header className="page-header">
        <h1>Flashcards</h1>
        <p className="muted">Due flashcards first, most overdue first, then today&apos;s new ones; a card you are learning comes back when its step is due. Recall the
          answer before you show it. Quiz questions are on the Quiz page.</p>
      </header>
      <ReviewSession userId={userId} dueTomorrow={await reviewsDueTomorrow(getDb(), userId, new Date())} />
    </div>
  );
}
