// The tables a backup holds, in the order they can be written (parents before children), and
// how each is narrowed to one project. SignInAttempt is left out: throttling state, not data.
export const backupTables = [
  { name: "user", project: null },
  { name: "project", project: (id: string) => ({ id }) },
  { name: "category", project: (id: string) => ({ projectId: id }) },
  // Before findings: their sources and events point at the scan that saw them.
  { name: "scan", project: (id: string) => ({ projectId: id }) },
  { name: "finding", project: (id: string) => ({ projectId: id }) },
  { name: "findingLocation", project: (id: string) => ({ finding: { projectId: id } }) },
  { name: "findingSource", project: (id: string) => ({ projectId: id }) },
  { name: "strength", project: (id: string) => ({ projectId: id }) },
  { name: "sprint", project: (id: string) => ({ projectId: id }) },
  { name: "roadmapItem", project: (id: string) => ({ projectId: id }) },
  { name: "roadmapItemFinding", project: (id: string) => ({ item: { projectId: id } }) },
  { name: "roadmapItemEvent", project: (id: string) => ({ item: { projectId: id } }) },
  // After roadmap items: an event may name the item that resolved its finding.
  { name: "findingEvent", project: (id: string) => ({ finding: { projectId: id } }) },
  { name: "metric", project: (id: string) => ({ projectId: id }) },
  { name: "gateCriterion", project: (id: string) => ({ projectId: id }) },
  { name: "snapshot", project: (id: string) => ({ projectId: id }) },
  { name: "apiToken", project: (id: string) => ({ projectId: id }) },
  { name: "reportImport", project: (id: string) => ({ projectId: id }) },
  { name: "auditLog", project: (id: string) => ({ projectId: id }) },
] as const;

export type BackupTableName = (typeof backupTables)[number]["name"];

// Columns that hold JSON documents: a null there is SQL NULL, not JSON null.
export const jsonColumns: Partial<Record<BackupTableName, string[]>> = {
  project: ["maturitySettings"],
  auditLog: ["detail"],
  snapshot: ["categoryScores"],
  reportImport: ["detail"],
};

// Columns that hold dates, restored from ISO strings.
export const dateColumns: Partial<Record<BackupTableName, string[]>> = {
  user: ["disabledAt", "createdAt", "updatedAt"],
  project: ["createdAt", "updatedAt"],
  finding: ["riskAcceptedUntil", "firstSeenAt", "lastSeenAt", "resolvedAt", "createdAt", "updatedAt"],
  findingSource: ["firstSeenAt", "lastSeenAt"],
  findingEvent: ["createdAt"],
  strength: ["createdAt"],
  sprint: ["startsOn", "endsOn", "closedAt", "createdAt", "updatedAt"],
  roadmapItem: ["doneAt", "createdAt", "updatedAt"],
  roadmapItemEvent: ["createdAt"],
  scan: ["createdAt"],
  metric: ["measuredAt"],
  gateCriterion: ["createdAt"],
  snapshot: ["takenAt"],
  apiToken: ["lastUsedAt", "revokedAt", "createdAt"],
  reportImport: ["createdAt"],
  auditLog: ["createdAt"],
};

// Row order within a table, so two exports of the same data are the same file.
export const orderKey = (name: BackupTableName) =>
  name === "roadmapItemFinding" ? ["itemId", "findingId"] : name === "findingSource" ? ["projectId", "tool", "branch", "fingerprint"] : ["id"];
