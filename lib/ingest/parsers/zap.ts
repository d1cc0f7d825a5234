import { ANY, jsonItems } from "@/lib/ingest/json-items";
import { fingerprintOf, normalizeCwe, normalizeForFingerprint, paragraphs, severityFromWord, titleText } from "@/lib/ingest/normalize";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { jsonStart } from "@/lib/ingest/scan-source";
import type { ScanParser, ScanRecord, ScanSeverity, ScanSource } from "@/lib/ingest/scan-types";
import { xmlElements, type XmlElement } from "@/lib/ingest/xml-elements";
import { finding, headString, headText, listItems, plainText, uniqueLocations, urlsIn } from "@/lib/ingest/parsers/code-scan-support";
import { field, isObject, textOf } from "@/lib/ingest/parsers/json-values";

// OWASP ZAP's XML report (<OWASPZAPReport><site><alerts><alertitem>) and its JSON twin
// ({"@version", "site": [{"alerts": […]}]}): one finding per alert per site, its instances (the
// URLs it was seen on) as locations. Alert items stream one by one.

type ZapInstance = { uri: string | null; method: string | null; param: string | null; evidence: string | null };
type ZapAlert = {
  pluginId: string | null;
  alertRef: string | null;
  title: string | null;
  riskCode: string | null;
  riskDesc: string | null;
  confidence: string | null;
  desc: string | null;
  solution: string | null;
  otherInfo: string | null;
  reference: string | null;
  cweId: string | null;
  instances: ZapInstance[];
};

const risks: Record<string, ScanSeverity> = { "3": "high", "2": "medium", "1": "low", "0": "info" };
const confidences: Record<string, string> = { "1": "Low", "2": "Medium", "3": "High", "4": "Confirmed by a user" };
// A user marked the alert a false positive in ZAP.
const FALSE_POSITIVE = "0";
const EVIDENCE_CHARS = 300;

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name);
const childText = (element: XmlElement, name: string) => textOf(child(element, name)?.text);

function alertFromXml(item: XmlElement): ZapAlert {
  const instances = child(item, "instances")?.children.filter((c) => c.name === "instance") ?? [];
  return {
    pluginId: childText(item, "pluginid"),
    alertRef: childText(item, "alertRef"),
    title: childText(item, "alert") ?? childText(item, "name"),
    riskCode: childText(item, "riskcode"),
    riskDesc: childText(item, "riskdesc"),
    confidence: childText(item, "confidence"),
    desc: childText(item, "desc"),
    solution: childText(item, "solution"),
    otherInfo: childText(item, "otherinfo"),
    reference: childText(item, "reference"),
    cweId: childText(item, "cweid"),
    instances: instances.map((i) => ({ uri: childText(i, "uri"), method: childText(i, "method"), param: childText(i, "param"), evidence: childText(i, "evidence") })),
  };
}

function alertFromJson(item: unknown, where: string): ZapAlert {
  if (!isObject(item)) throw new ScanShapeError("an alert that is not an object", where);
  const instances = Array.isArray(item.instances) ? item.instances : [];
  return {
    pluginId: textOf(item.pluginid),
    alertRef: textOf(item.alertRef),
    title: textOf(item.alert) ?? textOf(item.name),
    riskCode: textOf(item.riskcode),
    riskDesc: textOf(item.riskdesc),
    confidence: textOf(item.confidence),
    desc: textOf(item.desc),
    solution: textOf(item.solution),
    otherInfo: textOf(item.otherinfo),
    reference: textOf(item.reference),
    cweId: textOf(item.cweid),
    instances: instances.map((i) => ({ uri: textOf(field(i, "uri")), method: textOf(field(i, "method")), param: textOf(field(i, "param")), evidence: textOf(field(i, "evidence")) })),
  };
}

function severityOf(alert: ZapAlert): ScanSeverity {
  // riskdesc is "Medium (High)": the risk, then the confidence.
  return risks[alert.riskCode ?? ""] ?? severityFromWord(alert.riskDesc?.split(" ", 1)[0]) ?? "medium";
}

function alertFinding(alert: ZapAlert, site: string | null, where: string) {
  const ruleId = alert.alertRef ?? alert.pluginId;
  if (!ruleId && !alert.title) throw new ScanShapeError("an alert without a plugin id or name", where);
  const title = alert.title ?? `ZAP alert ${ruleId}`;
  const evidence = alert.instances.find((i) => i.evidence)?.evidence;
  const cwe = normalizeCwe(alert.cweId);
  const confidence = confidences[alert.confidence ?? ""];
  return finding(
    {
      tool: "zap",
      ruleId,
      title: titleText(title),
      description: paragraphs(
        plainText(alert.desc) ?? title,
        plainText(alert.otherInfo),
        evidence ? `Evidence: \`${evidence.length > EVIDENCE_CHARS ? `${evidence.slice(0, EVIDENCE_CHARS)}…` : evidence}\`` : null,
        alert.instances.length ? `Seen on ${alert.instances.length} request${alert.instances.length === 1 ? "" : "s"}${site ? ` to ${site}` : ""}.` : null,
        confidence ? `Confidence: ${confidence}` : null,
      ),
      severity: severityOf(alert),
      kind: "vulnerability",
      category: "security",
      fingerprint: fingerprintOf("zap", ruleId, site, normalizeForFingerprint(title)),
    },
    {
      locations: uniqueLocations(alert.instances.length ? alert.instances.map((i) => ({ file: i.uri, line: null })) : [{ file: site, line: null }]),
      cwe: cwe === "CWE-0" ? null : cwe,
      recommendation: plainText(alert.solution),
      references: urlsIn(alert.reference),
    },
  );
}

const versionAttribute = /<OWASPZAPReport\b[^>]*?\bversion\s*=\s*["']([^"']+)["']/;

async function* xmlAlerts(source: ScanSource): AsyncGenerator<{ alert: ZapAlert; site: string | null; where: string }> {
  let root: string | undefined;
  const select = (path: readonly string[]) => {
    root ??= path[0];
    return path.at(-1) === "alertitem";
  };
  let index = 0;
  for await (const { element, ancestors } of xmlElements(source.open(), select)) {
    if (root !== "OWASPZAPReport") break;
    const site = ancestors.find((a) => a.name === "site")?.attributes.name ?? null;
    yield { alert: alertFromXml(element), site: site?.trim() || null, where: `alertitem ${++index}` };
  }
  if (root !== "OWASPZAPReport") throw new ScanShapeError(`expected an OWASPZAPReport, found <${root ?? ""}>`, "");
}

async function* jsonAlerts(source: ScanSource): AsyncGenerator<{ alert: ZapAlert; site: string | null; where: string }> {
  const sites = new Map<number, string>();
  for await (const { path, value } of jsonItems(source.open(), [["site", ANY, "@name"]])) {
    const name = textOf(value);
    if (typeof path[1] === "number" && name) sites.set(path[1], name);
  }
  for await (const { path, value } of listItems(source, [["site", ANY, "alerts", ANY]])) {
    yield { alert: alertFromJson(value, path.join(".")), site: sites.get(Number(path[1])) ?? null, where: path.join(".") };
  }
}

export const zapParser: ScanParser = {
  format: "zap",
  name: "OWASP ZAP XML or JSON report",
  produces: "findings",
  detect: (sniff) =>
    (sniff.syntax === "xml" && sniff.xmlRoot?.name === "OWASPZAPReport") ||
    (sniff.syntax === "json" && sniff.root === "object" && sniff.keys.has("@version") && (sniff.keys.has("site.*.alerts") || sniff.keys.has("site.*.@name"))),
  async *parse(source): AsyncGenerator<ScanRecord> {
    const start = await jsonStart(source);
    if (start === "[") throw new ScanShapeError("expected a ZAP XML or JSON report, found a list", "");
    // Anything but JSON goes to the XML reader, which says where it stops making sense.
    const xml = start !== "{";
    const version = xml ? (versionAttribute.exec(await headText(source))?.[1] ?? null) : await headString(source, ["@version"]);
    yield { type: "tool", name: "zap", version };
    for await (const { alert, site, where } of xml ? xmlAlerts(source) : jsonAlerts(source)) {
      if (alert.confidence === FALSE_POSITIVE) continue;
      yield { type: "finding", finding: alertFinding(alert, site, where) };
    }
  },
};
