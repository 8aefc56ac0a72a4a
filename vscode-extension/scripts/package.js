// `npm run package` (after compile): bundle the Python server and its libraries (scripts/bundle.py,
// with $PYTHON or python3), then package the .vsix with @vscode/vsce. The bundled libraries include
// compiled modules for this platform, so the .vsix is marked for it (--target): VS Code refuses it
// on another platform instead of failing when the server starts.
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ext = path.resolve(__dirname, "..");
const { version } = require(path.join(ext, "package.json"));
const python = process.env.PYTHON || (process.platform === "win32" ? "python" : "python3");
const platform = process.platform === "linux" && fs.existsSync("/etc/alpine-release") ? "alpine" : process.platform;
const target = `${platform}-${process.arch === "arm" ? "armhf" : process.arch}`;
const out = path.join(ext, `connector-lint-${version}.vsix`);

if (!fs.existsSync(path.join(ext, "out", "extension.js"))) {
  console.error("package: out/extension.js is missing; run npm run compile first");
  process.exit(1);
}
execFileSync(python, [path.join(ext, "scripts", "bundle.py")], { cwd: ext, stdio: "inherit" });
const vsce = require.resolve("@vscode/vsce/vsce");
execFileSync(process.execPath, [vsce, "package", "--no-dependencies", "--allow-missing-repository",
  "--target", target, "--out", out], { cwd: ext, stdio: "inherit" });
console.log(`package: ${path.relative(process.cwd(), out)} (${target}, ${(fs.statSync(out).size / 1e6).toFixed(1)} MB)`);
