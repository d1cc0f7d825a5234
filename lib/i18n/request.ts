import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, localeCookie, negotiateLocale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";

// No locale in the URL: the language comes from the user's choice (a cookie) or the browser.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(localeCookie)?.value;
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get("accept-language"));
  return { locale, messages: messagesFor(locale), timeZone: "UTC" };
});
