import { CliUsageError, parseOptions, readStdin, withDatabase, type CliCommand } from "@/cli/command";
import { cliActor } from "@/lib/audit/record-audit";
import { createUser } from "@/lib/users/create-user";

// readyboard user create --email E --role R [--name N]   (password from stdin, else generated)
const user: CliCommand = async (argv) => {
  const { values, positionals } = parseOptions(argv, {
    email: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
  });
  if (positionals[0] !== "create") throw new CliUsageError('expected "user create --email E --role R"');
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

export default user;
