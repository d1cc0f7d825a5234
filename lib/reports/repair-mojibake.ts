// Text that was UTF-8, read as Windows-1252 and saved again: "â€”" for "—", "ðŸ”´" for "🔴".
// Each run of characters that Windows-1252 can produce is mapped back to its bytes and
// replaced only when those bytes are valid UTF-8, so correctly encoded text stays as it is.

// Windows-1252's 0x80–0x9F differ from Latin-1; the five bytes it leaves undefined come
// through as the C1 control characters themselves.
const cp1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const byteOf = new Map<string, number>();
for (let i = 0; i < 32; i++) byteOf.set(cp1252High[i]!, 0x80 + i);
for (let b = 0xa0; b <= 0xff; b++) byteOf.set(String.fromCharCode(b), b);

const decoder = new TextDecoder("utf-8", { fatal: true });
// A run starts with a lead byte (Ã…ô: 0xC2–0xF4) and goes on through characters that map to bytes.
const run = /[\u00C2-\u00F4][\u0080-\u00FF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]+/g;

function decodeRun(text: string): string | null {
  const bytes: number[] = [];
  for (const char of text) {
    const byte = byteOf.get(char);
    if (byte === undefined) return null;
    bytes.push(byte);
  }
  try {
    return decoder.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/** Decodes as much of a run as forms valid UTF-8, sequence by sequence. */
function repairRun(text: string): string {
  const whole = decodeRun(text);
  if (whole !== null) return whole;
  let out = "";
  let i = 0;
  const chars = [...text];
  while (i < chars.length) {
    let done = false;
    for (let len = Math.min(4, chars.length - i); len >= 2; len--) {
      const decoded = decodeRun(chars.slice(i, i + len).join(""));
      if (decoded !== null) {
        out += decoded;
        i += len;
        done = true;
        break;
      }
    }
    if (!done) out += chars[i++];
  }
  return out;
}

export function repairMojibake(text: string): { text: string; repaired: boolean } {
  const repaired = text.replace(run, repairRun);
  return { text: repaired, repaired: repaired !== text };
}
