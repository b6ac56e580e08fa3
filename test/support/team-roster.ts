import type { Roster } from "@/lib/model/team";

/** A shop's roster as the lead publishes it: two agents on shifts (one of weight 2), one all day. */
export const TEAM: Roster = {
  teamId: "team-abc12345",
  shop: "小美的杂货铺",
  version: 3,
  issuedAt: 1_765_000_000_000,
  leaseMinutes: 30,
  agents: [
    { name: "阿华", weight: 1, shifts: [{ from: "09:00", to: "18:00" }] },
    { name: "小美", weight: 2, shifts: [{ from: "14:00", to: "23:00" }] },
    { name: "阿强", weight: 1, shifts: [] },
  ],
};
