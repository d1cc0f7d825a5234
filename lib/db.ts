import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// The one Prisma client. Created on first use so the CLI can choose the database first.
const globalForDb = globalThis as unknown as { readyboardDb?: PrismaClient };

function createClient(): PrismaClient {
  const url = env().DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Readyboard with `npm start` or set it.");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
}

export function getDb(): PrismaClient {
  globalForDb.readyboardDb ??= createClient();
  return globalForDb.readyboardDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.readyboardDb?.$disconnect();
  globalForDb.readyboardDb = undefined;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
