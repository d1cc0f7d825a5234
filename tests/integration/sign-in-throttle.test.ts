import { describe, expect, it } from "vitest";
import { clearFailures, recordFailure, retryAfterSeconds, throttleKeys } from "@/lib/auth/throttle";

describe("sign-in throttling", () => {
  it("blocks an email after 5 failures within the window, for the window", async () => {
    const keys = throttleKeys(`t-${Date.now()}@example.test`, undefined);
    const now = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < 4; i++) await recordFailure(keys, now);
    expect(await retryAfterSeconds(keys, now)).toBe(0);
    await recordFailure(keys, now);
    expect(await retryAfterSeconds(keys, now)).toBe(900);
    expect(await retryAfterSeconds(keys, new Date(now.getTime() + 901_000))).toBe(0);
  });

  it("starts counting again after the window, and a success clears the count", async () => {
    const keys = throttleKeys(`u-${Date.now()}@example.test`, "203.0.113.9");
    const start = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < 4; i++) await recordFailure(keys, start);
    const later = new Date(start.getTime() + 901_000);
    await recordFailure(keys, later);
    expect(await retryAfterSeconds(keys, later)).toBe(0);
    await clearFailures(keys);
    for (let i = 0; i < 4; i++) await recordFailure(keys, later);
    expect(await retryAfterSeconds(keys, later)).toBe(0);
  });

  it("lets other people at the same address sign in after one person's failures, up to 50 from it", async () => {
    const address = "198.51.100.7";
    const now = new Date("2026-01-02T10:00:00Z");
    const typist = throttleKeys(`typist-${Date.now()}@example.test`, address);
    for (let i = 0; i < 5; i++) await recordFailure(typist, now);
    expect(await retryAfterSeconds(typist, now)).toBe(900);
    const colleague = throttleKeys(`colleague-${Date.now()}@example.test`, address);
    expect(await retryAfterSeconds(colleague, now)).toBe(0);

    // A guesser cycling through emails from one address is stopped by the address count,
    // and signing in to an own account does not reset it.
    for (let i = 0; i < 45; i++) await recordFailure(throttleKeys(`guess-${i}-${Date.now()}@example.test`, address), now);
    await clearFailures(colleague);
    expect(await retryAfterSeconds(colleague, now)).toBe(900);
  });
});
