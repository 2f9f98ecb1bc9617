import { fileURLToPath } from 'node:url';

/** The project's prisma/migrations folder, found from this file so the working directory does not matter. */
export const PROJECT_MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/** The project's root folder (holds prisma/schema.prisma and prisma.config.ts). */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
