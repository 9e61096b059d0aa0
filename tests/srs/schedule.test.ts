import { createEmptyCard, fsrs, Rating, State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { addDays, localDayOf, startOfLocalDay } from "@/lib/progress/time-zone";
import { applyExamDateLimit } from "@/lib/readiness/exam-mode";
import { fromFsrsCard, gradeOf, newCardState, previewDueDates, RATINGS, ratingName, scheduleCard, toFsrsCard, type CardState, type SchedulingPolicy } from "@/lib/srs/schedule";

const NOW = new Date("2026-11-20T04:30:00.000Z");
const PLAIN: SchedulingPolicy = { desiredRetention: 0.9, examDate: null, timeZone: "Asia/Kolkata" };
const DAY = 86_400_000;

/** A card rated Good at each due date until it reaches the review state. */
function reviewCard(policy = PLAIN): CardState {
  let card = scheduleCard(newCardState(NOW), "good", NOW, policy);
  while (card.state !== State.Review) card = scheduleCard(card, "good", card.due, policy);
  return card;
}

describe("FSRS scheduling", () => {
  it("gives a new card exactly ts-fsrs' schedule with fuzz off", () => {
    const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false });
    for (const rating of RATINGS) {
      const expected = scheduler.next(createEmptyCard(NOW), NOW, gradeOf(rating)).card;
      expect(scheduleCard(newCardState(NOW), rating, NOW, PLAIN)).toEqual(fromFsrsCard(expected));
    }
  });

  it("round-trips every field of ts-fsrs' Card", () => {
    const card = reviewCard();
    expect(fromFsrsCard(toFsrsCard(card))).toEqual(card);
    expect(Object.keys(toFsrsCard(card)).sort()).toEqual(Object.keys(createEmptyCard(NOW)).sort());
  });

  it("lengthens the interval on Good and lapses and shortens it on Again", () => {
    const card = reviewCard();
    const good = scheduleCard(card, "good", card.due, PLAIN);
    expect(good.scheduledDays).toBeGreaterThan(card.scheduledDays);
    expect(good.stability).toBeGreaterThan(card.stability);
    expect(good.reps).toBe(card.reps + 1);
    const again = scheduleCard(card, "again", card.due, PLAIN);
    expect(again.state).toBe(State.Relearning);
    expect(again.lapses).toBe(card.lapses + 1);
    expect(again.stability).toBeLessThan(card.stability);
    expect(again.due.getTime() - card.due.getTime()).toBeLessThan(DAY);
  });

  it("is deterministic and follows the desired retention", () => {
    const card = reviewCard();
    expect(scheduleCard(card, "good", card.due, PLAIN)).toEqual(scheduleCard(card, "good", card.due, PLAIN));
    const strict = scheduleCard(card, "good", card.due, { ...PLAIN, desiredRetention: 0.97 });
    const relaxed = scheduleCard(card, "good", card.due, { ...PLAIN, desiredRetention: 0.8 });
    expect(strict.scheduledDays).toBeLessThan(relaxed.scheduledDays);
  });

  it("previews each rating's due date, in order, as ts-fsrs' repeat does", () => {
    const card = reviewCard();
    const preview = previewDueDates(card, card.due, PLAIN);
    const repeat = fsrs({ request_retention: 0.9, enable_fuzz: false }).repeat(toFsrsCard(card), card.due);
    expect(preview.again).toEqual(repeat[Rating.Again].card.due);
    expect(preview.easy).toEqual(repeat[Rating.Easy].card.due);
    expect(preview.again < preview.hard && preview.hard < preview.good && preview.good < preview.easy).toBe(true);
  });

  it("maps rating names to ts-fsrs grades and back", () => {
    expect(RATINGS.map(gradeOf)).toEqual([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]);
    expect([1, 2, 3, 4].map(ratingName)).toEqual(RATINGS);
  });
});

describe("exam mode", () => {
  it("applies applyExamDateLimit to every newly scheduled card and its previews", () => {
    const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false });
    // Reviews just after midnight in Kolkata, so exam day starts as late as possible in a rounded interval.
    let card = scheduleCard(newCardState(new Date("2026-11-19T18:35:00Z")), "good", new Date("2026-11-19T18:35:00Z"), PLAIN);
    while (card.state !== State.Review) card = scheduleCard(card, "good", card.due, PLAIN);
    for (let step = 0; step < 12; step++) {
      const plain = scheduleCard(card, "good", card.due, PLAIN);
      // Exam days around the plain due date, where exam mode may pull the review before the exam.
      for (let offset = -3; offset <= 3; offset++) {
        const examDate = addDays(localDayOf(plain.due, "Asia/Kolkata"), offset);
        const limit = { examDate, timeZone: "Asia/Kolkata", targetRetention: 0.9, now: card.due, scheduler };
        const expected = fromFsrsCard(applyExamDateLimit(scheduler.next(toFsrsCard(card), card.due, Rating.Good).card, limit));
        const exam = { ...PLAIN, examDate };
        expect(scheduleCard(card, "good", card.due, exam)).toEqual(expected);
        expect(previewDueDates(card, card.due, exam).good).toEqual(expected.due);
        if (expected.due.getTime() !== plain.due.getTime()) expect(expected.due < startOfLocalDay(examDate, "Asia/Kolkata")).toBe(true);
      }
      card = plain;
    }
  });

  it("leaves the schedule alone without an exam date or once the exam is past", () => {
    const card = reviewCard();
    const plain = scheduleCard(card, "good", card.due, PLAIN);
    expect(scheduleCard(card, "good", card.due, { ...PLAIN, examDate: "2026-01-01" })).toEqual(plain);
  });
});
