/** The extension origin's IndexedDB database (lib/db.ts holds its schema). */
export const DB_NAME = "paynudge";
