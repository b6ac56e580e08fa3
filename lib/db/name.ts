/** The extension origin's IndexedDB database (schema.ts holds its schema). */
export const DB_NAME = "paynudge";
