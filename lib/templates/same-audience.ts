import type { MessageTemplate } from "@/lib/templates/shipped";

/**
 * Two templates that reach exactly the same orders: one language, one channel, the same buyers
 * (segment) and kind of order. templatesFor leaves out a template that contradicts what is known of
 * an order, so only such a pair can face each other in an A/B test with neither arm losing some
 * of its orders (lib/background/ab-tests.ts, and the report's card offering the pairs).
 */
export function sameAudience(a: MessageTemplate, b: MessageTemplate): boolean {
  return (
    a.scenario === b.scenario &&
    a.locale === b.locale &&
    a.channel === b.channel &&
    a.segment === b.segment &&
    a.orderKind === b.orderKind
  );
}
