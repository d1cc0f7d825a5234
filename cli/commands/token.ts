import { CliUsageError, parseOptions, withDatabase, type CliCommand } from "@/cli/command";
import { cliActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { getProjectBySlug } from "@/lib/projects/find-projects";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { findApiTokens } from "@/lib/tokens/find-api-tokens";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";

// readyboard token create --project S --name N | list --project S | revoke --project S --id ID
const token: CliCommand = async (argv) => {
  const { values, positionals } = parseOptions(argv, { project: { type: "string" }, name: { type: "string" }, id: { type: "string" } });
  const action = positionals[0];
  if (!action || !["create", "list", "revoke"].includes(action)) throw new CliUsageError('expected "token create|list|revoke --project S"');
  if (!values.project) throw new CliUsageError("name the project: --project <slug>");
  await withDatabase(async () => {
    const project = await getProjectBySlug(values.project!);
    if (!project) throw new AppError("not_found", `No project with the slug "${values.project}".`);
    if (action === "create") {
      const created = await createApiToken(cliActor, project.id, { name: values.name ?? "" });
      console.log(`Created token "${created.name}" (${created.id}) for ${project.slug}. It is shown only this once:`);
      console.log(created.token);
    } else if (action === "list") {
      for (const t of await findApiTokens(project.id)) {
        const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : `last used ${t.lastUsedAt?.toISOString() ?? "never"}`;
        console.log(`${t.id}  ${t.prefix}…  ${t.name}  (${state})`);
      }
    } else {
      if (!values.id) throw new CliUsageError("name the token: --id <id> (see token list)");
      await revokeApiToken(cliActor, project.id, values.id);
      console.log(`Revoked token ${values.id}.`);
    }
  });
};

export default token;
