import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScanSyntaxError } from "@/lib/ingest/scan-errors";
import { xmlElements } from "@/lib/ingest/xml-elements";

async function* bytes(text: string | Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  const data = typeof text === "string" ? new TextEncoder().encode(text) : text;
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

async function collect(text: string | Uint8Array, select: (path: readonly string[]) => boolean, size?: number) {
  const out = [];
  for await (const item of xmlElements(bytes(text, size), select)) out.push(item);
  return out;
}

const junit = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="all"><testsuite name="a &amp; b" tests="2">
  <testcase name="one" time="0.1"/>
  <testcase name="two"><failure message="boom"><![CDATA[trace <here>]]></failure></testcase>
</testsuite></testsuites>`;

describe("xmlElements", () => {
  it("builds each chosen element with its children, text and its ancestors' attributes", async () => {
    const items = await collect(junit, (path) => path.at(-1) === "testcase");
    expect(items.map((i) => i.element.attributes.name)).toEqual(["one", "two"]);
    expect(items[1]!.element.children[0]).toMatchObject({ name: "failure", attributes: { message: "boom" }, text: "trace <here>" });
    expect(items[1]!.ancestors.map((a) => a.attributes.name)).toEqual(["all", "a & b"]);
    expect(items[1]!.path).toEqual(["testsuites", "testsuite", "testcase"]);
  });

  it("names elements without their namespace prefix", async () => {
    const items = await collect('<c:bom xmlns:c="http://cyclonedx.org/schema/bom/1.4"><c:vulnerabilities><c:vulnerability ref="x"/></c:vulnerabilities></c:bom>', (p) => p.at(-1) === "vulnerability");
    expect(items[0]!.path).toEqual(["bom", "vulnerabilities", "vulnerability"]);
  });

  it("reads the encoding its prolog declares", async () => {
    const latin1 = Uint8Array.from([...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><a><b>caf'), 0xe9, ...new TextEncoder().encode("</b></a>")]);
    expect((await collect(latin1, (p) => p.at(-1) === "b"))[0]!.element.text).toBe("café");
  });

  it.each([
    ["a billion laughs", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><lolz>&lol2;</lolz>'],
    ["an external entity", '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>'],
    ["an internal subset without entities", '<!DOCTYPE a [<!ELEMENT a ANY>]><a/>'],
  ])("refuses %s", async (_name, text) => {
    await expect(collect(text, () => true)).rejects.toThrow(/DOCTYPE that declares entities is refused/);
  });

  it("reads a DOCTYPE that only names an external DTD, which it never fetches", async () => {
    const text = '<?xml version="1.0"?>\n<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">\n<coverage line-rate="0.5"><packages/></coverage>';
    expect((await collect(text, (p) => p.at(-1) === "packages"))[0]!.ancestors[0]!.attributes["line-rate"]).toBe("0.5");
  });

  it.each([
    ["an unclosed element", "<a><b></a>", 1],
    ["text that is not XML", "hello", 1],
    ["an undefined entity", "<a>&nope;</a>", 1],
    ["an empty file", "", 1],
  ])("says where %s stops being XML", async (_name, text, line) => {
    const error = await collect(text, () => true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScanSyntaxError);
    expect(error).toMatchObject({ line });
  });

  it("only ever fails with a ScanSyntaxError on cut or damaged documents", async () => {
    const source = new TextEncoder().encode(junit);
    await fc.assert(
      fc.asyncProperty(fc.nat(source.length), fc.nat(), fc.integer({ min: 0, max: 255 }), async (cut, at, byte) => {
        const damaged = Uint8Array.from(source.subarray(0, cut));
        if (damaged.length) damaged[at % damaged.length] = byte;
        const result = await collect(damaged, (p) => p.at(-1) === "testcase").catch((e: unknown) => e);
        if (result instanceof Error) expect(result).toBeInstanceOf(ScanSyntaxError);
      }),
      { numRuns: 300 },
    );
  });
});
