import { date_diff, type Card as FsrsCard, type FSRS } from "ts-fsrs";
import { addDays, daysBetween, localDayOf, startOfLocalDay, type LocalDay } from "@/lib/calendar/local-day";
import type { DueDateStrategy } from "@/lib/srs/schedule";
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

/** Whether a day this many days before the exam is in the final stretch (exam day itself is not). */
export function isFinalStretch(daysLeft: number): boolean {
  return daysLeft >= 1 && daysLeft <= FINAL_STRETCH_DAYS;
}

/** Exam mode as the scheduler's due-date strategy: applyExamDateLimit after every rating and preview. */
export function examDateStrategy(exam: { examDate: LocalDay; timeZone: string; targetRetention: number }): DueDateStrategy {
  return (card, now, scheduler) => applyExamDateLimit(card, { ...exam, now, scheduler });
}

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

/** The final stretch's order of review: every studied card short of the target on exam day, weakest first. */
export type FinalStretch = { weakestFirst<C extends FsrsCard>(cards: readonly C[]): C[] };

/**
 * In the final stretch before the exam, the order of the cards worth reviewing today, weakest on exam
 * day first: every studied card whose recall on exam day is below the target, whether or not it is due
 * yet. Outside the final stretch (or with no exam date) it returns null and the usual due-date queue applies.
 */
export function finalStretch(limit: ExamLimit): FinalStretch | null {
  const { examDate, timeZone, targetRetention, now } = limit;
  if (!examDate || !isFinalStretch(daysUntilExam(examDate, timeZone, now))) return null;
  const scheduler = limit.scheduler ?? defaultScheduler;
  const examStart = startOfLocalDay(examDate, timeZone);
  return {
    weakestFirst: (cards) =>
      cards
        .filter(isStudied)
        .map((card) => ({ card, recall: recallAt(card, examStart, scheduler) }))
        .filter(({ recall }) => recall < targetRetention)
        .sort((a, b) => a.recall - b.recall)
        .map(({ card }) => card),
  };
}

/** finalStretch's order applied to `cards`, or null outside the final stretch. */
export function finalStretchQueue<C extends FsrsCard>(cards: readonly C[], limit: ExamLimit): C[] | null {
  return finalStretch(limit)?.weakestFirst(cards) ?? null;
}
