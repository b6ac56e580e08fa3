import { z } from "zod";
import type {
  ImportChunkRequest,
  ImportManifest,
  ImportSessionRequest,
} from "@/lib/messaging/import-requests";
import { BACKUP_FORMAT } from "@/lib/db/backup";
import { epochMs } from "@/lib/schemas/order";
import { schemaOf } from "@/lib/schemas/schema-of";

/* Checks on the chunked import's requests (messaging/import-requests.ts describes the exchange). */

export const ImportManifestSchema = schemaOf<ImportManifest>()(
  z
    .object({
      format: z.literal(BACKUP_FORMAT),
      version: z.number().int().min(1),
      exportedAt: epochMs,
      counts: z.record(z.string().max(100), z.number().int().min(0)),
    })
    .strict(),
);

const importSession = z.string().min(1).max(64);

export const ImportChunkSchema = schemaOf<ImportChunkRequest>()(
  z
    .object({
      session: importSession,
      table: z.string().min(1).max(100),
      offset: z.number().int().min(0),
      rows: z.array(z.unknown()).max(10_000),
    })
    .strict(),
);

export const ImportSessionSchema = schemaOf<ImportSessionRequest>()(
  z.object({ session: importSession }).strict(),
);
