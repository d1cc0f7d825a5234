-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "maturitySettings" JSONB;

-- AlterTable
ALTER TABLE "Snapshot" ADD COLUMN     "gatePassed" BOOLEAN;

-- CreateTable
CREATE TABLE "Readiness" (
    "projectId" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "Readiness_pkey" PRIMARY KEY ("projectId")
);

-- AddForeignKey
ALTER TABLE "Readiness" ADD CONSTRAINT "Readiness_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
