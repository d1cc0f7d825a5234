import { CliUsageError, parseOptions, readStdin, withDatabase, type CliCommand } from "@/cli/command";
import { cliActor } from "@/lib/audit/record-audit";
import { createUser } from "@/lib/users/create-user";
import { ensureAdmin } from "@/lib/users/ensure-admin";
import { env } from "@/lib/env";

// readyboard user create --email E --role R [--name N]   (password from stdin, else generated)
const user: CliCommand = async (argv) => {
  const { values, positionals } = parseOptions(argv, {
    email: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
  });
  if (positionals[0] === "ensure-admin") return ensureFirstAdmin();
  if (positionals[0] !== "create") throw new CliUsageError('expected "user create --email E --role R" or "user ensure-admin"');
  if (!values.email || !values.role) throw new CliUsageError("--email and --role are required");
  const piped = (await readStdin()).replace(/\r?\n$/, "");
  await withDatabase(async () => {
    const { user: created, generatedPassword } = await createUser(cliActor, {
      email: values.email!,
      role: values.role!,
      name: values.name ?? "",
      password: piped,
    });
    console.log(`Created ${created.role} ${created.email}`);
    if (generatedPassword) console.log(`Password: ${generatedPassword}  (shown once)`);
  });
};

// First start of a container: the admin from READYBOARD_ADMIN_EMAIL/_PASSWORD, only when the
// database has no users at all.
async function ensureFirstAdmin() {
  await withDatabase(async () => {
    const admin = await ensureAdmin({ email: env().READYBOARD_ADMIN_EMAIL, password: env().READYBOARD_ADMIN_PASSWORD });
    if (!admin) return;
    console.log(`Created admin ${admin.email}`);
    if (admin.password) console.log(`Password: ${admin.password}  (shown once)`);
  });
}

export default user;
