-- CreateEnum
CREATE TYPE "OkrKeyResultKind" AS ENUM ('METRIC', 'MILESTONE');

-- CreateEnum
CREATE TYPE "OkrDirection" AS ENUM ('INCREASE', 'DECREASE');

-- CreateEnum
CREATE TYPE "OkrConfidence" AS ENUM ('ON_TRACK', 'AT_RISK', 'OFF_TRACK');

-- CreateTable
CREATE TABLE "OkrPeriod" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OkrPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OkrObjective" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "periodId" TEXT NOT NULL,
    "departmentId" TEXT,
    "parentId" TEXT,
    "title" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OkrObjective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OkrKeyResult" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "objectiveId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "OkrKeyResultKind" NOT NULL,
    "unit" TEXT,
    "direction" "OkrDirection" NOT NULL DEFAULT 'INCREASE',
    "startValue" DOUBLE PRECISION,
    "targetValue" DOUBLE PRECISION,
    "currentValue" DOUBLE PRECISION,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "ownerPersonId" TEXT NOT NULL,
    "lastConfidence" "OkrConfidence",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OkrKeyResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OkrCheckInSettings" (
    "departmentId" TEXT NOT NULL,
    "everyWeeks" INTEGER NOT NULL DEFAULT 1,
    "weekday" INTEGER NOT NULL DEFAULT 1,
    "localMinute" INTEGER NOT NULL DEFAULT 600,
    "windowHours" INTEGER NOT NULL DEFAULT 48,
    "nameMissing" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OkrCheckInSettings_pkey" PRIMARY KEY ("departmentId")
);

-- CreateTable
CREATE TABLE "OkrCheckInWindow" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "cycleOn" TEXT NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OkrCheckInWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OkrCheckInPrompt" (
    "id" TEXT NOT NULL,
    "windowId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "promptedAt" TIMESTAMP(3) NOT NULL,
    "remindedAt" TIMESTAMP(3),

    CONSTRAINT "OkrCheckInPrompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OkrCheckIn" (
    "id" TEXT NOT NULL,
    "windowId" TEXT NOT NULL,
    "keyResultId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "done" BOOLEAN,
    "progress" DOUBLE PRECISION NOT NULL,
    "confidence" "OkrConfidence",
    "comment" TEXT,
    "blockers" TEXT,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "answeredAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OkrCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OkrPeriod_workspaceId_key_key" ON "OkrPeriod"("workspaceId", "key");

-- CreateIndex
CREATE INDEX "OkrObjective_periodId_departmentId_idx" ON "OkrObjective"("periodId", "departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "OkrObjective_workspaceId_number_key" ON "OkrObjective"("workspaceId", "number");

-- CreateIndex
CREATE INDEX "OkrKeyResult_ownerPersonId_idx" ON "OkrKeyResult"("ownerPersonId");

-- CreateIndex
CREATE INDEX "OkrKeyResult_objectiveId_idx" ON "OkrKeyResult"("objectiveId");

-- CreateIndex
CREATE UNIQUE INDEX "OkrKeyResult_workspaceId_number_key" ON "OkrKeyResult"("workspaceId", "number");

-- CreateIndex
CREATE INDEX "OkrCheckInWindow_workspaceId_closedAt_idx" ON "OkrCheckInWindow"("workspaceId", "closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OkrCheckInWindow_departmentId_cycleOn_key" ON "OkrCheckInWindow"("departmentId", "cycleOn");

-- CreateIndex
CREATE UNIQUE INDEX "OkrCheckInPrompt_windowId_personId_key" ON "OkrCheckInPrompt"("windowId", "personId");

-- CreateIndex
CREATE INDEX "OkrCheckIn_keyResultId_answeredAt_idx" ON "OkrCheckIn"("keyResultId", "answeredAt");

-- CreateIndex
CREATE UNIQUE INDEX "OkrCheckIn_windowId_keyResultId_key" ON "OkrCheckIn"("windowId", "keyResultId");

-- AddForeignKey
ALTER TABLE "OkrPeriod" ADD CONSTRAINT "OkrPeriod_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OkrObjective" ADD CONSTRAINT "OkrObjective_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "OkrPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OkrObjective" ADD CONSTRAINT "OkrObjective_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OkrObjective" ADD CONSTRAINT "OkrObjective_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OkrObjective"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OkrKeyResult" ADD CONSTRAINT "OkrKeyResult_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "OkrObjective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OkrKeyResult" ADD CONSTRAINT "OkrKeyResult_ownerPersonId_fkey" FOREIGN KEY ("ownerPersonId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OkrCheckInSettings" ADD CONSTRAINT "OkrCheckInSettings_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OkrCheckInWindow" ADD CONSTRAINT "OkrCheckInWindow_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OkrCheckInPrompt" ADD CONSTRAINT "OkrCheckInPrompt_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "OkrCheckInWindow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OkrCheckIn" ADD CONSTRAINT "OkrCheckIn_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "OkrCheckInWindow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OkrCheckIn" ADD CONSTRAINT "OkrCheckIn_keyResultId_fkey" FOREIGN KEY ("keyResultId") REFERENCES "OkrKeyResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;
