-- AlterTable
ALTER TABLE "Strength" ADD COLUMN     "sourceKey" TEXT;

-- AlterTable
ALTER TABLE "Sprint" ADD COLUMN     "sourceKey" TEXT;

-- AlterTable
ALTER TABLE "RoadmapItem" ADD COLUMN     "sourceKey" TEXT;

-- CreateTable
CREATE TABLE "ReportImport" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "importedById" TEXT,
    "actorLabel" TEXT NOT NULL,
    "addedCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "missingCount" INTEGER NOT NULL DEFAULT 0,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportImport_projectId_createdAt_idx" ON "ReportImport"("projectId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Strength_projectId_sourceKey_key" ON "Strength"("projectId", "sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "Sprint_projectId_sourceKey_key" ON "Sprint"("projectId", "sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "RoadmapItem_projectId_sourceKey_key" ON "RoadmapItem"("projectId", "sourceKey");

-- AddForeignKey
ALTER TABLE "ReportImport" ADD CONSTRAINT "ReportImport_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportImport" ADD CONSTRAINT "ReportImport_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
