import { createEmptyCard, fsrs, forgetting_curve, default_w, Rating, State, type Card as FsrsCard, type Grade } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { addDays, localDayOf, startOfLocalDay } from "@/lib/calendar/local-day";
import { applyExamDateLimit, finalStretchQueue, type ExamLimit } from "@/lib/readiness/exam-mode";
import { assessReadiness, MIN_PACE_DAYS, NEW_CARD_LEAD_DAYS, type ReadinessInput, type TopicCard } from "@/lib/readiness/readiness";
import { longestGapKeepingRecall } from "@/lib/readiness/recall";

const ZONE = "Asia/Kolkata";
const NOW = new Date("2026-11-20T10:00:00Z");
const EXAM = "2027-01-10";
const EXAM_START = startOfLocalDay(EXAM, ZONE);
const DAY = 86_400_000;

function reviewCard(stability: number, lastReview: Date, due: Date, state: State = State.Review): FsrsCard {
  return { due, stability, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 4, lapses: 0, state, last_review: lastReview };
}

/** A deterministic pseudo-random sequence, so that a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("predicted recall on exam day", () => {
  it("is ts-fsrs' own retrievability at the start of exam day, averaged per topic and overall", () => {
    const cards: TopicCard[] = [
      { topic: "Polity", card: reviewCard(3.2, new Date("2026-11-18T09:00:00Z"), new Date("2026-11-21T09:00:00Z")) },
      { topic: "Polity", card: reviewCard(80, new Date("2026-11-01T09:00:00Z"), new Date("2027-02-01T09:00:00Z")) },
      { topic: "Economy", card: reviewCard(0.6, new Date("2026-11-20T08:00:00Z"), new Date("2026-11-20T08:10:00Z"), State.Relearning) },
      { topic: "Economy", card: { ...createEmptyCard(NOW), state: State.New } },
    ];
    const readiness = assessReadiness(input({ cards, topicSizes: [{ topic: "Polity", items: 5 }, { topic: "Economy", items: 2 }, { topic: "History", items: 4 }] }))!;
    const scheduler = fsrs();
    const recall = (card: FsrsCard) => scheduler.get_retrievability(card, EXAM_START, false);
    const polity = [recall(cards[0]!.card), recall(cards[1]!.card)];
    const economy = recall(cards[2]!.card);

    expect(readiness.daysLeft).toBe(51);
    expect(readiness.topics.map((t) => t.topic)).toEqual(["Economy", "Polity", "History"]);
    expect(readiness.topics[0]).toEqual({ topic: "Economy", items: 2, studied: 1, predictedRecall: economy, belowTarget: 1 });
    expect(readiness.topics[1]).toMatchObject({ items: 5, studied: 2, belowTarget: 1 });
    expect(readiness.topics[1]!.predictedRecall).toBeCloseTo((polity[0]! + polity[1]!) / 2, 12);
    expect(readiness.topics[2]).toEqual({ topic: "History", items: 4, studied: 0, predictedRecall: null, belowTarget: 0 });
    expect(readiness.overall.studied).toBe(3);
    expect(readiness.overall.items).toBe(11);
    expect(readiness.overall.predictedRecall).toBeCloseTo((polity[0]! + polity[1]! + economy) / 3, 12);
    // Hand-checked against the forgetting curve itself: 69 whole days after the review, at stability 80.
    expect(polity[1]).toBe(forgetting_curve(default_w, 69, 80));
  });

  it("is null after the exam, and has no plan on exam day", () => {
    expect(assessReadiness(input({ examDate: "2026-11-19" }))).toBeNull();
    const examDay = assessReadiness(input({ examDate: "2026-11-20" }))!;
    expect(examDay.daysLeft).toBe(0);
    expect(examDay.plan).toBeNull();
  });
});

describe("the plan", () => {
  it("needs nothing when every card already reaches the target on exam day and the bank is covered", () => {
    const strong = reviewCard(400, new Date("2026-11-19T09:00:00Z"), new Date("2027-12-01T09:00:00Z"));
    const { plan } = assessReadiness(input({ cards: [{ topic: "Polity", card: strong }], topicSizes: [{ topic: "Polity", items: 1 }] }))!;
    expect(plan).toMatchObject({ reviewsNeeded: 0, reviewsPerDay: 0, newCards: 0, newCardsPerDay: 0, onTrack: { reviews: true, newCards: true, overall: true } });
  });

  it("spreads new cards until a week before the exam and says when Settings hold the user back", () => {
    const { plan } = assessReadiness(input({ topicSizes: [{ topic: "Polity", items: 46 }], newCardsPerDayLimit: 1 }))!;
    const introductionDays = 51 - NEW_CARD_LEAD_DAYS;
    expect(plan!.newCards).toBe(46);
    expect(plan!.newCardsPerDay).toBe(Math.ceil(46 / introductionDays));
    expect(plan!.introduceBy).toBe(addDays("2026-11-20", introductionDays - 1));
    expect(plan!.newCardsLimitTooLow).toBe(true);
    // Each new card needs reviews after its introduction too.
    expect(plan!.reviewsNeeded).toBeGreaterThanOrEqual(46);
    expect(plan!.onTrack).toEqual({ reviews: false, newCards: false, overall: false });
  });

  it("counts the reviews a weak card needs and compares them with the recent pace", () => {
    const weak = reviewCard(2, new Date("2026-11-18T09:00:00Z"), new Date("2026-11-20T09:00:00Z"));
    const readiness = assessReadiness(
      input({ cards: [{ topic: "Polity", card: weak }], topicSizes: [{ topic: "Polity", items: 1 }], pace: { days: 14, reviewsPerDay: 1, newCardsPerDay: 0 } }),
    )!;
    const plan = readiness.plan!;
    expect(plan.reviewsNeeded).toBeGreaterThanOrEqual(2);
    expect(plan.reviewsPerDay).toBe(Math.ceil(plan.reviewsNeeded / 51));
    expect(plan.onTrack).toEqual({ reviews: true, newCards: true, overall: true });

    // Replaying those reviews by hand, each "good" on its due date with exam mode, reaches the target.
    const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false });
    let card = weak;
    for (let review = 0; review < plan.reviewsNeeded; review++) {
      const when = card.due > NOW ? card.due : NOW;
      card = applyExamDateLimit(scheduler.next(card, when, Rating.Good).card, limit({ now: when }));
    }
    expect(scheduler.get_retrievability(card, EXAM_START, false)).toBeGreaterThanOrEqual(0.9);
  });
});

describe("judging the pace", () => {
  const bank = { topicSizes: [{ topic: "Polity", items: 186 }] };

  it("does not judge a first session (34 new cards, no reviews yet) against the plan", () => {
    const { plan } = assessReadiness(input({ ...bank, pace: { days: 1, reviewsPerDay: 0, newCardsPerDay: 34 } }))!;
    expect(plan!.onTrack).toBeNull();
    expect(plan!.pace.days).toBe(1);
    const almost = assessReadiness(input({ ...bank, pace: { days: MIN_PACE_DAYS - 1, reviewsPerDay: 0, newCardsPerDay: 34 } }))!;
    expect(almost.plan!.onTrack).toBeNull();
  });

  it("judges it from MIN_PACE_DAYS days on, comparing whole cards a day", () => {
    const { plan } = assessReadiness(input({ ...bank, pace: { days: MIN_PACE_DAYS, reviewsPerDay: 0, newCardsPerDay: 34 } }))!;
    expect(plan!.onTrack).toEqual({ reviews: false, newCards: true, overall: false });
    // Needing 5 new cards a day, a pace of 4.6 is "about 5": not behind.
    const needed = plan!.newCardsPerDay;
    expect(needed).toBe(Math.ceil(186 / (51 - NEW_CARD_LEAD_DAYS)));
    const close = assessReadiness(input({ ...bank, pace: { days: 14, reviewsPerDay: 0, newCardsPerDay: needed - 0.4 } }))!;
    expect(close.plan!.onTrack!.newCards).toBe(true);
    const short = assessReadiness(input({ ...bank, pace: { days: 14, reviewsPerDay: 0, newCardsPerDay: needed - 0.6 } }))!;
    expect(short.plan!.onTrack!.newCards).toBe(false);
  });

  it("carries the Settings limit, so that a plan below it can be explained", () => {
    const { plan } = assessReadiness(input({ ...bank, newCardsPerDayLimit: 20 }))!;
    expect(plan).toMatchObject({ newCardsPerDay: 5, newCardsPerDayLimit: 20, newCardsLimitTooLow: false });
  });
});

describe("longestGapKeepingRecall", () => {
  it.each([0.3, 1, 2.5, 10, 47.3, 365])("is the last whole day recall stays at the target, for stability %s", (stability) => {
    for (const target of [0.8, 0.9, 0.95]) {
      const gap = longestGapKeepingRecall(stability, target);
      if (gap > 0) expect(forgetting_curve(default_w, gap, stability)).toBeGreaterThanOrEqual(target);
      expect(forgetting_curve(default_w, gap + 1, stability)).toBeLessThan(target);
    }
  });
});

describe("applyExamDateLimit", () => {
  it("leaves cards alone without an exam, when due before it, or when strong enough on exam day", () => {
    const farDue = reviewCard(10, NOW, new Date("2027-03-01T00:00:00Z"));
    expect(applyExamDateLimit(farDue, limit({ examDate: null }))).toBe(farDue);
    const dueBefore = reviewCard(10, NOW, new Date("2026-12-01T00:00:00Z"));
    expect(applyExamDateLimit(dueBefore, limit())).toBe(dueBefore);
    const strong = reviewCard(900, NOW, new Date("2029-01-01T00:00:00Z"));
    expect(applyExamDateLimit(strong, limit())).toBe(strong);
  });

  it("moves a due date after the exam to the latest day from which recall still reaches the target", () => {
    // Stability 20: recall falls below 0.9 after 20 days, so the review belongs 19 or 20 days before the exam.
    const card = reviewCard(20, NOW, new Date("2027-02-20T09:00:00Z"));
    const moved = applyExamDateLimit(card, limit());
    const gap = longestGapKeepingRecall(20, 0.9);
    expect(moved.due).toEqual(startOfLocalDay(addDays(EXAM, -gap), ZONE));
    expect(forgetting_curve(default_w, gap, 20)).toBeGreaterThanOrEqual(0.9);
    expect(forgetting_curve(default_w, gap + 1, 20)).toBeLessThan(0.9);
    expect(moved.scheduled_days).toBe(Math.floor((moved.due.getTime() - NOW.getTime()) / DAY));
    expect({ ...moved, due: card.due, scheduled_days: card.scheduled_days }).toEqual(card);
  });

  it("brings a fragile card to the eve of the exam, never before now", () => {
    const fragile = reviewCard(0.2, new Date("2027-01-08T12:00:00Z"), new Date("2027-01-12T00:00:00Z"));
    const eve = applyExamDateLimit(fragile, limit({ now: new Date("2027-01-08T12:00:00Z") }));
    expect(eve.due).toEqual(startOfLocalDay("2027-01-09", ZONE));
    const lateNow = new Date("2027-01-09T12:00:00Z"); // the eve itself, in the evening in Delhi
    expect(applyExamDateLimit(fragile, limit({ now: lateNow })).due).toEqual(lateNow);
  });

  it("never leaves a card due after the exam below the target, for cards scheduled by ts-fsrs with fuzz", () => {
    // Scheduling for 0.8 retention with fuzz gives intervals that often overshoot an exam-day target of 0.9.
    const scheduler = fsrs({ request_retention: 0.8, enable_fuzz: true });
    const next = random(42);
    let moved = 0;
    for (let index = 0; index < 400; index++) {
      let card = createEmptyCard(new Date(NOW.getTime() - 120 * DAY));
      let when = card.due;
      const reviews = 1 + Math.floor(next() * 6);
      for (let review = 0; review < reviews && when < NOW; review++) {
        card = scheduler.next(card, when, (1 + Math.floor(next() * 4)) as Grade).card;
        when = new Date(card.due.getTime() + next() * 3 * DAY);
      }
      const now = new Date(Math.max(card.last_review!.getTime(), NOW.getTime() - 30 * DAY + next() * 60 * DAY));
      const limited = applyExamDateLimit(card, limit({ now }));
      if (limited !== card) moved++;
      const afterExam = limited.due >= EXAM_START;
      if (now < EXAM_START && afterExam) {
        expect(scheduler.get_retrievability(limited, EXAM_START, false)).toBeGreaterThanOrEqual(0.9);
      }
      expect(limited.due.getTime()).toBeLessThanOrEqual(card.due.getTime());
      if (limited !== card) {
        expect(limited.due.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(limited.due < EXAM_START).toBe(true);
      }
    }
    expect(moved).toBeGreaterThan(20);
  });

  it("gets every card to the target on exam day when each review is a pass", () => {
    const scheduler = fsrs({ request_retention: 0.85, enable_fuzz: true });
    const next = random(7);
    for (let index = 0; index < 200; index++) {
      let when = new Date(NOW.getTime() + next() * 30 * DAY);
      let card = scheduler.next(createEmptyCard(when), when, Rating.Good).card;
      for (let review = 0; review < 50 && card.due < EXAM_START; review++) {
        when = card.due;
        const grade = (2 + Math.floor(next() * 3)) as Grade;
        card = applyExamDateLimit(scheduler.next(card, when, grade).card, { ...limit({ now: when }), scheduler });
      }
      expect(scheduler.get_retrievability(card, EXAM_START, false)).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe("finalStretchQueue", () => {
  const weak = reviewCard(2, new Date("2027-01-05T09:00:00Z"), new Date("2027-01-07T09:00:00Z"));
  const weaker = reviewCard(0.5, new Date("2027-01-05T09:00:00Z"), new Date("2027-01-06T09:00:00Z"));
  const strong = reviewCard(300, new Date("2027-01-05T09:00:00Z"), new Date("2027-06-01T09:00:00Z"));
  const unseen = { ...createEmptyCard(NOW) };

  it("is null outside the last week before the exam", () => {
    expect(finalStretchQueue([weak], limit())).toBeNull();
    expect(finalStretchQueue([weak], limit({ examDate: null }))).toBeNull();
    expect(finalStretchQueue([weak], limit({ now: new Date("2027-01-10T03:00:00Z") }))).toBeNull();
  });

  it("brings forward the cards weakest on exam day, due or not", () => {
    const now = new Date("2027-01-05T12:00:00Z");
    expect(localDayOf(now, ZONE)).toBe("2027-01-05");
    expect(finalStretchQueue([strong, weak, unseen, weaker], limit({ now }))).toEqual([weaker, weak]);
  });
});

function limit(overrides: Partial<ExamLimit> = {}): ExamLimit {
  return { examDate: EXAM, timeZone: ZONE, targetRetention: 0.9, now: NOW, ...overrides };
}

function input(overrides: Partial<ReadinessInput> = {}): ReadinessInput {
  return {
    examDate: EXAM,
    timeZone: ZONE,
    targetRetention: 0.9,
    newCardsPerDayLimit: 20,
    now: NOW,
    cards: [],
    topicSizes: [],
    pace: { days: 14, reviewsPerDay: 0, newCardsPerDay: 0 },
    ...overrides,
  };
}
