import { getFormatter, getTranslations } from "next-intl/server";

/** Under a history entry: who made the change (or Readyboard itself) and when. */
export async function EventByline({ actor, at }: { actor: { email: string } | null; at: Date }) {
  const [t, format] = await Promise.all([getTranslations("findings.event"), getFormatter()]);
  return (
    <p className="text-xs text-slate-500">
      {actor ? t("by", { email: actor.email }) : t("system")} ·{" "}
      <time dateTime={at.toISOString()}>{format.dateTime(at, { dateStyle: "medium", timeStyle: "short" })}</time>
    </p>
  );
}
