/**
 * A file download streamed from an export's chunks. The first chunk is awaited before the response
 * starts, so that an export that fails at once (an unknown topic) still answers with its status code.
 */
export async function download(chunks: AsyncGenerator<string>, file: { name: string; contentType: string }): Promise<Response> {
  const first = await chunks.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(encoder.encode(first.value));
    },
    // Pulled as the client reads, so a slow download never makes the server hold the whole export.
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.name}"`,
      "Cache-Control": "no-store",
    },
  });
}
