import { z } from "zod";

// What an upload says about its scan, besides the file: the same fields from the API's form,
// the UI's form and the CLI's options.
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} has at most ${max} characters.`)
    .optional()
    .transform((v) => v || undefined);

export const scanUploadOptionsSchema = z.object({
  /** A format id (see scan-formats.ts) to skip detection. */
  format: optionalText(40, "The format"),
  branch: optionalText(200, "The branch").refine((v) => v === undefined || !/[\s~^:?*[\\]/.test(v), "A branch name has no spaces or ~^:?*[\\."),
  commit: optionalText(64, "The commit").refine((v) => v === undefined || /^[0-9a-f]{4,64}$/i.test(v), "A commit is a hex hash."),
  /** Resolve findings of this tool (and branch) that the scan no longer reports. On unless "false". */
  closeMissing: z
    .union([z.boolean(), z.enum(["true", "false", "1", "0", "on", "off", ""])])
    .optional()
    .transform((v) => v === undefined || v === "" || v === true || v === "true" || v === "1" || v === "on"),
});
