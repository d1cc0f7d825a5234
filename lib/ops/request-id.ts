const sane = /^[A-Za-z0-9_-]{1,100}$/;

/** The caller's request id when it is a sane token, else a new one (ids end up in logs). */
export function requestIdFor(incoming: string | null): string {
  return incoming && sane.test(incoming) ? incoming : crypto.randomUUID();
}
