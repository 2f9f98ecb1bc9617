-- AlterTable
ALTER TABLE "AssessmentSnapshot" ADD COLUMN     "agendaCycleMinutes" INTEGER,
ADD COLUMN     "agendaCyclePrevMinutes" INTEGER,
ADD COLUMN     "agendaItemsRaised" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "agendaItemsResolved" INTEGER NOT NULL DEFAULT 0;
