// Builds the widget into OUTDIR (default: dist): OUTDIR/widget.js (the loader) and OUTDIR/widget/frame.js|css.
// Then checks the budgets and fails the build when one is exceeded. Usage: node build.mjs [OUTDIR] [--skip-checks]
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const out = resolve(args.find((a) => !a.startsWith("--")) || join(here, "dist"));
const template = join(here, "..", "src", "main", "resources", "templates", "livechat", "frame.html");
const LOADER_BUDGET = 5120;
const OPEN_BUDGET = 35840;
const JS_TARGET = "es2019";
// Logical properties are kept as written: every browser that runs the frame supports them.
const CSS_TARGET = ["chrome100", "firefox100", "safari15.4"];

const run = (command, commandArgs) => {
  const result = spawnSync(process.execPath, [join(here, "node_modules", command), ...commandArgs], {
    cwd: here,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status || 1);
};

if (!args.includes("--skip-checks")) {
  run("typescript/bin/tsc", ["--noEmit", "-p", "tsconfig.json"]);
}

// The loader's stylesheet is a string inside the script, minified here like any stylesheet.
const cssAsText = {
  name: "css-as-text",
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (file) => {
      const { code } = await esbuild.transform(readFileSync(file.path, "utf8"), {
        loader: "css",
        minify: true,
        target: CSS_TARGET,
      });
      return { contents: "export default " + JSON.stringify(code.trim()), loader: "js" };
    });
  },
};

mkdirSync(join(out, "widget"), { recursive: true });
const common = { bundle: true, minify: true, legalComments: "none", logLevel: "warning", absWorkingDir: here };
await esbuild.build({
  ...common,
  entryPoints: ["src/loader.ts"],
  outfile: join(out, "widget.js"),
  format: "iife",
  target: JS_TARGET,
  plugins: [cssAsText],
});
await esbuild.build({
  ...common,
  entryPoints: ["src/frame.ts"],
  outfile: join(out, "widget", "frame.js"),
  format: "iife",
  target: JS_TARGET,
});
await esbuild.build({
  ...common,
  entryPoints: ["src/frame.css"],
  outfile: join(out, "widget", "frame.css"),
  target: CSS_TARGET,
});

if (!args.includes("--skip-checks")) {
  // Unit tests of the pure parts (link parsing) run on Node against a bundle of the same source.
  const testBundle = join(here, "node_modules", ".cache", "sohbet", "text.mjs");
  await esbuild.build({ ...common, minify: false, entryPoints: ["src/text.ts"], outfile: testBundle, format: "esm" });
  const tests = spawnSync(process.execPath, ["--test", "--test-reporter=dot", "test/"], { cwd: here, stdio: "inherit" });
  if (tests.status !== 0) process.exit(tests.status || 1);
}

const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const sizes = {
  "widget.js (loader)": gzip(join(out, "widget.js")),
  "widget/frame.js": gzip(join(out, "widget", "frame.js")),
  "widget/frame.css": gzip(join(out, "widget", "frame.css")),
  "templates/livechat/frame.html (raw, an upper bound)": gzip(template),
};
const total = Object.values(sizes).reduce((a, b) => a + b, 0);
const loader = sizes["widget.js (loader)"];
for (const [name, size] of Object.entries(sizes)) console.log(`sohbet widget: ${String(size).padStart(6)} B gzip  ${name}`);
console.log(`sohbet widget: ${String(loader).padStart(6)} B gzip  at page start (budget ${LOADER_BUDGET})`);
console.log(`sohbet widget: ${String(total).padStart(6)} B gzip  when chat opens (budget ${OPEN_BUDGET})`);
const failures = [];
if (loader > LOADER_BUDGET) failures.push(`the loader is ${loader} B gzip, over its budget of ${LOADER_BUDGET} B`);
if (total > OPEN_BUDGET) failures.push(`the open chat is ${total} B gzip, over its budget of ${OPEN_BUDGET} B`);
if (failures.length) {
  for (const failure of failures) console.error("sohbet widget: " + failure);
  process.exit(1);
}
