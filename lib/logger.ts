import pino from "pino";
import { env } from "@/lib/env";

// JSON logs on stdout. Secrets never reach a log: these paths are redacted wherever they appear.
export const logger = pino({
  level: env().LOG_LEVEL,
  base: { service: "readyboard" },
  redact: {
    paths: ["password", "*.password", "token", "*.token", "authorization", "*.authorization", "headers.cookie", "req.headers.cookie"],
    censor: "[redacted]",
  },
});
