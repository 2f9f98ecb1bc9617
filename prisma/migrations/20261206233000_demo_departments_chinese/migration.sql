-- The demo company's channels speak Chinese (issue 11 §9): a demo workspace seeded before
-- departments had a language gets it too, like a newly seeded one. Departments whose
-- language someone set are left as they are.
UPDATE "Department" SET "locale" = 'zh-CN'
WHERE "locale" IS NULL
  AND "workspaceId" IN (SELECT "id" FROM "Workspace" WHERE "isDemo");
