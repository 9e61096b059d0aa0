// Runs once when the server starts. The check lives in a Node-only module: the Edge runtime has no process.exit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { recordPeerAddresses, startMemoryModelRefits, stopOnBadEnvironment } = await import("./instrumentation-node");
    stopOnBadEnvironment();
    recordPeerAddresses();
    startMemoryModelRefits();
  }
}
