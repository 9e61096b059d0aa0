import { date_diff, type Card as FsrsCard, type FSRS } from "ts-fsrs";
import { addDays, daysBetween, localDayOf, startOfLocalDay, type LocalDay } from "@/lib/progress/time-zone";
import { defaultScheduler, isStudied, longestGapKeepingRecall, recallAt } from "./recall";

/** What exam mode needs to know. With no exam date every function here leaves the schedule alone. */
export type ExamLimit = {
  /** The exam's calendar day in the user's time zone, or null when the user has not set one. */
  examDate: LocalDay | null;
  timeZone: string;
  /** Recall wanted on exam day: the user's desired retention. */
  targetRetention: number;
  now: Date;
  /** The scheduler that produced the card, when its weights differ from ts-fsrs' defaults. */
  scheduler?: FSRS;
};

/** The final days before the exam, when the daily queue goes weakest-first instead of by due date. */
export const FINAL_STRETCH_DAYS = 7;

/**
 * Exam-mode scheduling. Given a card just scheduled by ts-fsrs, moves its due date back when it falls on
 * or after the exam day and recall on exam day (counted from the card's last review) would then be below
 * the target: to the latest day before the exam from which recall still reaches the target on exam day,
 * or to the eve of the exam when no day is late enough, and never before `now`.
 *
 * "A review on day d leaves enough recall" assumes the review is a pass, whose new stability is at least
 * the current one in FSRS; a failed review sends the card to relearning, which reschedules it anyway.
 * Recall on exam day is measured at the start of that day, so it is what the user walks in with.
 */
export function applyExamDateLimit<C extends FsrsCard>(card: C, limit: ExamLimit): C {
  const { examDate, timeZone, targetRetention, now } = limit;
  if (!examDate || !isStudied(card)) return card;
  const scheduler = limit.scheduler ?? defaultScheduler;
  const examStart = startOfLocalDay(examDate, timeZone);
  if (now >= examStart || card.due < examStart) return card;
  if (recallAt(card, examStart, scheduler) >= targetRetention) return card;

  const gap = Math.max(1, longestGapKeepingRecall(card.stability, targetRetention, scheduler));
  const latestReviewDay = addDays(examDate, -gap);
  const latestReviewStart = startOfLocalDay(latestReviewDay, timeZone);
  const due = latestReviewStart > now ? latestReviewStart : now;
  const scheduledDays = card.last_review ? Math.max(0, date_diff(due, card.last_review, "days")) : card.scheduled_days;
  return { ...card, due, scheduled_days: scheduledDays };
}

/** Calendar days from the user's today to the exam day: 0 on exam day, negative once it has passed. */
export function daysUntilExam(examDate: LocalDay, timeZone: string, now: Date): number {
  return daysBetween(localDayOf(now, timeZone), examDate);
}

/**
 * In the final stretch before the exam, the cards worth reviewing today, weakest on exam day first: every
 * studied card whose recall on exam day is below the target, whether or not it is due yet. Outside the
 * final stretch (or with no exam date) it returns null and the usual due-date queue applies.
 */
export function finalStretchQueue<C extends FsrsCard>(cards: readonly C[], limit: ExamLimit): C[] | null {
  const { examDate, timeZone, targetRetention, now } = limit;
  if (!examDate) return null;
  const daysLeft = daysUntilExam(examDate, timeZone, now);
  if (daysLeft < 1 || daysLeft > FINAL_STRETCH_DAYS) return null;
  const scheduler = limit.scheduler ?? defaultScheduler;
  const examStart = startOfLocalDay(examDate, timeZone);
  return cards
    .filter(isStudied)
    .map((card) => ({ card, recall: recallAt(card, examStart, scheduler) }))
    .filter(({ recall }) => recall < targetRetention)
    .sort((a, b) => a.recall - b.recall)
    .map(({ card }) => card);
}
