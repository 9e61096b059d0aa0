/**
 * A job process for tests/jobs/child-process.test.ts: says how it is scheduled or its pid, computes until
 * stopped, or (after "between-turns") stops only between turns and holds one turn until a file exists.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { stopBetweenTurns } from "@/lib/jobs/yield-to-requests";

process.on("message", (command) => {
  if (command === "describe") {
    process.send!({ policy: execFileSync("chrt", ["-p", String(process.pid)], { encoding: "utf8" }), niceness: os.getPriority() });
  }
  if (command === "pid") process.send!({ pid: process.pid });
  if (command === "between-turns") {
    stopBetweenTurns();
    process.send!({ pid: process.pid });
  }
  if (typeof command === "object" && command !== null && "holdUntil" in command) {
    // One synchronous turn, as a query is: a stop asked for meanwhile waits for its end.
    const file = String(command.holdUntil);
    process.send!({ pid: process.pid });
    while (!fs.existsSync(file)) Math.sqrt(Math.random());
  }
  if (command === "spin") {
    for (;;) Math.sqrt(Math.random());
  }
});
