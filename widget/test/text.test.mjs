import assert from "node:assert/strict";
import { test } from "node:test";
import { linkPieces, safeUrl } from "../node_modules/.cache/sohbet/text.mjs";

const links = (text) => linkPieces(text).filter((piece) => piece[1] !== undefined);

test("markdown and bare http(s) links become links", () => {
  assert.deepEqual(linkPieces("See [the red one](https://shop.test/red) or https://shop.test/blue."), [
    ["See "],
    ["the red one", "https://shop.test/red"],
    [" or "],
    ["https://shop.test/blue", "https://shop.test/blue"],
    ["."],
  ]);
  assert.deepEqual(links("[mail](mailto:a@b.test) [call](tel:+90123)"), [
    ["mail", "mailto:a@b.test"],
    ["call", "tel:+90123"],
  ]);
});

test("unsafe schemes stay text (security case 24)", () => {
  for (const text of [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](vbscript:msgbox(1))",
    "[x](javascript:alert(1)//http://x)",
    "[x](//evil.test)",
    "[x](/relative)",
  ]) {
    for (const [, href] of links(text)) assert.match(href, /^http:\/\/x\/$/, text);
  }
  assert.equal(safeUrl("javascript:alert(1)//http://x"), null);
  assert.equal(safeUrl(" JAVASCRIPT:alert(1)"), null);
  assert.equal(safeUrl("java\nscript:alert(1)"), null);
  assert.equal(safeUrl("https://shop.test/a?b=c"), "https://shop.test/a?b=c");
});

test("text around links is kept exactly", () => {
  const text = "<img src=x onerror=alert(1)> and [x](javascript:alert(1)) and http://a.test/(b)";
  assert.equal(linkPieces(text).map((p) => p[0]).join(""), text);
  assert.deepEqual(links(text), [["http://a.test/(b)", "http://a.test/(b)"]]);
});
