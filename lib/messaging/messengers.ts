import { defineExtensionMessaging } from "@webext-core/messaging";
import type {
  BackgroundToContent,
  ContentToBackground,
} from "@/lib/schemas/content";

/** Typed senders and listeners, named by direction; payloads are validated where they arrive. */
export const toBackground = defineExtensionMessaging<ContentToBackground>();
export const toContent = defineExtensionMessaging<BackgroundToContent>();
