import { createHash, randomBytes } from "node:crypto";

// A project API token: "rb_" + 32 random bytes. Only its sha256 is stored; the first
// characters are kept so people can tell tokens apart in a list.

export const newTokenSecret = () => `rb_${randomBytes(32).toString("base64url")}`;
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const tokenPrefix = (token: string) => token.slice(0, 10);
