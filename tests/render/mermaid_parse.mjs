// Parse Mermaid texts with Mermaid's own parser: stdin is a JSON list of texts, stdout a JSON list of
// errors (null where a text parses). argv[2] is a node_modules folder holding `mermaid` and `jsdom`.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(join(process.argv[2], "noop.js"));
const { JSDOM } = require("jsdom");
const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const mermaid = (await import(pathToFileURL(require.resolve("mermaid")).href)).default;
mermaid.initialize({ startOnLoad: false });

const texts = JSON.parse(readFileSync(0, "utf8"));
const errors = [];
for (const text of texts) {
  try {
    await mermaid.parse(text);
    errors.push(null);
  } catch (error) {
    errors.push(String(error && error.message ? error.message : error));
  }
}
process.stdout.write(JSON.stringify(errors));
