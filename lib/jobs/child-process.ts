import { fork, type Serializable } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A job's heavy step as a process of its own at the lowest CPU priority (a fit's training, a reschedule's
 * replay): it reads what it needs through a connection of its own, and the server's thread, which serves
 * every other user, neither decodes nor computes it. The one home of how such a process is started.
 */

/** The niceness of a job's process (the lowest priority), whatever its scheduling policy. */
export const JOB_NICENESS = 19;

const CHRT = "/usr/bin/chrt";

/**
 * How a job's process competes for the CPU: "nice" at nice 19, or "idle" under SCHED_IDLE as well
 * (`chrt --idle 0`: a core only when no normal thread wants one; where chrt is installed).
 */
export type CpuPolicy = "idle" | "nice";

export function cpuPolicyOf(value: string | undefined): CpuPolicy {
  return value === "idle" && fs.existsSync(CHRT) ? "idle" : "nice";
}

export type JobProcessOptions = {
  cpuPolicy?: CpuPolicy;
  /** Added to this process' environment. */
  env?: Record<string, string>;
  /** "advanced" (structured clone) keeps Dates as Dates in messages; "json" by default. */
  serialization?: "json" | "advanced";
};

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
 * of them. Under SCHED_IDLE, chrt starts and becomes the child (exec): the IPC channel and the pid are node's.
 */
export function startJobProcess<Message>(scriptPath: string, options: JobProcessOptions = {}): JobProcess<Message> {
  const nodeArgs = ["--import", "tsx"];
  const script = path.basename(scriptPath);
  // turbopackIgnore: Turbopack otherwise resolves a forked path as a module to bundle.
  const child = fork(/* turbopackIgnore: true */ scriptPath, [], {
    cwd: process.cwd(),
    ...(options.cpuPolicy === "idle" ? { execPath: CHRT, execArgv: ["--idle", "0", process.execPath, ...nodeArgs] } : { execArgv: nodeArgs }),
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
  child.once("close", (code, signal) => end(new Error(`${script}'s process ended without an answer (${signal ?? `exit code ${code}`}).`)));
  const stop = () => {
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
