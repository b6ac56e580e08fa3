import { z } from "zod";
import { CLOCK_TIME_RULE } from "@/lib/model/clock-time";
import { isPayWhenText, WHEN_IDS } from "@/lib/templates/outcomes";

/**
 * When the buyer said they would pay, as a log carries it (the request and the stored row alike):
 * a known word or a typed "HH:mm", nothing else. One refine, not a union, so a refusal names both
 * shapes in one message instead of zod's bare "Invalid input".
 */
export const payWhenText = z.string().refine(isPayWhenText, {
  message: `when must be one of ${WHEN_IDS.join(", ")} or ${CLOCK_TIME_RULE}`,
});
