/**
 * The memory-model bench's control for the fit (bench/memory-model.ts, job "busy"): a process started as the
 * fit's is (lib/jobs/child-process.ts: its CPU policy and limit) that only computes, for as long as it is told,
 * then answers. Whatever it does to other users' requests, any background computation on this machine does.
 */
process.once("message", (message: { ms: number }) => {
  const end = Date.now() + message.ms;
  let spins = 0;
  while (Date.now() < end) spins++;
  process.send!({ spins }, () => process.exit(0));
});
