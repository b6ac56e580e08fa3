import { toBackground } from "@/lib/messaging/messengers";
import type {
  EndAbTestRequest,
  StartAbTestRequest,
} from "@/lib/messaging/settings-requests";

/*
 * What the report's A/B card asks the background (the options page's requests.ts pattern): the
 * background owns every write and checks each request (lib/background/ab-tests.ts).
 */

/** Answers the test stored; refused while one runs for the scenario. */
export const startAbTest = (request: StartAbTestRequest) =>
  toBackground.sendMessage("startAbTest", request);

/** Ends a running test, keeping the winner's template as the scenario's preferred one. */
export const endAbTest = (request: EndAbTestRequest) =>
  toBackground.sendMessage("endAbTest", request);
