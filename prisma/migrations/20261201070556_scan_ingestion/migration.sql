-- DropIndex
DROP INDEX "Finding_projectId_categoryId_idx";

-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "severityPinned" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "FindingEvent" ADD COLUMN     "scanId" TEXT;

-- AlterTable
ALTER TABLE "Scan" ADD COLUMN     "actorLabel" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "closeMissing" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "durationMs" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "findingCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "metricCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sizeBytes" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "FindingSource" (
    "projectId" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "branch" TEXT NOT NULL DEFAULT '',
    "fingerprint" TEXT NOT NULL,
    "ruleId" TEXT,
    "present" BOOLEAN NOT NULL DEFAULT true,
    "firstScanId" TEXT,
    "lastScanId" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FindingSource_pkey" PRIMARY KEY ("projectId","tool","branch","fingerprint")
);

-- CreateIndex
CREATE INDEX "FindingSource_findingId_idx" ON "FindingSource"("findingId");

-- CreateIndex
CREATE INDEX "FindingEvent_scanId_idx" ON "FindingEvent"("scanId");

-- CreateIndex
CREATE INDEX "Scan_projectId_createdAt_idx" ON "Scan"("projectId", "createdAt");

-- AddForeignKey
ALTER TABLE "FindingEvent" ADD CONSTRAINT "FindingEvent_scanId_fkey" FOREIGN KEY ("scanId") REFERENCES "Scan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingSource" ADD CONSTRAINT "FindingSource_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scan" ADD CONSTRAINT "Scan_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Severities people set before the column existed: an edit by a user (imports note theirs).
UPDATE "Finding" f SET "severityPinned" = true
WHERE EXISTS (SELECT 1 FROM "FindingEvent" e WHERE e."findingId" = f.id AND e.field = 'severity' AND e."actorId" IS NOT NULL AND e.note IS NULL);

-- Room on each page, so a scan's update of last-seen times changes no index (a HOT update).
ALTER TABLE "Finding" SET (fillfactor = 85);
ALTER TABLE "FindingSource" SET (fillfactor = 85);
