import "server-only";
import { getDb } from "@/lib/db";

/** True when the database answers `select 1` within the timeout. */
export async function checkReady(probe: () => Promise<unknown> = () => getDb().$queryRaw`select 1`, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([probe().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
