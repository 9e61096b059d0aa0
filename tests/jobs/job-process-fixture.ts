/** A job process for tests/jobs/child-process.test.ts: says how it is scheduled or its pid, or computes until stopped. */
import { execFileSync } from "node:child_process";
import os from "node:os";

process.on("message", (command) => {
  if (command === "describe") {
    process.send!({ policy: execFileSync("chrt", ["-p", String(process.pid)], { encoding: "utf8" }), niceness: os.getPriority() });
  }
  if (command === "pid") process.send!({ pid: process.pid });
  if (command === "spin") {
    for (;;) Math.sqrt(Math.random());
  }
});
