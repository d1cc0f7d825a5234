-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "maturitySettings" JSONB;

-- AlterTable
ALTER TABLE "Snapshot" ADD COLUMN     "gatePassed" BOOLEAN;
