import { createEmptyCard, fsrs, Rating, State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { addDays, localDayOf, startOfLocalDay } from "@/lib/calendar/local-day";
import { schedulingFor, type SchedulingPolicy } from "@/lib/practice/policy";
import { cardStateFromJson, cardStateOf, cardStateToJson, fromFsrsCard, newCardState, toFsrsCard, type CardState } from "@/lib/srs/card-state";
import { gradeOf, previewDueDates, RATINGS, ratingName, scheduleCard as scheduleWith, type DueDateStrategy } from "@/lib/srs/schedule";

const NOW = new Date("2026-11-20T04:30:00.000Z");
const ZONE = "Asia/Kolkata";
const PLAIN: SchedulingPolicy = { desiredRetention: 0.9, examDate: null, timeZone: ZONE, weights: null };

/** Schedules as the app does for a user with this policy. */
function scheduleCard(card: CardState, rating: (typeof RATINGS)[number], now: Date, policy: SchedulingPolicy): CardState {
  return scheduleWith(card, rating, now, schedulingFor(policy));
}
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
    const preview = previewDueDates(card, card.due, schedulingFor(PLAIN));
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

describe("card state mapping", () => {
  it("reads a card from a raw row (strings, bigints) and from a review log's snapshot alike", () => {
    const card = reviewCard();
    const raw = { ...card, due: card.due.toISOString(), reps: BigInt(card.reps), state: BigInt(card.state), lastReview: card.lastReview!.toISOString(), extra: "dropped" };
    expect(cardStateOf(raw)).toEqual(card);
    expect(cardStateFromJson(cardStateToJson(card))).toEqual(card);
    expect(JSON.parse(cardStateToJson(card))).toMatchObject({ due: card.due.toISOString(), lastReview: card.lastReview!.toISOString() });
    expect(cardStateOf({ ...card, lastReview: null })).toEqual({ ...card, lastReview: null });
  });
});

describe("due-date strategy", () => {
  it("passes ts-fsrs' card for the rating through the strategy, in ratings and previews", () => {
    const card = reviewCard();
    const moved = new Date("2030-01-01T00:00:00Z");
    const seen: number[] = [];
    const toNewYear: DueDateStrategy = (scheduled, now) => {
      seen.push(now.getTime());
      return { ...scheduled, due: moved };
    };
    const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false });
    const rated = scheduleWith(card, "hard", card.due, { scheduler, dueDate: toNewYear });
    expect(rated).toEqual({ ...fromFsrsCard(scheduler.next(toFsrsCard(card), card.due, Rating.Hard).card), due: moved });
    expect(Object.values(previewDueDates(card, card.due, { scheduler, dueDate: toNewYear }))).toEqual([moved, moved, moved, moved]);
    expect(new Set(seen)).toEqual(new Set([card.due.getTime()]));
  });
});

describe("exam mode", () => {
  it("pulls a review before the exam exactly when recall on exam day would fall short, and never before now", () => {
    const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false });
    // Reviews just after midnight in Kolkata, so exam day starts as late as possible in a rounded interval.
    let card = scheduleCard(newCardState(new Date("2026-11-19T18:35:00Z")), "good", new Date("2026-11-19T18:35:00Z"), PLAIN);
    while (card.state !== State.Review) card = scheduleCard(card, "good", card.due, PLAIN);
    let pulled = 0;
    let kept = 0;
    for (let step = 0; step < 12; step++) {
      const now = card.due;
      // Easy stretches the interval past the retention target (ts-fsrs' easy bonus); Good lands near it.
      const rating = step % 2 === 0 ? "easy" : "good";
      const plain = fromFsrsCard(scheduler.next(toFsrsCard(card), now, gradeOf(rating)).card);
      // Exam days around the plain due date, where exam mode may pull the review before the exam.
      for (let offset = -3; offset <= 3; offset++) {
        const examDate = addDays(localDayOf(plain.due, ZONE), offset);
        const examStart = startOfLocalDay(examDate, ZONE);
        const exam = { ...PLAIN, examDate };
        const scheduled = scheduleCard(card, rating, now, exam);
        // Recall on exam day from the plain schedule, straight from ts-fsrs' forgetting curve.
        const recallOnExamDay = scheduler.get_retrievability(toFsrsCard(plain), examStart, false);
        const fallsShort = plain.due >= examStart && examStart > now && recallOnExamDay < 0.9;
        if (fallsShort) {
          pulled++;
          expect(scheduled.due < examStart).toBe(true);
          expect(scheduled.due >= now).toBe(true);
          // Only the due date moves: the memory state is ts-fsrs' own.
          expect({ ...scheduled, due: plain.due, scheduledDays: plain.scheduledDays }).toEqual(plain);
        } else {
          kept++;
          expect(scheduled).toEqual(plain);
        }
        expect(previewDueDates(card, now, schedulingFor(exam))[rating]).toEqual(scheduled.due);
      }
      card = plain;
    }
    // Both branches ran, so neither half of the check is empty.
    expect(pulled).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
  });

  it("leaves ts-fsrs' schedule alone without an exam date and once the exam is past", () => {
    const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false });
    // Just after midnight in Kolkata, so that an exam on the day the card falls due starts almost a day early.
    const start = new Date("2026-11-19T18:35:00Z");
    let card = scheduleCard(newCardState(start), "good", start, PLAIN);
    const examMoves = (candidate: CardState) => {
      const plain = fromFsrsCard(scheduler.next(toFsrsCard(candidate), candidate.due, Rating.Easy).card);
      return scheduleCard(candidate, "easy", candidate.due, { ...PLAIN, examDate: localDayOf(plain.due, ZONE) }).due < plain.due;
    };
    // The first card state at which an exam would move the schedule, so the plain half below compares something.
    for (let step = 0; step < 20 && !examMoves(card); step++) card = scheduleCard(card, "good", card.due, PLAIN);
    expect(examMoves(card)).toBe(true);
    const plain = fromFsrsCard(scheduler.next(toFsrsCard(card), card.due, Rating.Easy).card);
    expect(scheduleCard(card, "easy", card.due, PLAIN)).toEqual(plain);
    expect(scheduleCard(card, "easy", card.due, { ...PLAIN, examDate: "2026-01-01" })).toEqual(plain);
  });
});
