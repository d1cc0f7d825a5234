import { Prisma } from "@/lib/generated/prisma/client";

// Which findings weigh on readiness, as SQL: open and in progress ones, and accepted risks whose
// acceptance has run out. An accepted risk stops counting until its expiry (none given: until
// someone reopens it). False positives and duplicates never count, nor are they "filed".

export const countedFinding = (now: Date, alias = "f") =>
  Prisma.sql`(${Prisma.raw(alias)}.status in ('open', 'in_progress') or (${Prisma.raw(alias)}.status = 'risk_accepted' and ${Prisma.raw(alias)}."riskAcceptedUntil" is not null and ${Prisma.raw(alias)}."riskAcceptedUntil" < ${now}))`;

export const filedFinding = (alias = "f") => Prisma.sql`${Prisma.raw(alias)}.status not in ('false_positive', 'duplicate')`;
