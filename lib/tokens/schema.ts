import { z } from "zod";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token, e.g. after the pipeline that uses it.").max(100, "At most 100 characters."),
});
