-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "sourceKey" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "agendaPostingSince" TIMESTAMP(3),
ADD COLUMN     "preReadWrittenBy" TEXT;

-- CreateTable
CREATE TABLE "MeetingDelegate" (
    "seriesId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "namedByPersonId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingDelegate_pkey" PRIMARY KEY ("seriesId","departmentId")
);

-- CreateIndex
CREATE INDEX "MeetingDelegate_personId_idx" ON "MeetingDelegate"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_sourceKey_key" ON "AgendaItem"("meetingId", "sourceKey");

-- AddForeignKey
ALTER TABLE "MeetingDelegate" ADD CONSTRAINT "MeetingDelegate_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingDelegate" ADD CONSTRAINT "MeetingDelegate_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingDelegate" ADD CONSTRAINT "MeetingDelegate_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
