import { defineExtensionMessaging } from "@webext-core/messaging";
import type {
  BackgroundRequests,
  ContentSignals,
} from "@/lib/messaging/protocol";

/** Typed senders and listeners, named by direction; requests are checked where they arrive. */
export const toBackground = defineExtensionMessaging<BackgroundRequests>();
export const toContent = defineExtensionMessaging<ContentSignals>();
