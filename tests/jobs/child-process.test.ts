import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cpuPolicyOf, JOB_NICENESS, JobCpuLimitError, startJobProcess } from "@/lib/jobs/child-process";

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
