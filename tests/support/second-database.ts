import { randomBytes } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/db/migrate";

/** A new, migrated, empty database in the test cluster, for restore tests. */
export async function makeEmptyDatabase(clusterUrl: string) {
  const name = `restore_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
  return { url: url.toString(), client };
}
