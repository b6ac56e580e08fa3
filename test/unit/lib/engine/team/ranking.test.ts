import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Shift, TeamAgent } from "@/lib/model/team";
import { buyerKeyOf, buyerRanking } from "@/lib/engine/team/ranking";

/*
 * The split of buyers between agents (issue 17): weighted rendezvous hashing, the same on every
 * machine. Checked at the scale: 10 000 buyers, 2–20 agents of random names and weights.
 */

const BUYERS = 10_000;

const agentsArb = (min: number) =>
  fc.uniqueArray(
    fc.record({
      name: fc.string({ minLength: 1, maxLength: 20, unit: "binary" }),
      weight: fc.double({ min: 0.5, max: 4, noNaN: true }),
      shifts: fc.constant<Shift[]>([]),
    }),
    { minLength: min, maxLength: 20, selector: (agent) => agent.name },
  );

/** 10 000 buyer keys of one platform, numbered after a random salt: near-identical texts. */
const buyersArb = fc
  .tuple(
    fc.constantFrom("taobao", "jd", "pdd", "douyin", "shopify"),
    fc.string({ maxLength: 12 }),
  )
  .map(([platform, salt]) =>
    Array.from({ length: BUYERS }, (_, i) => `${platform}:${salt}${i}`),
  );

const ownerOf = (buyer: string, agents: readonly TeamAgent[]) =>
  buyerRanking(buyer, agents)[0];

// Each run hashes 10 000 buyers over up to 20 agents: a few runs keep the file to seconds.
const RUNS = { numRuns: 15 };

describe("the owner of every buyer", () => {
  it("is exactly one of the agents, and the ranking holds every agent once", () => {
    fc.assert(
      fc.property(agentsArb(2), buyersArb, (agents, buyers) => {
        const names = new Set(agents.map((agent) => agent.name));
        // One expect per buyer would cost the file 15 s: the wrong ones are gathered instead.
        const wrong = buyers.filter((buyer) => {
          const ranking = buyerRanking(buyer, agents);
          return (
            ranking.length !== names.size ||
            new Set(ranking).size !== names.size ||
            !ranking.every((name) => names.has(name))
          );
        });
        expect(wrong).toEqual([]);
      }),
      RUNS,
    );
  }, 60_000);

  it("shares the buyers out by weight: each agent's count within 6 σ of n·w/Σw", () => {
    /*
     * With an ideal hash an agent of share p = w/Σw owns Binomial(n, p) buyers: mean np, standard
     * deviation σ = √(np(1−p)). The test allows 6 σ, which a fair split exceeds with probability
     * 2·10⁻⁹ per agent (≤ 20 agents × 15 runs: under 10⁻⁶ a suite run). ±5 % relative would be
     * dishonest at this n: for 4 equal agents np = 2 500, σ = 43, so 5 % (125) is only 2.9 σ and
     * fails 0.4 % of agents. What 6 σ allows, with n = 10 000:
     *   p = 1/2  (np 5 000): σ = 50, ± 300 = ± 6 % relative, ± 3 points of share;
     *   p = 1/4  (np 2 500): σ = 43, ± 260 = ±10 %;
     *   p = 1/20 (np 500):   σ = 22, ± 131 = ±26 %;
     *   p = 1/100 (np ~100, a 0.5 among 19 heavy ones): σ = 10, ± 60 = ±60 %.
     * In share, never more than ±3 points (the issue's ±5 % read as points always holds). A split
     * that ignored the weights is off by far more: weights 0.5 and 4 give 11 % and 89 %, not 50 %.
     */
    fc.assert(
      fc.property(agentsArb(2), buyersArb, (agents, buyers) => {
        const counts = new Map<string, number>();
        for (const buyer of buyers) {
          const owner = ownerOf(buyer, agents) ?? "";
          counts.set(owner, (counts.get(owner) ?? 0) + 1);
        }
        const total = agents.reduce((sum, agent) => sum + agent.weight, 0);
        for (const agent of agents) {
          const p = agent.weight / total;
          const mean = BUYERS * p;
          const sigma = Math.sqrt(BUYERS * p * (1 - p));
          const count = counts.get(agent.name) ?? 0;
          expect(Math.abs(count - mean)).toBeLessThanOrEqual(6 * sigma);
        }
      }),
      RUNS,
    );
  }, 60_000);

  it("moves only the removed agent's buyers when one agent is taken away", () => {
    fc.assert(
      fc.property(agentsArb(2), buyersArb, fc.nat(), (agents, buyers, pick) => {
        const gone = agents[pick % agents.length]?.name;
        const left = agents.filter((agent) => agent.name !== gone);
        let moved = 0;
        const wrong = buyers.filter((buyer) => {
          const before = buyerRanking(buyer, agents);
          const after = ownerOf(buyer, left);
          if (before[0] !== gone) return after !== before[0];
          // Their buyers go to the next agent in each buyer's own order.
          moved++;
          return after !== before[1];
        });
        expect(wrong).toEqual([]);
        expect(moved).toBeGreaterThan(0);
      }),
      RUNS,
    );
  }, 60_000);

  it("is the same on every run, whatever order the roster lists the agents in", () => {
    fc.assert(
      fc.property(
        agentsArb(2).chain((agents) =>
          fc.tuple(
            fc.constant(agents),
            fc.shuffledSubarray(agents, {
              minLength: agents.length,
            }),
          ),
        ),
        fc.array(fc.string(), { minLength: 1, maxLength: 200 }),
        ([agents, shuffled], buyers) => {
          for (const buyer of buyers) {
            const ranking = buyerRanking(buyer, agents);
            expect(buyerRanking(buyer, agents)).toEqual(ranking);
            expect(buyerRanking(buyer, shuffled)).toEqual(ranking);
            expect(
              buyerRanking(
                buyer,
                agents.map((agent) => ({ ...agent })),
              ),
            ).toEqual(ranking);
          }
        },
      ),
    );
  });

  it("is pinned for known buyers: a change of hash or score would move every shop's buyers", () => {
    // Computed apart from this code (python3: cyrb53 over the UTF-16 code units of
    // `${name.length}:${name}${buyerKey}`, u = (⌊h/2⌋ + ½) / 2⁵², score −w / ln u).
    const agents: TeamAgent[] = [
      { name: "阿华", weight: 1, shifts: [] },
      { name: "小美", weight: 2, shifts: [] },
      { name: "Lee", weight: 0.5, shifts: [] },
      { name: "老王", weight: 4, shifts: [] },
    ];
    const table: Record<string, string[]> = {
      "taobao:tb_buyer_01": ["老王", "阿华", "小美", "Lee"],
      "taobao:小明": ["阿华", "小美", "老王", "Lee"],
      "jd:jd_8812": ["老王", "Lee", "小美", "阿华"],
      "pdd:拼友123": ["小美", "老王", "阿华", "Lee"],
      "douyin:抖音用户": ["小美", "老王", "阿华", "Lee"],
      "shopify:alice@example.com": ["老王", "小美", "Lee", "阿华"],
      "taobao:2024000001": ["小美", "老王", "Lee", "阿华"],
    };
    for (const [buyer, ranking] of Object.entries(table))
      expect(buyerRanking(buyer, agents)).toEqual(ranking);
  });

  it("breaks equal scores by name, in code-unit order", () => {
    // Weight 0 scores 0 for every buyer: a tie the names decide.
    const agents: TeamAgent[] = ["b", "B", "a", "ä"].map((name) => ({
      name,
      weight: 0,
      shifts: [],
    }));
    expect(buyerRanking("taobao:x", agents)).toEqual(["B", "a", "b", "ä"]);
  });

  it("ranks 10 000 buyers over 20 agents in well under 100 ms", () => {
    const agents: TeamAgent[] = Array.from({ length: 20 }, (_, i) => ({
      name: `客服${i}`,
      weight: 1 + (i % 4),
      shifts: [],
    }));
    const buyers = Array.from({ length: BUYERS }, (_, i) => `taobao:买家${i}`);
    // CPU time, the best of three: what the code costs, not how busy the machine's other
    // processes keep the CPU (wall time was 400 ms under a load of 18 on 2 CPUs).
    const cpuMs = () => process.cpuUsage().user / 1000;
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const start = cpuMs();
      for (const buyer of buyers) buyerRanking(buyer, agents);
      best = Math.min(best, cpuMs() - start);
    }
    // About 30 ms under load; the sort by objects this replaced took 60.
    expect(best).toBeLessThan(100);
  });
});

describe("a buyer's key", () => {
  it("is the platform and the buyer as the page shows them, trimmed and NFKC", () => {
    expect(
      buyerKeyOf({ platform: "taobao", buyer: " 小明 ", key: "taobao:1" }),
    ).toBe("taobao:小明");
    // Full-width letters and digits, and an ideographic space, are the same buyer.
    expect(
      buyerKeyOf({ platform: "jd", buyer: "\u3000ＡＢＣ１２３", key: "jd:9" }),
    ).toBe("jd:ABC123");
  });

  it("is the order's own key when the page shows no buyer", () => {
    expect(buyerKeyOf({ platform: "pdd", key: "pdd:77" })).toBe("pdd:77");
    expect(buyerKeyOf({ platform: "pdd", buyer: "  ", key: "pdd:78" })).toBe(
      "pdd:78",
    );
  });

  it("puts a buyer's orders together and keeps platforms apart", () => {
    const a = buyerKeyOf({
      platform: "taobao",
      buyer: "小明",
      key: "taobao:1",
    });
    const b = buyerKeyOf({
      platform: "taobao",
      buyer: "小明",
      key: "taobao:2",
    });
    const c = buyerKeyOf({ platform: "jd", buyer: "小明", key: "jd:1" });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
