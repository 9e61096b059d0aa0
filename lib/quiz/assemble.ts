import { seededRandom, shuffled } from "@/lib/content/generate/random";

/**
 * A question that may go into a quiz. `siblingKeys` name what it asks about (its facts, and the things
 * those facts are about): two questions sharing one are siblings, and one would give the other away.
 */
export type Candidate = { itemId: string; topic: string; type: string; siblingKeys: readonly string[] };

/**
 * The one rule that keeps questions apart in every quiz - daily, topic, mistakes, misjudged and mock
 * paper: two questions are siblings when they share a fact or a narrow subject, which includes the
 * `fact:<id>` keys of facts one item prints and another asks (a stem that says "the Quad meeting in
 * Tokyo was held on 29 July 2024" beside "... of July 2024 was held in New York"). A paper shows no
 * explanation, but its stems alone can answer each other; a shorter paper beats a leaking one.
 */
export function siblingKeysOf(item: { factIds: readonly string[]; subjects: readonly string[] }): string[] {
  return [...item.factIds, ...item.subjects.map((subject) => `subject:${subject}`)];
}

/**
 * Picks a quiz's questions: due questions first (most overdue first) up to half the quiz, then new
 * questions taken in turn from each topic and type, so that a quiz spans the bank, then more due ones
 * if new ones run out. Never two questions of one fact: one's explanation would give the other away.
 * The order is then shuffled with the seed, so formats and topics alternate.
 */
export function assembleQuiz(due: readonly Candidate[], fresh: readonly Candidate[], size: number, seed: string): Candidate[] {
  const chosen: Candidate[] = [];
  const taken = new Set<string>();
  const keysAsked = new Set<string>();
  const take = (candidate: Candidate) => {
    if (chosen.length >= size || taken.has(candidate.itemId) || candidate.siblingKeys.some((key) => keysAsked.has(key))) return;
    chosen.push(candidate);
    taken.add(candidate.itemId);
    for (const key of candidate.siblingKeys) keysAsked.add(key);
  };
  for (const candidate of due.slice(0, Math.ceil(size / 2))) take(candidate);
  for (const candidate of roundRobin(shuffled(fresh, seededRandom(`${seed}:fresh`)))) take(candidate);
  for (const candidate of due) take(candidate);
  return shuffled(chosen, seededRandom(`${seed}:order`));
}

/** One candidate from each topic-and-type group in turn, so no group crowds out the rest. */
function roundRobin(candidates: readonly Candidate[]): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const key = `${candidate.topic}\u0000${candidate.type}`;
    const group = groups.get(key);
    if (group) group.push(candidate);
    else groups.set(key, [candidate]);
  }
  const queues = [...groups.values()];
  const result: Candidate[] = [];
  for (let round = 0; result.length < candidates.length; round++) {
    for (const queue of queues) if (queue[round]) result.push(queue[round]!);
  }
  return result;
}
