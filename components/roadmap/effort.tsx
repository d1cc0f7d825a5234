"use client";

import { useFormatter, useTranslations } from "next-intl";
import { effortParts } from "@/lib/roadmap/effort-parts";

/** "3–5 d", "45 min": an effort (range) in the reader's language and number format. */
export function Effort({ minutes, minutesHigh }: { minutes: number; minutesHigh: number | null }) {
  const t = useTranslations("reports.effortUnits");
  const format = useFormatter();
  const { unit, low, high } = effortParts(minutes, minutesHigh);
  const value = high === null ? format.number(low) : `${format.number(low)}–${format.number(high)}`;
  return <>{t(unit, { value })}</>;
}
