// connector-lint for VS Code: starts the language server and forwards commands to it.
// All analysis happens in the server (Python); nothing here knows about rules.
import * as path from "path";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  DocumentFilter,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  State,
} from "vscode-languageclient/node";
import { fixAll, openRuleDocs } from "./commands";
import { findServer, NoServerError, prefetchPython, pythonExtensionApi } from "./server";
import { launchSettings, RESTART_KEYS, SECTION, serverSettings } from "./settings";

/**
 * The connector files the server checks. A settings.json only in a folder whose name does not start
 * with a dot (not .vscode/settings.json); whether it belongs to a connector is the server's call.
 */
const CONNECTOR_FILES = ["**/*.swagger.json", "**/apiProperties.json"];
/** The configuration files (server/config.py CONFIG_NAMES): an error in one shows while it is typed. */
const CONFIG_FILES = ["**/.connector-lint.json", "**/connector-lint.json"];
const SOURCE = "connector-lint"; // the server's diagnostics
export const SELECTOR: DocumentFilter[] = [...CONNECTOR_FILES, "**/[!.]*/settings.json", ...CONFIG_FILES]
  .map((pattern) => ({ scheme: "file", pattern }));

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;
let bundledScript: string;
let memory: vscode.Memento;
let pycache: string;
let queue: Promise<void> = Promise.resolve();
let restartTimer: NodeJS.Timeout | undefined;
let waitingForRestart: (() => void)[] = [];
let notified = false;
let followingPython = false;
let subscriptions: vscode.Disposable[];

export function currentClient(): LanguageClient | undefined {
  return client?.state === State.Running ? client : undefined;
}

function firstFolder(): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.[0];
}

function setStatus(kind: "starting" | "running" | "error" | "off", detail: string): void {
  const icon = { starting: "$(sync~spin)", running: "$(check)", error: "$(error)", off: "$(circle-slash)" }[kind];
  status.text = `${icon} connector-lint`;
  status.tooltip = `connector-lint: ${detail.replace(/\.$/, "")}. Click to show the output.`;
  status.backgroundColor = kind === "error" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
  status.show();
}

function clientOptions(): LanguageClientOptions {
  return {
    documentSelector: SELECTOR,
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // Push diagnostics: vscode-languageclient pulls a newly opened file only once its tab is
    // tracked, about a second after the editor shows it; the server publishes at once.
    initializationOptions: { settings: serverSettings(firstFolder()?.uri), diagnosticMode: "push" },
    // No file watcher here: the server registers the files it follows (workspace/didChangeWatchedFiles).
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(asShown)),
      provideCodeActions: (document, range, context, token, next) =>
        next(document, range, { ...context, diagnostics: context.diagnostics.map(asSent) }, token),
      workspace: {
        // Answer section "connectorLint" with the typed settings only (never how the server was started).
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (!Array.isArray(answer)) {
            return answer;
          }
          return params.items.map((item, i) =>
            item.section === SECTION ? serverSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : answer[i],
          );
        },
      },
    },
  };
}

/**
 * A diagnostic as the Problems panel shows it: Microsoft's validator code after the message (as the
 * CLI prints it), and the rule id linked to the rule's page, rendered beside the document (the
 * server's file: link would open the raw Markdown in place of the connector).
 */
function asShown(diagnostic: vscode.Diagnostic): vscode.Diagnostic {
  if (diagnostic.source !== SOURCE) {
    return diagnostic;
  }
  const validatorCode = (diagnostic as { data?: { validatorCode?: unknown } }).data?.validatorCode;
  if (typeof validatorCode === "string" && validatorCode) {
    diagnostic.message = `${diagnostic.message} [${validatorCode}]`;
  }
  const rule = typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
  if (rule !== undefined) {
    const args = encodeURIComponent(JSON.stringify([String(rule)]));
    diagnostic.code = { value: rule, target: vscode.Uri.parse(`command:connectorLint.openRuleDocs?${args}`) };
  }
  return diagnostic;
}

/** The diagnostic as the server sent it (its message without the validator code), for a code action request. */
function asSent(diagnostic: vscode.Diagnostic): vscode.Diagnostic {
  const validatorCode = (diagnostic as { data?: { validatorCode?: unknown } }).data?.validatorCode;
  const suffix = ` [${validatorCode}]`;
  if (diagnostic.source !== SOURCE || typeof validatorCode !== "string" || !diagnostic.message.endsWith(suffix)) {
    return diagnostic;
  }
  // A copy of the same class (vscode-languageclient keeps `data` on its own subclass).
  const copy = Object.assign(Object.create(Object.getPrototypeOf(diagnostic)), diagnostic) as vscode.Diagnostic;
  copy.message = diagnostic.message.slice(0, -suffix.length);
  return copy;
}

async function stopClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.dispose();
    } catch (e) {
      output.appendLine(`Stopping the server failed: ${e}`);
    }
  }
}

async function startClient(): Promise<void> {
  await stopClient();
  if (!serverSettings(firstFolder()?.uri).enable) {
    setStatus("off", "disabled by connectorLint.enable");
    return;
  }
  setStatus("starting", "starting the language server");
  const started = Date.now();
  let executable;
  try {
    executable = await findServer(bundledScript, firstFolder(), (line) => output.appendLine(`[${new Date().toISOString()}] ${line}`),
      memory, pycache);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    output.appendLine(message);
    for (const line of e instanceof NoServerError ? e.details : []) {
      output.appendLine(`  - ${line}`);
    }
    setStatus("error", message);
    if (!notified) {
      notified = true;
      const choice = await vscode.window.showErrorMessage(message, "Open Settings", "Show Output");
      if (choice === "Open Settings") {
        void vscode.commands.executeCommand("workbench.action.openSettings", SECTION);
      } else if (choice === "Show Output") {
        output.show();
      }
    }
    return;
  }
  await followPythonExtension();
  const next = new LanguageClient(SECTION, "connector-lint", executable, clientOptions());
  next.onDidChangeState(({ newState }) => {
    if (client !== next) {
      return;
    }
    if (newState === State.Running) {
      output.appendLine(`[${new Date().toISOString()}] Server running, ${Date.now() - started} ms after the start was asked for.`);
      setStatus("running", `running (${[executable.command, ...(executable.args ?? [])].join(" ")})`);
    } else if (newState === State.Stopped) {
      setStatus("error", "the language server stopped; see the output");
    }
  });
  client = next;
  try {
    await next.start();
  } catch (e) {
    output.appendLine(`The language server did not start: ${e}`);
    setStatus("error", `the language server did not start: ${e}`);
  }
}

/** Start or restart, one at a time; requests coming in a burst (settings typed in) are merged. */
export function restart(delayMs = 0): Promise<void> {
  if (restartTimer) {
    clearTimeout(restartTimer);
  }
  return new Promise((resolve) => {
    waitingForRestart.push(resolve);
    const run = () => {
      restartTimer = undefined;
      const done = waitingForRestart;
      waitingForRestart = [];
      queue = queue.then(startClient, startClient).then(() => done.forEach((resolveOne) => resolveOne()));
    };
    if (delayMs > 0) {
      restartTimer = setTimeout(run, delayMs);
    } else {
      run(); // at once: a timer would let other extensions' activations go first
    }
  });
}

/** Restart when the Python extension's interpreter changes and it is the one in use (asked only once
 * a connector is open, so that opening any JSON file does not activate the Python extension). */
async function followPythonExtension(): Promise<void> {
  const python = followingPython ? undefined : await pythonExtensionApi();
  if (!python) {
    return;
  }
  followingPython = true;
  subscriptions.push(
    python.environments.onDidChangeActiveEnvironmentPath(() => {
      const { serverPath, interpreter } = launchSettings(firstFolder());
      if (!serverPath && !interpreter) {
        void restart(500);
      }
    }),
  );
}

function onConfigurationChanged(event: vscode.ConfigurationChangeEvent): void {
  if (!event.affectsConfiguration(SECTION)) {
    return;
  }
  if (RESTART_KEYS.some((key) => event.affectsConfiguration(key))) {
    void restart(500);
  } else if (currentClient()) {
    // Push style for servers that read it; pull style servers ask workspace/configuration again.
    const settings = { [SECTION]: serverSettings(firstFolder()?.uri) };
    void currentClient()?.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }
}

async function inConnectorWorkspace(): Promise<boolean> {
  const isConnector = (doc: vscode.TextDocument) =>
    CONNECTOR_FILES.some((pattern) => vscode.languages.match({ scheme: "file", pattern }, doc) > 0);
  if (vscode.workspace.textDocuments.some(isConnector)) {
    return true;
  }
  const found = await vscode.workspace.findFiles("**/{*.swagger.json,apiProperties.json}", "**/node_modules/**", 1);
  return found.length > 0;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  subscriptions = context.subscriptions;
  bundledScript = context.asAbsolutePath(path.join("bundled", "tool", "server.py"));
  memory = context.globalState;
  pycache = vscode.Uri.joinPath(context.globalStorageUri, "pycache").fsPath;

  output = vscode.window.createOutputChannel("connector-lint");
  status = vscode.window.createStatusBarItem("connectorLint.status", vscode.StatusBarAlignment.Right, 100);
  status.name = "connector-lint";
  status.command = "connectorLint.showOutput";
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand("connectorLint.restart", () => restart()),
    vscode.commands.registerCommand("connectorLint.showOutput", () => output.show()),
    vscode.commands.registerCommand("connectorLint.fixAll", () => fixAll(output)),
    vscode.commands.registerCommand("connectorLint.openRuleDocs", (ruleId?: unknown) =>
      openRuleDocs(output, context.globalStorageUri, typeof ruleId === "string" ? ruleId : undefined)),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart()),
  );
  output.appendLine(`[${new Date().toISOString()}] Activated.`);
  // Activated for any JSON file: start the server only once a connector is around.
  prefetchPython(firstFolder(), memory); // meanwhile: asking Python takes ~0.3 s on a first start
  if (await inConnectorWorkspace()) {
    await restart();
    return;
  }
  const waiting = vscode.workspace.onDidOpenTextDocument((doc) => {
    if (vscode.languages.match(SELECTOR.slice(0, CONNECTOR_FILES.length), doc) > 0) {
      waiting.dispose();
      void restart();
    }
  });
  context.subscriptions.push(waiting);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
