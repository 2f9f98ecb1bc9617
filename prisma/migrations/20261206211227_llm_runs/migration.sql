-- CreateTable
CREATE TABLE "LlmRun" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "promptName" TEXT NOT NULL,
    "promptHash" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "tokensIn" INTEGER NOT NULL,
    "tokensOut" INTEGER NOT NULL,
    "latencyMs" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "writtenBy" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LlmRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LlmRun_workspaceId_at_idx" ON "LlmRun"("workspaceId", "at");

-- AddForeignKey
ALTER TABLE "LlmRun" ADD CONSTRAINT "LlmRun_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
