import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { DataSection } from "@/components/options/DataSection";
import {
  handleImportAbort,
  handleImportBegin,
  handleImportChunk,
  handleImportCommit,
} from "@/lib/background/all-data";
import { PayNudgeDB } from "@/lib/db/schema";
import { sendBackup, type ImportTransport } from "@/lib/messaging/send-backup";

/*
 * The options page's import against the background's real handlers (in process): progress, the
 * final counts, and every refusal worded for the seller, never the validator's or database's text.
 */

const NOW = new Date(2026, 10, 23, 12, 0).getTime();
let db: PayNudgeDB;
let transport: ImportTransport;

beforeEach(() => {
  fakeBrowser.reset();
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  transport = {
    begin: async (m) => handleImportBegin(structuredClone(m)),
    // A message is answered in a later task, as in the browser (so each step is rendered).
    chunk: async (c) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return handleImportChunk(structuredClone(c));
    },
    commit: (s) => handleImportCommit(db, structuredClone(s), NOW),
    abort: async (s) => handleImportAbort(s),
  };
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const orderRow = (i: number) => ({
  key: `pdd:${100000 + i}`,
  platform: "pdd",
  orderId: String(100000 + i),
  status: "unpaid",
  items: [{ title: "抽纸" }],
  pageUrl: "https://mms.pinduoduo.com/orders/list",
  firstSeenAt: NOW,
  lastSeenAt: NOW,
  nudgeCount: 0,
});
const file = (content: unknown) =>
  new File([JSON.stringify(content)], "backup.json", {
    type: "application/json",
  });
const backup = (tables: Record<string, unknown[]>) => ({
  format: "paynudge-backup",
  version: 1,
  exportedAt: NOW,
  tables,
});

function renderSection(
  t: ImportTransport = transport,
  locale: "zh" | "en" = "zh",
) {
  const seen: string[] = [];
  render(
    <DataSection
      locale={locale}
      tableNames={db.tables.map((table) => table.name)}
      onExportJson={async () => undefined}
      onExportCsv={async () => undefined}
      onImport={(b, onProgress) =>
        sendBackup(b, t, (p) => {
          onProgress(p);
          seen.push(p.phase === "sending" ? `${p.done}/${p.total}` : "saving");
        })
      }
      onWipe={async () => undefined}
      confirm={() => true}
    />,
  );
  return seen;
}

const status = () => screen.getByRole("status");

describe("options: importing a backup in chunks", () => {
  it("sends a large backup chunk by chunk, showing progress, then the final counts", async () => {
    const rows = Array.from({ length: 4_500 }, (_, i) => orderRow(i));
    const seen = renderSection();
    // Every text the status line showed, however briefly.
    const shown: string[] = [];
    new MutationObserver(() => shown.push(status().textContent ?? "")).observe(
      status(),
      { childList: true, characterData: true, subtree: true },
    );
    fireEvent.change(screen.getByTestId("import-file"), {
      target: { files: [file(backup({ orders: rows, settings: [] }))] },
    });
    await waitFor(
      () =>
        expect(status().textContent).toBe(
          "已导入：4500 个订单，0 条催付记录，0 项设置。",
        ),
      { timeout: 10_000 },
    );
    expect(seen).toEqual(["0/3", "1/3", "2/3", "3/3", "saving"]);
    // React may render two quick progress steps as one: the line showed the chunks' progress
    // (at least one of its steps), then the saving.
    expect(
      shown.filter((text) => /^正在导入 [0-3]\/3$/.test(text)),
    ).not.toEqual([]);
    expect(shown).toContain("正在保存 4500 条记录…");
    expect(await db.orders.count()).toBe(4_500);
  });

  it.each<[string, Record<string, unknown[]>, string]>([
    [
      "a wrong order row",
      { orders: [orderRow(1), { ...orderRow(2), replanAt: "soon" }] },
      "导入失败，现有数据未改动：备份中的订单第 2 条记录无效。问题在「replanAt」：应为数字。",
    ],
    [
      "the {toString:1} agent name",
      { settings: [{ key: "agentName", value: { toString: 1 } }] },
      "导入失败，现有数据未改动：备份中的设置第 1 条记录无效。问题在「客服昵称」：内容无效。",
    ],
    [
      "a duplicate order",
      { orders: [orderRow(1), orderRow(1)] },
      "导入失败，现有数据未改动：备份中的订单第 2 条记录与前面的重复。",
    ],
  ])(
    "refuses %s in Chinese, naming table and row, data unchanged",
    async (_what, tables, message) => {
      await db.orders.add(orderRow(99) as never);
      renderSection();
      fireEvent.change(screen.getByTestId("import-file"), {
        target: { files: [file(backup(tables))] },
      });
      await waitFor(() => expect(status().textContent).toBe(message));
      expect(status().className).toContain("error");
      // No validator text: the only Latin letters are a field's own name, inside 「」.
      expect(status().textContent!.replace(/「[A-Za-z.]+」/g, "")).not.toMatch(
        /[A-Za-z]{3}/,
      );
      expect(await db.orders.toArray()).toEqual([orderRow(99)]);
    },
  );

  it("says which field of a refused row is wrong and why, in English for an English UI", async () => {
    renderSection(transport, "en");
    fireEvent.change(screen.getByTestId("import-file"), {
      target: {
        files: [
          file(
            backup({
              orders: [orderRow(1), { ...orderRow(2), nudgeCount: "two" }],
            }),
          ),
        ],
      },
    });
    await waitFor(() => expect(status().textContent).toMatch(/nudgeCount/));
    const text = status().textContent!;
    expect(text).toContain("record 2 is invalid");
    expect(text).toContain("“nudgeCount”: expected a number.");
    // zod's own words never reach the seller.
    expect(text).not.toMatch(/Invalid input|received|expected number/);
  });

  it("a worker stopped mid-import: refused as interrupted, asks to retry, data unchanged", async () => {
    await db.orders.add(orderRow(99) as never);
    let chunks = 0;
    renderSection({
      ...transport,
      chunk: async (c) => {
        if (++chunks === 2) throw new Error("Could not establish connection.");
        return transport.chunk(c);
      },
    });
    const rows = Array.from({ length: 4_100 }, (_, i) => orderRow(i));
    fireEvent.change(screen.getByTestId("import-file"), {
      target: { files: [file(backup({ orders: rows }))] },
    });
    await waitFor(() =>
      expect(status().textContent).toBe(
        "导入失败，现有数据未改动：导入中途被打断（扩展后台重新启动），请重新导入。",
      ),
    );
    expect(await db.orders.toArray()).toEqual([orderRow(99)]);
  });

  it("a commit that got no answer never claims the data is unchanged", async () => {
    renderSection({
      ...transport,
      commit: async () => {
        throw new Error(
          "The message port closed before a response was received.",
        );
      },
    });
    fireEvent.change(screen.getByTestId("import-file"), {
      target: { files: [file(backup({ orders: [orderRow(1)] }))] },
    });
    await waitFor(() =>
      expect(status().textContent).toContain("不会只导入一部分"),
    );
    expect(status().textContent).not.toContain("未改动");
  });

  it("a due check failing after the commit: imported, with a note, never 'unchanged'", async () => {
    vi.spyOn(fakeBrowser.notifications, "getAll").mockRejectedValue(
      new Error("boom"),
    );
    renderSection();
    fireEvent.change(screen.getByTestId("import-file"), {
      target: { files: [file(backup({ orders: [orderRow(1)] }))] },
    });
    await waitFor(() =>
      expect(status().textContent).toBe(
        "已导入：1 个订单，0 条催付记录，0 项设置。 数据已导入，但重新安排提醒时出错；提醒会在下次检查时补上。",
      ),
    );
    expect(await db.orders.count()).toBe(1);
  });
});
