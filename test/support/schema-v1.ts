import Dexie from "dexie";

/**
 * The database as version 1 of the schema (lib/db/schema.ts) left it, spelled out here because
 * schema.ts only ever declares the versions it has: what an upgrade, or a reader racing one,
 * starts from.
 */
export function versionOneDb(name: string): Dexie {
  const v1 = new Dexie(name);
  v1.version(1).stores({
    orders:
      "key, platform, orderId, status, nextDueAt, replanAt, createdAt, lastSeenAt, buyer",
    nudges: "++id, orderKey, at",
    settings: "key",
    alerts: "id, orderKey, shownAt",
    templates: "id, scenario",
  });
  return v1;
}
