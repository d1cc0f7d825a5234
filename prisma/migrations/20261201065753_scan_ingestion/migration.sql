-- DropIndex
DROP INDEX "Finding_projectId_categoryId_idx";

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
    "id" TEXT NOT NULL,
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

    CONSTRAINT "FindingSource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FindingSource_findingId_idx" ON "FindingSource"("findingId");

-- CreateIndex
CREATE UNIQUE INDEX "FindingSource_projectId_tool_branch_fingerprint_key" ON "FindingSource"("projectId", "tool", "branch", "fingerprint");

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
