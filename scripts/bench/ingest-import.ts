import { scanSourceFromPath } from "@/lib/ingest/scan-source";
import { importScan } from "@/lib/ingest/import-scan";
import { cliActor } from "@/lib/audit/record-audit";
import { disconnectDb } from "@/lib/db";

// One import in its own process, so its peak memory is its own: node … ingest-import.ts <file> <projectId>
const [file, projectId] = process.argv.slice(2);
const source = await scanSourceFromPath(file!);
const started = performance.now();
const summary = await importScan(cliActor, projectId!, { source, sha256: "0".repeat(64) });
const seconds = (performance.now() - started) / 1000;
await disconnectDb();
console.log(JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, summary }));
