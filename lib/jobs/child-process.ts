import { fork, type Serializable } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { yieldWhileServing, type RequestActivity, type YieldTiming } from "./yield-to-requests";

/**
 * A job's heavy step as a process of its own at the lowest CPU priority (a fit's training, a reschedule's
 * replay): it reads what it needs through a connection of its own, and the server's thread, which serves
 * every other user, neither decodes nor computes it. The one home of how such a process is started.
 */

/** The niceness of a job's process (the lowest priority), whatever its scheduling policy. */
export const JOB_NICENESS = 19;

const CHRT = "/usr/bin/chrt";
const PRLIMIT = "/usr/bin/prlimit";

/**
 * How a job's process competes for the CPU: "idle" under SCHED_IDLE (`chrt --idle 0`: a core only when no
 * normal thread wants one, where chrt is installed) as well as nice 19, or "nice" at nice 19 only. Idle is
 * the default: at nice 19 the kernel's EEVDF scheduler still lets the job finish its slice when the
 * server wakes, which measured as other users' p95 1.2-1.5 times higher during a fit (docs/performance.md,
 * "Fourth pass"); under SCHED_IDLE any waking server thread takes the core at once. The price is that a
 * saturated machine starves the job, so its limit is on the CPU it uses, not on the time it waits.
 */
export type CpuPolicy = "idle" | "nice";

export function cpuPolicyOf(value: string | undefined): CpuPolicy {
  return value !== "nice" && fs.existsSync(CHRT) ? "idle" : "nice";
}

export type JobProcessOptions = {
  cpuPolicy?: CpuPolicy;
  /**
   * The CPU seconds the process may use before the kernel stops it (RLIMIT_CPU, through prlimit where
   * installed): a job that waits for an idle core is not stuck, one that computes this long is.
   */
  cpuSecondsLimit?: number;
  /** Added to this process' environment. */
  env?: Record<string, string>;
  /** "advanced" (structured clone) keeps Dates as Dates in messages; "json" by default. */
  serialization?: "json" | "advanced";
  /** The server's requests: the process is stopped while one is in flight (yield-to-requests.ts). */
  yieldTo?: RequestActivity;
  yieldTiming?: YieldTiming;
  /** The script calls stopBetweenTurns(): asked to stop with SIGTSTP, it stops at its next turn (yield-to-requests.ts). */
  stopsBetweenTurns?: boolean;
};

/** The kernel stopped a job's process at its CPU limit (SIGXCPU). */
export class JobCpuLimitError extends Error {}

export type JobProcess<Message> = {
  send(message: Serializable): void;
  /**
   * The process' next message. Rejects when the process ends first, or, having stopped it, with
   * `onSilence()`'s error when it says nothing for `silenceMs`.
   */
  receive(silenceMs: number, onSilence: () => Error): Promise<Message>;
  /** Kills the process unless it has ended. */
  stop(): void;
};

/**
 * Forks a script of this project (`scriptPath`: the caller builds it from the project directory, where
 * `next start` and the tests run, at run time, so that Next's bundler leaves the script and its native
 * addons alone, and traces only that file) under tsx,
 * the TypeScript runner `npm start` already uses, so that the script shares lib/'s rules instead of a copy
 * of them, under its CPU policy and limit.
 */
export function startJobProcess<Message>(scriptPath: string, options: JobProcessOptions = {}): JobProcess<Message> {
  const script = path.basename(scriptPath);
  // Each wrapper execs the next, so the IPC channel and the pid end up node's.
  const command = [
    ...(options.cpuSecondsLimit !== undefined && fs.existsSync(PRLIMIT) ? [PRLIMIT, `--cpu=${options.cpuSecondsLimit}:${options.cpuSecondsLimit + 5}`, "--core=0"] : []),
    ...(options.cpuPolicy === "idle" ? [CHRT, "--idle", "0"] : []),
    process.execPath,
    "--import",
    "tsx",
  ];
  // turbopackIgnore: Turbopack otherwise resolves a forked path as a module to bundle.
  const child = fork(/* turbopackIgnore: true */ scriptPath, [], {
    cwd: process.cwd(),
    execPath: command[0],
    execArgv: command.slice(1),
    env: { ...process.env, ...options.env },
    serialization: options.serialization ?? "json",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    if (child.pid !== undefined) os.setPriority(child.pid, JOB_NICENESS);
  } catch (error) {
    // Some containers refuse to change priorities; the job still runs, in its own process.
    console.warn(`[jobs] could not lower the priority of ${script}`, error);
  }

  const stopYielding = options.yieldTo
    ? yieldWhileServing(
        (action) => {
          const name = action === "continue" ? "SIGCONT" : options.stopsBetweenTurns ? "SIGTSTP" : "SIGSTOP";
          try {
            if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, name);
          } catch {
            // Gone between the check and the signal: nothing to stop or continue.
          }
        },
        options.yieldTo,
        options.yieldTiming,
      )
    : () => {};

  const inbox: Message[] = [];
  let ended: Error | null = null;
  let waiting: { resolve: (message: Message) => void; reject: (error: Error) => void } | null = null;
  child.on("message", (message: Message) => {
    if (!waiting) return void inbox.push(message);
    const { resolve } = waiting;
    waiting = null;
    resolve(message);
  });
  const end = (error: Error) => {
    ended ??= error;
    const pending = waiting;
    waiting = null;
    pending?.reject(ended);
  };
  child.once("error", end);
  child.once("close", (code, signal) => {
    stopYielding();
    end(
      signal === "SIGXCPU"
        ? new JobCpuLimitError(`${script}'s process used its ${options.cpuSecondsLimit} seconds of CPU and was stopped.`)
        : new Error(`${script}'s process ended without an answer (${signal ?? `exit code ${code}`}).`),
    );
  });
  const stop = () => {
    stopYielding();
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };

  return {
    send: (message) => {
      if (child.connected) child.send(message);
    },
    receive: (silenceMs, onSilence) => {
      if (inbox.length > 0) return Promise.resolve(inbox.shift()!);
      if (ended) return Promise.reject(ended);
      return new Promise<Message>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting = null;
          stop();
          reject(onSilence());
        }, silenceMs);
        waiting = {
          resolve: (message) => {
            clearTimeout(timer);
            resolve(message);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
      });
    },
    stop,
  };
}
