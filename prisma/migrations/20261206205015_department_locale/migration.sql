-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "locale" TEXT;
