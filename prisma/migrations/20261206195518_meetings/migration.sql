-- CreateEnum
CREATE TYPE "MeetingHolidayPolicy" AS ENUM ('SKIP', 'NEXT_WORKING_DAY');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('SCHEDULED', 'SKIPPED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AgendaItemUrgency" AS ENUM ('NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "AgendaItemStatus" AS ENUM ('OPEN', 'WITHDRAWN', 'DECIDED', 'DEFERRED');

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "agendaItemId" TEXT;

-- CreateTable
CREATE TABLE "MeetingSeries" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "recurrence" JSONB NOT NULL,
    "timeOfDay" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 60,
    "channelId" TEXT NOT NULL,
    "facilitatorPersonId" TEXT,
    "agendaOpensHoursBefore" INTEGER NOT NULL,
    "agendaClosesHoursBefore" INTEGER NOT NULL,
    "holidayPolicy" "MeetingHolidayPolicy" NOT NULL DEFAULT 'NEXT_WORKING_DAY',
    "calendarId" TEXT,
    "createdByPersonId" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingSeriesDepartment" (
    "seriesId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,

    CONSTRAINT "MeetingSeriesDepartment_pkey" PRIMARY KEY ("seriesId","departmentId")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "plannedOn" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'SCHEDULED',
    "collectionOpenedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "agendaPostedAt" TIMESTAMP(3),
    "agendaMessageTs" TEXT,
    "minutesPostedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "ownerDepartmentId" TEXT,
    "urgency" "AgendaItemUrgency" NOT NULL DEFAULT 'NORMAL',
    "link" TEXT,
    "escalationId" TEXT,
    "carriedFromItemId" TEXT,
    "submittedByPersonId" TEXT,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "status" "AgendaItemStatus" NOT NULL DEFAULT 'OPEN',
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingSeries_workspaceId_number_key" ON "MeetingSeries"("workspaceId", "number");

-- CreateIndex
CREATE INDEX "Meeting_workspaceId_status_startsAt_idx" ON "Meeting"("workspaceId", "status", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_seriesId_plannedOn_key" ON "Meeting"("seriesId", "plannedOn");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_status_idx" ON "AgendaItem"("meetingId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_escalationId_key" ON "AgendaItem"("meetingId", "escalationId");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_carriedFromItemId_key" ON "AgendaItem"("meetingId", "carriedFromItemId");

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingSeries" ADD CONSTRAINT "MeetingSeries_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingSeriesDepartment" ADD CONSTRAINT "MeetingSeriesDepartment_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingSeriesDepartment" ADD CONSTRAINT "MeetingSeriesDepartment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
