import { cleanup, render, screen } from "@testing-library/react";
import { create } from "qrcode";
import { afterEach, describe, expect, it } from "vitest";
import { RosterQr } from "@/components/options/team/RosterQr";

/* The roster code's QR image (issue 17): drawn by React from the symbol's modules, or a word why not. */

afterEach(cleanup);

const CODE = `PN-TEAM1.${"eyJ0IjoidGVhbS1hYmMxMjM0NSJ9".repeat(10)}.0badc0de`;

describe("the roster's QR image", () => {
  it("draws every dark module of the code's symbol inside a quiet zone, named for screen readers", () => {
    render(<RosterQr locale="zh" code={CODE} />);
    const image = screen.getByRole("img", { name: "名单码的二维码" });
    const { modules } = create(CODE, { errorCorrectionLevel: "L" });
    expect(image.getAttribute("viewBox")).toBe(
      `0 0 ${modules.size + 8} ${modules.size + 8}`,
    );
    const drawn = image.querySelector("path")!.getAttribute("d")!;
    const squares = drawn.match(/M\d+ \d+h1v1h-1z/g) ?? [];
    expect(squares.length).toBe(modules.data.filter((bit) => bit).length);
    // The top-left finder pattern: its corner module is dark, just inside the quiet zone.
    expect(drawn.startsWith("M4 4h1v1h-1z")).toBe(true);
  });

  it("says a roster too long for a QR symbol is to be sent as the code or the file", () => {
    render(
      <RosterQr locale="zh" code={`PN-TEAM1.${"A".repeat(5000)}.00000000`} />,
    );
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.getByTestId("roster-qr-too-big").textContent).toMatch(
      /请发送名单码或文件/,
    );
  });
});
