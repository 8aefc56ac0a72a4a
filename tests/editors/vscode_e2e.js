// The real VS Code (code-server) with the connector-lint .vsix installed, driven by Debian's headless
// Chromium through playwright-core, as a user would: open the connector, read the Problems panel,
// click the light bulb on a problem, pick the quick fix, see the text change and the problem go, save.
// test_editor_vscode.py runs it and checks the JSON it writes.
//
// env: CODE_SERVER, VSIX, WORKSPACE (a scratch folder), FILE (to open, relative), OUT_DIR, PORT,
//      EXPECT (JSON list of messages the Problems panel must show), FIX (JSON {message, line, column,
//      where}: the problem to fix, "where" as the Problems panel prints it, "[Ln 28, Col 46]"),
//      SETTINGS (JSON object of user settings), CHROMIUM, PLAYWRIGHT (path of playwright-core),
//      FIX_ALL=1 (run "Fix All Problems in This File" after the quick fix), RULE_DOCS (a rule id whose
//      page is opened through "Open Rule Documentation"),
//      RULE_LINK (a rule id: its link in the Problems panel is clicked, its page must open beside),
//      RULE_OFF (JSON {rule}: turned off in the settings afterwards, its problems must go),
//      OLD_PYTHON (a Python older than 3.10, set as connectorLint.interpreter last: a notification),
//      UNTRUSTED=1 (answer "no" to the workspace trust question; then only the Problems are checked),
//      NAME (prefix of the output files, default "vscode"),
//      STARTUP (JSON [cold file, warm file], relative: measure open → first diagnostic, then stop),
//      FRESH_CACHE=1 (connector-lint's own cache directory starts empty too),
//      CONFIG (JSON {file, at: [line, column], typed, says}: open the configuration file, type `typed`
//      at the position without saving, the Problems panel must show `says` from connector-lint; then
//      delete what was typed and the problem must go)
const { execFileSync, spawn } = require("child_process");
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");
const { chromium } = require(process.env.PLAYWRIGHT || "playwright-core");

const env = (name) => { const v = process.env[name]; if (!v) throw new Error(`${name} is not set`); return v; };
const [CODE_SERVER, VSIX, WORKSPACE, FILE, OUT_DIR] = ["CODE_SERVER", "VSIX", "WORKSPACE", "FILE", "OUT_DIR"].map(env);
const PORT = Number(process.env.PORT || 8765);
const EXPECT = JSON.parse(env("EXPECT"));
const FIX = process.env.FIX ? JSON.parse(process.env.FIX) : undefined;
const UNTRUSTED = process.env.UNTRUSTED === "1";
const NAME = process.env.NAME || "vscode"; // prefix of the screenshots and the result file
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 90000);
const STARTUP = process.env.STARTUP ? JSON.parse(process.env.STARTUP) : undefined; // [cold file, warm file]
const t0 = Date.now();
const result = { steps: [], problems: [], afterFix: [] };
const log = (...a) => console.log(`[vscode-e2e +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

function waitForHttp(url, ms) {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const once = () => http.get(url, (res) => { res.resume(); resolve(); })
      .on("error", () => (Date.now() > end ? reject(new Error("code-server did not come up")) : setTimeout(once, 250)));
    once();
  });
}

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "connector-lint-vscode-"));
  const userData = path.join(tmp, "user-data");
  fs.mkdirSync(path.join(userData, "User"), { recursive: true });
  fs.writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify({
    "security.workspace.trust.enabled": UNTRUSTED,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "workbench.enableExperiments": false,
    "chat.disableAIFeatures": true,
    "json.schemaDownload.enable": false,
    "files.autoSave": "off",
    ...JSON.parse(process.env.SETTINGS || "{}"),
  }, null, 2));
  fs.writeFileSync(path.join(tmp, "config.yaml"), `bind-addr: 127.0.0.1:${PORT}\nauth: none\ncert: false\n`);
  // XDG_* under tmp: code-server and Chromium write nothing into the home folder.
  const childEnv = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, "xdg-config"), XDG_DATA_HOME: path.join(tmp, "xdg-data") };
  if (process.env.FRESH_CACHE === "1") childEnv.XDG_CACHE_HOME = path.join(tmp, "xdg-cache"); // connector-lint's cache too
  const args = ["--config", path.join(tmp, "config.yaml"), "--user-data-dir", userData,
    "--extensions-dir", path.join(tmp, "extensions"), "--disable-telemetry", "--disable-update-check",
    ...(UNTRUSTED ? [] : ["--disable-workspace-trust"])];
  log("installing", VSIX);
  execFileSync(CODE_SERVER, [...args, "--install-extension", VSIX], { env: childEnv, stdio: "inherit" });
  const cs = spawn(CODE_SERVER, [...args, WORKSPACE], { env: childEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const csLog = fs.createWriteStream(path.join(OUT_DIR, `${NAME}-code-server.log`));
  cs.stdout.pipe(csLog);
  cs.stderr.pipe(csLog);
  let browser;
  let page;
  try {
    await waitForHttp(`http://127.0.0.1:${PORT}/healthz`, 30000);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      headless: true,
      env: childEnv,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    });
    page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await page.goto(`http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(WORKSPACE)}`);
    await page.waitForSelector(".monaco-workbench", { timeout: TIMEOUT });
    if (STARTUP) await page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ timeout: TIMEOUT });
    result.loadedAt = Date.now(); // the workbench shows the folder: where a user would click
    if (UNTRUSTED) {
      // VS Code asks whether to trust the folder's authors: answer no (restricted mode).
      const no = page.locator(".monaco-dialog-box .monaco-button", { hasText: "No, I don't trust the authors" });
      await no.waitFor({ timeout: TIMEOUT });
      await no.click();
      log("opened the folder in restricted mode");
    }
    if (STARTUP) {
      await measureStartup(page);
      return;
    }
    const item = page.locator(".explorer-folders-view .monaco-list-row", { hasText: FILE }).first();
    await item.waitFor({ timeout: TIMEOUT });
    await item.click();
    await page.waitForSelector(".monaco-editor .view-lines", { timeout: TIMEOUT });
    log("opened", FILE);
    result.steps.push("opened");

    // Problems panel: every problem the CLI reports for the file, from source connector-lint.
    await page.waitForSelector(".monaco-editor .squiggly-error", { timeout: TIMEOUT });
    await page.keyboard.press("Control+Shift+M");
    await page.locator(".markers-panel").waitFor({ timeout: TIMEOUT });
    result.problems = await problemRows(page, (rows) => EXPECT.every((m) => rows.some((r) => r.includes(m))));
    log("Problems panel:", result.problems.length, "rows");
    await page.screenshot({ path: path.join(OUT_DIR, `${NAME}-problems.png`) });
    result.steps.push("problems");
    const status = page.locator(".statusbar-item", { hasText: "connector-lint" }).first();
    result.status = { text: await status.innerText(), label: await status.getAttribute("aria-label") };

    // Authoring help: type a key in an operation and read the completion list, then rename with F2.
    if (process.env.AUTHORING) {
      const authoring = JSON.parse(process.env.AUTHORING); // {typeAt: [line, column], typed, expectItem, rename: [line, column], newName}
      await page.locator(".monaco-editor .view-lines").first().click();
      await goTo(page, authoring.typeAt[0], authoring.typeAt[1]);
      await page.keyboard.press("End");
      await page.keyboard.press("Enter");
      await page.keyboard.type(authoring.typed, { delay: 30 });
      const suggest = page.locator(".editor-widget.suggest-widget.visible .monaco-list-row");
      // The list opens at the first character and narrows as the rest is typed: wait for the item.
      await suggest.filter({ hasText: authoring.expectItem }).first().waitFor({ timeout: TIMEOUT });
      result.completion = await suggest.allInnerTexts();
      await page.screenshot({ path: path.join(OUT_DIR, `${NAME}-completion.png`) });
      log("completion:", JSON.stringify(result.completion));
      await page.keyboard.press("Enter"); // accept the first item
      await page.keyboard.press("Escape");
      await page.keyboard.press("Escape");
      result.steps.push("completion");

      await goTo(page, authoring.rename[0], authoring.rename[1]);
      await page.keyboard.press("F2");
      const box = page.locator(".rename-box input").first();
      await box.waitFor({ timeout: TIMEOUT });
      result.renamePlaceholder = await box.inputValue();
      await box.fill(authoring.newName);
      await page.screenshot({ path: path.join(OUT_DIR, `${NAME}-rename.png`) });
      await page.keyboard.press("Enter");
      await box.waitFor({ state: "hidden", timeout: TIMEOUT });
      await page.locator(".monaco-editor .view-lines", { hasText: authoring.newName }).first().waitFor({ timeout: TIMEOUT });
      await page.locator(".monaco-editor .view-lines").first().click(); // the focus back in the text
      await page.keyboard.press("Control+S");
      await page.locator(".tab.dirty").waitFor({ state: "detached", timeout: TIMEOUT });
      log("renamed", result.renamePlaceholder, "to", authoring.newName);
      result.steps.push("rename");
    }

    // A configuration error shows while it is typed (no save), and goes when the typing is undone.
    if (process.env.CONFIG) {
      const config = JSON.parse(process.env.CONFIG); // {file, at: [line, column], typed, says}
      await page.keyboard.press("Control+P");
      await page.locator(".quick-input-widget input").first().waitFor({ timeout: TIMEOUT });
      await page.keyboard.type(config.file);
      await page.locator(".quick-input-list .monaco-list-row", { hasText: config.file }).first().waitFor({ timeout: TIMEOUT });
      await page.waitForTimeout(300); // the list settles on the best match
      await page.keyboard.press("Enter");
      await page.locator(".tab.active", { hasText: config.file }).first().waitFor({ timeout: TIMEOUT });
      await page.locator(".monaco-editor .view-lines").first().click();
      await goTo(page, config.at[0], config.at[1]);
      await page.keyboard.type(config.typed, { delay: 30 });
      const ours = (r) => r.includes(config.says) && r.split("\n").includes("connector-lint");
      result.configBroken = await problemRows(page, (rows) => rows.some(ours));
      result.configDirty = await page.locator(".tab.dirty", { hasText: config.file }).count(); // not saved
      await page.screenshot({ path: path.join(OUT_DIR, `${NAME}-config-error.png`) });
      log("configuration error shown while typing:", JSON.stringify(result.configBroken.filter(ours)));
      await page.locator(".monaco-editor .view-lines").first().click(); // the focus back in the text
      await goTo(page, config.at[0], config.at[1] + config.typed.length);
      for (let i = 0; i < config.typed.length; i++) await page.keyboard.press("Backspace");
      result.configFixed = await problemRows(page, (rows) => !rows.some((r) => r.includes(config.says)));
      log("configuration error cleared");
      result.steps.push("config");
    }

    if (!FIX) return;
    // Quick fix from the light bulb: put the cursor on the problem, click the bulb, pick the fix.
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+G");
    await page.keyboard.type(`${FIX.line}:${FIX.column}`);
    await page.keyboard.press("Enter");
    const bulb = page.locator(".monaco-editor .lightBulbWidget").first();
    await bulb.waitFor({ state: "visible", timeout: TIMEOUT });
    await page.screenshot({ path: path.join(OUT_DIR, `${NAME}-lightbulb.png`) });
    await bulb.click();
    const menu = page.locator(".action-widget .monaco-list-row.action");
    await menu.first().waitFor({ timeout: TIMEOUT });
    result.menu = await menu.allInnerTexts();
    log("light bulb menu:", JSON.stringify(result.menu));
    await page.screenshot({ path: path.join(OUT_DIR, `${NAME}-quickfix-menu.png`) });
    // The menu opens with its first fix focused ("Enter to Apply"); while the pointer that opened it
    // is still down VS Code blocks clicks on it, so apply with the keyboard.
    const focused = page.locator(".action-widget .monaco-list-row.action.focused").first();
    await focused.waitFor({ timeout: TIMEOUT });
    result.applied = await focused.innerText();
    await page.keyboard.press("Enter");
    await page.locator(".tab.dirty").first().waitFor({ timeout: TIMEOUT }); // the editor's text changed
    await page.keyboard.press("Control+S");
    await page.locator(".tab.dirty").waitFor({ state: "detached", timeout: TIMEOUT });
    // One row fewer with the fixed problem's message (the others on its line may have moved).
    const withMessage = (rows) => rows.filter((r) => r.includes(FIX.message)).length;
    const before = withMessage(result.problems);
    const fixed = (rows) => withMessage(rows) === before - 1;
    result.afterFix = await problemRows(page, fixed);
    log("the fixed problem left the Problems panel");
    await page.screenshot({ path: path.join(OUT_DIR, `${NAME}-after-fix.png`) });
    result.steps.push("quickfix");

    // Fix all (command palette): the server's safe fixes for the whole file, applied as one edit.
    if (process.env.FIX_ALL) {
      const ours = (rows) => rows.filter((r) => r.split("\n")[1] === "connector-lint").length;
      const beforeAll = ours(result.afterFix);
      await page.locator(".monaco-editor .view-lines").first().click();
      await runCommand(page, "connector-lint: Fix All Problems in This File");
      await page.locator(".tab.dirty").first().waitFor({ timeout: TIMEOUT });
      await page.keyboard.press("Control+S");
      await page.locator(".tab.dirty").waitFor({ state: "detached", timeout: TIMEOUT });
      result.afterFixAll = await problemRows(page, (rows) => ours(rows) < beforeAll);
      await page.screenshot({ path: path.join(OUT_DIR, `${NAME}-after-fix-all.png`) });
      log("fix all:", beforeAll, "->", ours(result.afterFixAll), "problems");
      result.steps.push("fix-all");
    }

    // A rule's page: the command asks for the id, the server's Markdown opens in a preview.
    if (process.env.RULE_DOCS) {
      await runCommand(page, "connector-lint: Open Rule Documentation");
      const input = page.locator(".quick-input-widget input").first();
      await input.waitFor({ timeout: TIMEOUT });
      await input.fill(process.env.RULE_DOCS);
      await page.keyboard.press("Enter");
      const heading = page.frameLocator("iframe.webview.ready").frameLocator("iframe").locator("h1").first();
      await heading.waitFor({ timeout: TIMEOUT });
      result.ruleDocsHeading = await heading.innerText();
      await page.screenshot({ path: path.join(OUT_DIR, `${NAME}-rule-docs.png`) });
      log("rule page:", result.ruleDocsHeading);
      result.steps.push("rule-docs");
    }

    // A problem's rule link (its code in the Problems panel) opens the rendered page beside the
    // connector, which stays open with its problems listed.
    if (process.env.RULE_LINK) {
      const rule = process.env.RULE_LINK;
      const link = page.locator(".markers-panel .monaco-list-row").locator("a, .monaco-link", { hasText: rule }).first();
      await link.waitFor({ timeout: TIMEOUT });
      await link.click();
      const end = Date.now() + TIMEOUT;
      let headings = [];
      while (!headings.includes(rule) && Date.now() < end) {
        await page.waitForTimeout(250);
        headings = await previewHeadings(page);
      }
      await page.screenshot({ path: path.join(OUT_DIR, `${NAME}-rule-link.png`) });
      result.ruleLink = {
        headings,
        groups: await page.locator(".editor-group-container").count(),
        tabs: await page.locator(".tabs-container .tab").allInnerTexts(),
        activeTabs: await page.locator(".editor-group-container .tab.active").allInnerTexts(),
        problems: await problemRows(page, (rows) => rows.some((r) => r.split("\n").includes(rule))),
      };
      log("rule link:", JSON.stringify(result.ruleLink.headings), result.ruleLink.groups, "groups");
      result.steps.push("rule-link");
    }

    // Settings take effect without a reload. They are written to the workspace's .vscode/settings.json
    // (code-server does not watch the user settings file for outside changes; it does watch the folder).
    const settingsFile = path.join(WORKSPACE, ".vscode", "settings.json");
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    if (process.env.RULE_OFF) {
      const off = JSON.parse(process.env.RULE_OFF); // {rule}
      fs.writeFileSync(settingsFile, JSON.stringify({ "connectorLint.rules": { [off.rule]: "off" } }, null, 2));
      const ofRule = (r) => r.split("\n").includes(off.rule); // a row: message, source, rule id, position
      result.afterRuleOff = await problemRows(page, (rows) => !rows.some(ofRule));
      log(`turning ${off.rule} off in the settings took its problem away`);
      result.steps.push("settings");
    }

    // A Python that is too old: one clear notification, the status bar in error.
    if (process.env.OLD_PYTHON) {
      fs.writeFileSync(settingsFile, JSON.stringify({
        "connectorLint.server.path": "", "connectorLint.interpreter": process.env.OLD_PYTHON }, null, 2));
      const toast = page.locator(".notifications-toasts .notification-toast", { hasText: "connector-lint" }).first();
      await toast.waitFor({ timeout: TIMEOUT });
      result.notification = await toast.innerText();
      result.errorStatus = await page.locator(".statusbar-item", { hasText: "connector-lint" }).first().getAttribute("aria-label");
      await page.screenshot({ path: path.join(OUT_DIR, `${NAME}-old-python.png`) });
      log("notification:", JSON.stringify(result.notification));
      result.steps.push("old-python");
    }
  } catch (e) {
    result.error = String(e && e.message || e);
    log("FAILED:", result.error);
    if (page) await page.screenshot({ path: path.join(OUT_DIR, `${NAME}-failure.png`) }).catch(() => {});
  } finally {
    if (browser) await browser.close();
    try { process.kill(-cs.pid, "SIGTERM"); } catch (_) { /* already gone */ }
    const outputLog = findExtensionLog(userData);
    if (outputLog) fs.copyFileSync(outputLog, path.join(OUT_DIR, `${NAME}-connector-lint-output.log`));
    fs.writeFileSync(path.join(OUT_DIR, `${NAME}-result.json`), JSON.stringify(result, null, 2));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Put the cursor at a 1-based line and column (Go to Line). */
async function goTo(page, line, column) {
  await page.keyboard.press("Control+G");
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press("Enter");
}

/**
 * Open → first diagnostic, as a user sees it: from pressing Enter in Quick Open on a connector file
 * to the first squiggle in its editor. STARTUP[0] is opened first, in the fresh profile just loaded
 * (the extension may still be starting: the cold figure); then every editor is closed and
 * STARTUP[1], another connector, is opened with the server running (the warm figure).
 */
async function measureStartup(page) {
  const squiggle = ".monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info";
  result.startup = {};
  for (const [kind, file] of [["cold", STARTUP[0]], ["warm", STARTUP[1]]]) {
    if (kind === "warm") {
      await runCommand(page, "View: Close All Editors");
      await page.locator(".monaco-editor .view-lines").first().waitFor({ state: "detached", timeout: TIMEOUT });
      await page.waitForTimeout(1000); // let the server settle (closing is a notification it handles)
    }
    if (kind === "cold" && process.env.STARTUP_DELAY_MS) await page.waitForTimeout(Number(process.env.STARTUP_DELAY_MS));
    await page.keyboard.press("Control+P");
    const input = page.locator(".quick-input-widget input").first();
    await input.waitFor({ timeout: TIMEOUT });
    await page.keyboard.type(file);
    await page.locator(".quick-input-list .monaco-list-row").first().waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(300); // the list settles on the best match
    const start = Date.now();
    result.startup[`${kind}OpenedAt`] = new Date(start).toISOString();
    await page.keyboard.press("Enter");
    await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: TIMEOUT });
    result.startup[`${kind}Editor`] = (Date.now() - start) / 1000; // VS Code's own part: the editor shows the text
    await page.locator(squiggle).first().waitFor({ timeout: TIMEOUT });
    result.startup[kind] = (Date.now() - start) / 1000;
    result.startup[`${kind}SinceLoad`] = (Date.now() - result.loadedAt) / 1000;
    log(`${kind}: ${file} → first diagnostic in ${result.startup[kind].toFixed(2)} s`);
    await page.screenshot({ path: path.join(OUT_DIR, `${NAME}-${kind}.png`) });
  }
  result.steps.push("startup");
}

/** The first heading of every rendered Markdown preview (each is a webview: two nested iframes). */
async function previewHeadings(page) {
  const headings = [];
  const frames = page.locator("iframe.webview.ready");
  for (let i = 0; i < (await frames.count()); i++) {
    const h1 = frames.nth(i).contentFrame().locator("iframe").contentFrame().locator("h1").first();
    if (await h1.count()) headings.push((await h1.innerText()).trim());
  }
  return headings;
}

/**
 * The rows of the Problems panel once `until(rows)` holds (or the time is up), read with the panel
 * maximized so that the list renders every row.
 */
async function problemRows(page, until) {
  await toggleMaximizedPanel(page);
  const end = Date.now() + TIMEOUT;
  let rows = [];
  try {
    for (;;) {
      rows = await page.locator(".markers-panel .monaco-list-row").allInnerTexts();
      if (until(rows)) return rows;
      if (Date.now() > end) throw new Error(`the Problems panel did not reach the expected state: ${JSON.stringify(rows)}`);
      await page.waitForTimeout(200);
    }
  } finally {
    await toggleMaximizedPanel(page);
  }
}

async function toggleMaximizedPanel(page) {
  await runCommand(page, "View: Toggle Maximized Panel");
}

/** Run a command from the command palette (F1), by its title. */
async function runCommand(page, title) {
  await page.keyboard.press("F1");
  await page.locator(".quick-input-widget input").first().waitFor({ timeout: TIMEOUT });
  await page.keyboard.type(title);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title.split(": ").pop() }).first().waitFor({ timeout: TIMEOUT });
  await page.keyboard.press("Enter");
}

/** The connector-lint output channel as the extension host logged it (newest session). */
function findExtensionLog(userData) {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/connector-lint\.log$/.test(e.name)) found.push(p);
    }
  };
  walk(path.join(userData, "logs"));
  return found.sort().pop();
}

main().then(() => process.exit(result.error ? 1 : 0), (e) => { console.error(e); process.exit(2); });
