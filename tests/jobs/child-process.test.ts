import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cpuPolicyOf, JOB_NICENESS, JobCpuLimitError, startJobProcess } from "@/lib/jobs/child-process";
import { yieldWhileServing, type RequestActivity } from "@/lib/jobs/yield-to-requests";

const fixture = path.join(process.cwd(), "tests", "jobs", "job-process-fixture.ts");
type Description = { policy: string; niceness: number };
const hasChrt = fs.existsSync("/usr/bin/chrt");
const hasPrlimit = fs.existsSync("/usr/bin/prlimit");

describe("a job's process", () => {
  it.runIf(hasChrt)("runs under SCHED_IDLE at nice 19 by default, and at nice 19 only when told", async () => {
    expect(cpuPolicyOf(undefined)).toBe("idle");
    expect(cpuPolicyOf("nice")).toBe("nice");
    for (const [cpuPolicy, expected] of [
      ["idle", /SCHED_IDLE/],
      ["nice", /SCHED_OTHER/],
    ] as const) {
      const child = startJobProcess<Description>(fixture, { cpuPolicy });
      try {
        child.send("describe");
        const description = await child.receive(30_000, () => new Error("no answer"));
        expect(description.policy).toMatch(expected);
        expect(description.niceness).toBe(JOB_NICENESS);
      } finally {
        child.stop();
      }
    }
  });

  it.runIf(hasPrlimit)("is stopped by the kernel once it has used its CPU seconds", async () => {
    const child = startJobProcess<Description>(fixture, { cpuPolicy: "nice", cpuSecondsLimit: 1 });
    try {
      child.send("spin");
      const error = await child.receive(60_000, () => new Error("silence limit reached")).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(JobCpuLimitError);
      expect((error as Error).message).toContain("used its 1 seconds of CPU");
    } finally {
      child.stop();
    }
  });
});

/** A server's request count, moved by hand. */
function requestsByHand() {
  let inFlight = 0;
  const listeners = new Set<(inFlight: number) => void>();
  return {
    activity: {
      inFlight: () => inFlight,
      subscribe: (listener: (inFlight: number) => void) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    } satisfies RequestActivity,
    set(count: number) {
      inFlight = count;
      for (const listener of listeners) listener(count);
    },
  };
}

/** The process' state letter from /proc: "T" when stopped. */
function processState(pid: number): string {
  return fs.readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "")[0]!;
}

async function eventually(check: () => boolean, what: string) {
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 10))) if (check()) return;
  throw new Error(`never: ${what}`);
}

describe("a job's process beside the server's requests", () => {
  it("is stopped while a request is in flight and continues once none has been for a moment", async () => {
    const requests = requestsByHand();
    const child = startJobProcess<{ pid: number }>(fixture, { cpuPolicy: "nice", yieldTo: requests.activity, yieldTiming: { quietMs: 20, maxPauseMs: 60_000, sliceMs: 25 } });
    try {
      child.send("pid");
      const { pid } = await child.receive(30_000, () => new Error("no pid"));
      expect(processState(pid)).not.toBe("T");
      requests.set(1);
      await eventually(() => processState(pid) === "T", "stopped while a request is in flight");
      requests.set(2);
      requests.set(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(processState(pid)).toBe("T");
      requests.set(0);
      await eventually(() => processState(pid) !== "T", "continued once no request is in flight");
      child.send("pid");
      expect(await child.receive(30_000, () => new Error("no answer after continuing"))).toEqual({ pid });
    } finally {
      child.stop();
    }
  });
});

describe("a job's process that stops only between turns (stopBetweenTurns)", () => {
  const start = async () => {
    const requests = requestsByHand();
    const child = startJobProcess<{ pid: number }>(fixture, {
      cpuPolicy: "nice",
      yieldTo: requests.activity,
      yieldTiming: { quietMs: 20, maxPauseMs: 60_000, sliceMs: 25 },
      stopsBetweenTurns: true,
    });
    child.send("between-turns");
    const { pid } = await child.receive(30_000, () => new Error("no pid"));
    const release = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "smriti-turn-")), "release");
    child.send({ holdUntil: release });
    await child.receive(30_000, () => new Error("did not start its turn"));
    return { requests, child, pid, release: () => fs.writeFileSync(release, "") };
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("is not stopped inside a turn, and stops as the turn ends while the request is still in flight", async () => {
    const { requests, child, pid, release } = await start();
    try {
      requests.set(1);
      await pause(300);
      expect(processState(pid)).not.toBe("T");
      release();
      await eventually(() => processState(pid) === "T", "stopped once its turn ended");
      requests.set(0);
      await eventually(() => processState(pid) !== "T", "continued once no request is in flight");
      child.send("pid");
      expect(await child.receive(30_000, () => new Error("no answer after continuing"))).toEqual({ pid });
    } finally {
      child.stop();
    }
  });

  it("does not stop when the server was quiet again before its turn ended", async () => {
    const { requests, child, pid, release } = await start();
    try {
      requests.set(1);
      await pause(100);
      requests.set(0);
      // The quiet time passes and the continue is sent while the turn still holds the stop.
      await pause(300);
      release();
      await pause(300);
      expect(processState(pid)).not.toBe("T");
      child.send("pid");
      expect(await child.receive(30_000, () => new Error("stopped with no request in flight"))).toEqual({ pid });
    } finally {
      child.stop();
    }
  });
});

/** Timers that run only when the test moves the clock. */
function manualTimers() {
  let now = 0;
  let pending: { id: number; at: number; run: () => void }[] = [];
  let next = 0;
  return {
    timers: {
      setTimeout: (run: () => void, ms: number) => {
        const id = next++;
        pending.push({ id, at: now + ms, run });
        return id;
      },
      clearTimeout: (id: unknown) => void (pending = pending.filter((timer) => timer.id !== id)),
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = pending.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        pending = pending.filter((timer) => timer !== due);
        now = due.at;
        due.run();
      }
      now = until;
    },
  };
}

describe("yieldWhileServing", () => {
  const timing = { quietMs: 20, maxPauseMs: 1_000, sliceMs: 25 };
  const setUp = (changes: Partial<typeof timing> = {}) => {
    const requests = requestsByHand();
    const clock = manualTimers();
    const signals: string[] = [];
    const stopWatching = yieldWhileServing((name) => signals.push(name), requests.activity, { ...timing, ...changes }, clock.timers);
    return { requests, clock, signals, stopWatching };
  };

  it("stops the process as a request arrives, and continues it after the quiet time with none in flight", () => {
    const { requests, clock, signals } = setUp();
    expect(signals).toEqual([]);
    requests.set(1);
    expect(signals).toEqual(["stop"]);
    requests.set(0);
    clock.advance(19);
    requests.set(1);
    requests.set(0);
    clock.advance(19);
    expect(signals, "a request within the quiet time starts it again").toEqual(["stop"]);
    clock.advance(1);
    expect(signals).toEqual(["stop", "continue"]);
  });

  it("with no quiet time, continues the process the moment no request is in flight", () => {
    const { requests, signals } = setUp({ quietMs: 0 });
    requests.set(1);
    requests.set(2);
    requests.set(1);
    expect(signals).toEqual(["stop"]);
    requests.set(0);
    expect(signals).toEqual(["stop", "continue"]);
    requests.set(1);
    expect(signals).toEqual(["stop", "continue", "stop"]);
  });

  it("under a load that never pauses, runs a slice after each longest pause: about 2.4 % of the time", () => {
    const { requests, clock, signals } = setUp();
    requests.set(3);
    clock.advance(999);
    expect(signals).toEqual(["stop"]);
    clock.advance(1);
    expect(signals).toEqual(["stop", "continue"]);
    clock.advance(25);
    expect(signals).toEqual(["stop", "continue", "stop"]);
    clock.advance(10 * 1_025);
    expect(signals.filter((name) => name === "continue")).toHaveLength(11);
  });

  it("lets a slice run its length even as requests come and go, then stops again if one is in flight", () => {
    const { requests, clock, signals } = setUp();
    requests.set(1);
    clock.advance(1_000);
    requests.set(2);
    requests.set(1);
    expect(signals).toEqual(["stop", "continue"]);
    clock.advance(25);
    expect(signals).toEqual(["stop", "continue", "stop"]);
  });

  it("stops a process already busy serving at the start, and leaves it running when it stops watching", () => {
    const requests = requestsByHand();
    requests.set(1);
    const signals: string[] = [];
    const stopWatching = yieldWhileServing((name) => signals.push(name), requests.activity, timing, manualTimers().timers);
    expect(signals).toEqual(["stop"]);
    stopWatching();
    expect(signals).toEqual(["stop", "continue"]);
    requests.set(2);
    expect(signals, "no longer watching").toEqual(["stop", "continue"]);
  });

  it("counts scripts/serve.ts' requests in one place for every copy of the module", async () => {
    const { requestStarted, requestEnded, serverRequests } = await import("@/lib/jobs/yield-to-requests");
    const seen: number[] = [];
    const unsubscribe = serverRequests().subscribe((inFlight) => seen.push(inFlight));
    const before = serverRequests().inFlight();
    requestStarted();
    requestStarted();
    requestEnded();
    expect(serverRequests().inFlight()).toBe(before + 1);
    requestEnded();
    unsubscribe();
    expect(seen).toEqual([before + 1, before + 2, before + 1, before]);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for("smriti.requestsInFlight")]).toMatchObject({ inFlight: before });
  });
});
