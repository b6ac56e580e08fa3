import { genericAdapter } from "@/lib/platforms/generic/adapter";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";

/**
 * No page is the generic platform's by its URL: its adapter runs on the sites the seller granted
 * (GENERIC_ADAPTER), and, labelled with their platform, on the known order lists whose own
 * selectors find nothing (lib/platforms/index.ts).
 */
export const GENERIC_ADAPTERS: readonly PlatformAdapter<"generic">[] = [];

/** The text-only adapter for a site the seller granted, which no platform adapter knows. */
export const GENERIC_ADAPTER: PlatformAdapter<"generic"> = genericAdapter(
  "generic",
  { id: "generic" },
);
