import { describe, expect, it, vi } from "vitest";
import {
  importTeamLogFiles,
  teamLogMessage,
} from "@/components/report/team-log-import";
import type { TeamLogImportReply } from "@/lib/messaging/team-log-requests";
import { TEAM_LOG_MAX_BYTES } from "@/lib/model/team-log";

/*
 * The report page's side of 合并同事的记录: each chosen file sent as it is, one after another; one
 * over the size bound refused before it is read or sent; each outcome worded with the file's name.
 */

const file = (name: string, text: string) =>
  new File([text], name, { type: "application/json" });

describe("merging chosen files", () => {
  it("sends each file's name and text in turn and keeps each answer", async () => {
    const replies: TeamLogImportReply[] = [
      {
        ok: true,
        agent: "小美",
        added: 3,
        already: 0,
        byAgent: [{ agent: "小美", added: 3, already: 0 }],
      },
      { ok: false, code: "foreign-team" },
    ];
    const send = vi.fn(() => Promise.resolve(replies.shift()!));
    const results = await importTeamLogFiles(
      [file("小美.json", "{}"), file("别家.json", "[]")],
      send,
    );
    expect(send.mock.calls).toEqual([
      [{ name: "小美.json", text: "{}" }],
      [{ name: "别家.json", text: "[]" }],
    ]);
    expect(results.map((r) => teamLogMessage("zh", r))).toEqual([
      "“小美.json”（小美）：新增 3 条，已有 0 条。",
      "“别家.json”来自别的团队（和你现在的团队名单不是同一个），没有导入。",
    ]);
  });

  it("refuses a file over the size bound without reading or sending it", async () => {
    const big = file("大.json", "x");
    Object.defineProperty(big, "size", { value: TEAM_LOG_MAX_BYTES + 1 });
    const text = vi.spyOn(big, "text");
    const send = vi.fn();
    const [result] = await importTeamLogFiles([big], send);
    expect(send).not.toHaveBeenCalled();
    expect(text).not.toHaveBeenCalled();
    expect(teamLogMessage("en", result!)).toBe(
      "“大.json” is too large (over 20 MB or 100000 nudges): not imported.",
    );
  });

  it("names the bad row, and says a file that got no answer was not imported", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const send = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, code: "bad-row", row: 2 })
      .mockRejectedValueOnce(new Error("no answer"));
    const results = await importTeamLogFiles(
      [file("a.json", "{}"), file("b.json", "{}")],
      send,
    );
    expect(results.map((r) => teamLogMessage("zh", r))).toEqual([
      "“a.json”第 2 条记录有误，整份文件没有导入。",
      "“b.json”没能导入，请重试。",
    ]);
  });
});
