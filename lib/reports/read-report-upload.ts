import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { checkReportSize } from "@/lib/reports/read-report-text";

// The bytes of a report sent to the API: a multipart form with a `file` (or pasted `text`), or
// the Markdown itself as the body with ?fileName=. Never holds more than the limit in memory.

/** Room for multipart boundaries and part headers around a report of the largest size. */
const MULTIPART_OVERHEAD = 64 * 1024;

const noReport = () => new AppError("invalid", "Send a report.", { file: ["Choose a report file or paste its text."] });

/** The last path segment, so "C:\\reports\\a.md" and "../a.md" are stored as "a.md". */
const baseName = (name: string | null | undefined, fallback: string) => name?.split(/[\\/]/).pop()?.trim().slice(0, 255) || fallback;

async function readBody(request: Request, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > cap) {
      await reader!.cancel();
      checkReportSize(size, { atLeast: true });
    }
    chunks.push(next.value);
  }
  const declared = Number(request.headers.get("content-length"));
  // A proxy in front (Next's own included) may cut a body short; never import half a report.
  if (declared && size < declared) throw new AppError("invalid", "The upload was cut short; send the report again.");
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export async function readReportUpload(request: Request): Promise<{ bytes: Uint8Array; fileName: string }> {
  const type = request.headers.get("content-type") ?? "";
  const multipart = /^multipart\/form-data/i.test(type);
  const cap = env().REPORT_MAX_BYTES + (multipart ? MULTIPART_OVERHEAD : 0);
  const declared = Number(request.headers.get("content-length"));
  if (declared > cap) checkReportSize(declared - (multipart ? MULTIPART_OVERHEAD : 0));
  const body = await readBody(request, cap);

  if (!multipart) {
    if (body.byteLength === 0) throw noReport();
    return { bytes: body, fileName: baseName(new URL(request.url).searchParams.get("fileName"), "report.md") };
  }
  const form = await new Response(body, { headers: { "content-type": type } }).formData().catch(() => {
    throw new AppError("invalid", "The form could not be read as multipart/form-data.");
  });
  const file = form.get("file");
  if (file instanceof Blob && file.size > 0) {
    return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: baseName(file instanceof File ? file.name : null, "report.md") };
  }
  const text = form.get("text");
  if (typeof text === "string" && text.trim()) {
    const fileName = form.get("fileName");
    return { bytes: new TextEncoder().encode(text), fileName: baseName(typeof fileName === "string" ? fileName : null, "pasted-report.md") };
  }
  throw noReport();
}
