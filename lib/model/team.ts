import type { ClockTime } from "@/lib/model/clock-time";

/*
 * Team mode (issue 17): several agents of one shop share its unpaid queue with no server. The shop
 * lead writes a roster; every agent's PayNudge holds the same roster and computes, from it alone,
 * the same owner for every buyer (lib/engine/team). With no roster held, nothing of this shows.
 */

/** A working shift in the agent's local time; `to` before `from` runs past midnight (22:00–06:00). */
export interface Shift {
  from: ClockTime;
  to: ClockTime;
}

export interface TeamAgent {
  /** The nickname the agent signs order notes with (agentName): unique in the roster. */
  name: string;
  /** Capacity: an agent of weight 2 owns about twice the buyers of one of weight 1. */
  weight: number;
  /** When the agent works; none means always. */
  shifts: Shift[];
}

export interface Roster {
  /** Chosen once when the lead creates the roster: a code from another team is told apart by it. */
  teamId: string;
  /** The shop's name as the lead typed it, shown when a code is pasted. */
  shop: string;
  /** Raised by one on every change the lead publishes: a newer roster replaces an older one. */
  version: number;
  /** When this version was written (epoch ms). */
  issuedAt: number;
  /** Minutes a due nudge its owner leaves overdue before it passes to the buyer's next agent. */
  leaseMinutes: number;
  agents: TeamAgent[];
}

/** Bounds a roster is checked against wherever one arrives (a code, a file, the options form). */
export const ROSTER_LIMITS = {
  agents: 50,
  nameLength: 20,
  shopLength: 40,
  shiftsPerAgent: 4,
  minWeight: 0.1,
  maxWeight: 10,
  minLeaseMinutes: 5,
  maxLeaseMinutes: 24 * 60,
} as const;

export const DEFAULT_LEASE_MINUTES = 30;

/**
 * Who works an order's buyer at a moment, as every agent's PayNudge computes it. Undefined (no
 * roster, or no agent on shift) means everyone sees everything, as in solo use.
 */
export interface Ownership {
  /** The agent who owns the buyer now. */
  owner: string;
  /** The owner holds it because their note is in the order's memo (a lease), not by the hash. */
  byNote: boolean;
  /** The owner took it over because the agent before them left its due nudge overdue (接手). */
  takenOver: boolean;
  /** The next moment the answer may change by time alone (a shift boundary, a lease running out). */
  until?: number;
}
