import { describe, expect, test } from "vitest";

import { layoutIds, layouts, minPosterQrMm, minStickerQrMm } from "./layouts";
import { escapeXml, renderPosterSvg, wrapText } from "./poster-svg";

const text = {
  clinicName: "Maple <Street> & Co",
  formTitle: "New patient",
  url: "http://127.0.0.1:4803/f/new-patient-abc123?src=abc234",
};

describe("layouts", () => {
  test.each(layoutIds)("%s faces fit on the page", (id) => {
    const layout = layouts[id];
    for (const face of layout.faces) {
      expect(face.x).toBeGreaterThanOrEqual(0);
      expect(face.y).toBeGreaterThanOrEqual(0);
      expect(face.x + face.width).toBeLessThanOrEqual(layout.pageWidth);
      expect(face.y + face.height).toBeLessThanOrEqual(layout.pageHeight);
      expect(face.qrSize).toBeLessThanOrEqual(face.width);
    }
  });

  test.each(layoutIds)("%s QR code is large enough", (id) => {
    for (const face of layouts[id].faces) {
      const minimum = face.scale === "poster" ? minPosterQrMm : minStickerQrMm;
      expect(face.qrSize).toBeGreaterThanOrEqual(minimum);
    }
  });

  test("stickers come 3 by 4", () => {
    expect(layouts["letter-stickers"].faces).toHaveLength(12);
    expect(layouts["a4-stickers"].faces).toHaveLength(12);
  });

  test("tent has one upside-down face", () => {
    const rotated = layouts["table-tent"].faces.map((face) => face.rotated);
    expect(rotated).toEqual([true, false]);
  });
});

describe("renderPosterSvg", () => {
  test.each(layoutIds)("%s has one QR per face", async (id) => {
    const svg = await renderPosterSvg(layouts[id], text);
    const qrCount = svg.match(/<g data-qr="">/g)?.length ?? 0;
    expect(qrCount).toBe(layouts[id].faces.length);
  });

  test("page is sized in millimetres", async () => {
    const svg = await renderPosterSvg(layouts["a4-poster"], text);
    expect(svg).toContain('width="210mm" height="297mm"');
    expect(svg).toContain('viewBox="0 0 210 297"');
  });

  test("text is escaped", async () => {
    const svg = await renderPosterSvg(layouts["letter-poster"], text);
    expect(svg).toContain("Maple &lt;Street&gt; &amp; Co");
    expect(svg).not.toContain("<Street>");
  });

  test("url is printed as text", async () => {
    const svg = await renderPosterSvg(layouts["letter-poster"], text);
    expect(svg).toContain(`>${text.url}</text>`);
  });

  test("instructions appear on posters", async () => {
    const svg = await renderPosterSvg(layouts["letter-poster"], text);
    expect(svg).toContain("Scan with your phone camera");
  });
});

describe("wrapText", () => {
  test.each([
    {
      text: "Scan with your phone",
      max: 10,
      lines: ["Scan with", "your phone"],
    },
    { text: "Supercalifragilistic", max: 5, lines: ["Supercalifragilistic"] },
    { text: "  a   b ", max: 10, lines: ["a b"] },
  ])("wraps $text at $max", ({ text: input, max, lines }) => {
    expect(wrapText(input, max)).toEqual(lines);
  });
});

describe("escapeXml", () => {
  test("escapes markup characters", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;",
    );
  });
});
