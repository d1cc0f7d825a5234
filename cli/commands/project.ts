import { CliUsageError, parseOptions, withDatabase, type CliCommand } from "@/cli/command";
import { cliActor } from "@/lib/audit/record-audit";
import { createProject } from "@/lib/projects/create-project";

// readyboard project create --slug S --name N [--description D] [--repo-url U] [--owner-team T]
const project: CliCommand = async (argv) => {
  const { values, positionals } = parseOptions(argv, {
    slug: { type: "string" },
    name: { type: "string" },
    description: { type: "string" },
    "repo-url": { type: "string" },
    "owner-team": { type: "string" },
  });
  if (positionals[0] !== "create") throw new CliUsageError('expected "project create --slug S --name N"');
  await withDatabase(async () => {
    const created = await createProject(cliActor, {
      slug: values.slug ?? "",
      name: values.name ?? "",
      description: values.description ?? "",
      repoUrl: values["repo-url"] ?? "",
      ownerTeam: values["owner-team"] ?? "",
    });
    console.log(`Created project ${created.slug} (${created.name}) with the 15 default categories`);
  });
};

export default project;
