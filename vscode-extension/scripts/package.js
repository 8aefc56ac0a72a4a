// `npm run package` (after compile): bundle the Python server and its libraries (scripts/bundle.py,
// with $PYTHON or python3), then package the .vsix with @vscode/vsce. The bundled libraries include
// compiled modules for one platform, so each .vsix is marked for it (--target): VS Code refuses it
// on another platform instead of failing when the server starts, and the Marketplace serves each
// platform its own.
//
//   node scripts/package.js                      this machine's platform -> connector-lint-X.Y.Z.vsix
//   node scripts/package.js --target win32-x64   another platform        -> dist/connector-lint-win32-x64-X.Y.Z.vsix
//   node scripts/package.js --all                every target VS Code has (`npm run package:all`)
// Other platforms' wheels come from the package index (pip download --platform ...).
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const TARGETS = ["win32-x64", "win32-arm64", "linux-x64", "linux-arm64", "linux-armhf", "darwin-x64", "darwin-arm64",
  "alpine-x64", "alpine-arm64"];
const ext = path.resolve(__dirname, "..");
const { version } = require(path.join(ext, "package.json"));
const python = process.env.PYTHON || (process.platform === "win32" ? "python" : "python3");
const platform = process.platform === "linux" && fs.existsSync("/etc/alpine-release") ? "alpine" : process.platform;
const here = `${platform}-${process.arch === "arm" ? "armhf" : process.arch}`;

function targetsFromArgs(args) {
  if (args.includes("--all")) return TARGETS;
  const chosen = [];
  args.forEach((arg, i) => { if (arg === "--target") chosen.push(args[i + 1]); });
  const unknown = chosen.filter((t) => !TARGETS.includes(t));
  if (unknown.length) {
    console.error(`package: unknown target ${unknown.join(", ")}; one of ${TARGETS.join(", ")}`);
    process.exit(2);
  }
  return chosen.length ? chosen : [undefined]; // undefined: this machine, under the usual name
}

if (!fs.existsSync(path.join(ext, "out", "extension.js"))) {
  console.error("package: out/extension.js is missing; run npm run compile first");
  process.exit(1);
}
const vsce = require.resolve("@vscode/vsce/vsce");
for (const chosen of targetsFromArgs(process.argv.slice(2))) {
  const target = chosen ?? here;
  const out = chosen ? path.join(ext, "dist", `connector-lint-${target}-${version}.vsix`) : path.join(ext, `connector-lint-${version}.vsix`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const started = Date.now();
  execFileSync(python, [path.join(ext, "scripts", "bundle.py"), "--target", target], { cwd: ext, stdio: "inherit" });
  execFileSync(process.execPath, [vsce, "package", "--no-dependencies", "--target", target, "--out", out],
    { cwd: ext, stdio: "inherit" });
  console.log(`package: ${path.relative(process.cwd(), out)} (${target}, ${(fs.statSync(out).size / 1e6).toFixed(1)} MB, ` +
    `${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
