// Next runs register() once when a server starts: the hourly check for each project's daily snapshot.
export async function register() {
  // The edge runtime has no database driver; the daily job belongs to the Node server.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startDailySnapshots } = await import("@/lib/maturity/daily-snapshots");
  startDailySnapshots();
}
