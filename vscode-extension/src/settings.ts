// The extension's settings, typed. Two kinds: what the server needs to lint (sent to it), and
// how to start it (never sent; chosen by the user only, in an untrusted workspace).
import * as os from "os";
import { ConfigurationScope, workspace, WorkspaceFolder } from "vscode";

export const SECTION = "connectorLint";

export type Run = "onType" | "onSave";
export type Preset = "auto" | "certified" | "independent-publisher" | "custom";
export type Severity = "error" | "warning" | "information" | "hint" | "off";

/** Sent as initializationOptions.settings and as the answer to workspace/configuration "connectorLint". */
export interface ServerSettings {
  enable: boolean;
  run: Run;
  preset: Preset;
  rules: Record<string, Severity>;
  words: string[];
  /** The base for breaking-change checks: "auto", "off", a git revision or a path. */
  base: string;
}

/** How to start the server. */
export interface LaunchSettings {
  serverPath: string;
  interpreter: string;
}

/** Changing one of these needs a new server process; the rest is a configuration notification. */
export const RESTART_KEYS = ["server.path", "interpreter", "enable"].map((key) => `${SECTION}.${key}`);

export function serverSettings(scope?: ConfigurationScope): ServerSettings {
  const config = workspace.getConfiguration(SECTION, scope);
  return {
    enable: config.get<boolean>("enable", true),
    run: config.get<Run>("run", "onType"),
    preset: config.get<Preset>("preset", "auto"),
    rules: { ...config.get<Record<string, Severity>>("rules", {}) },
    words: [...config.get<string[]>("words", [])],
    base: config.get<string>("base", "auto"),
  };
}

/**
 * The settings that choose an executable. In an untrusted workspace only the user's own (global)
 * values count: a folder you just cloned must not be able to run a program of its choosing.
 */
export function launchSettings(folder?: WorkspaceFolder): LaunchSettings {
  const config = workspace.getConfiguration(SECTION, folder?.uri);
  const pick = (key: string): string => {
    const value = workspace.isTrusted ? config.get<string>(key) : config.inspect<string>(key)?.globalValue;
    return expand((value ?? "").trim(), folder);
  };
  return { serverPath: pick("server.path"), interpreter: pick("interpreter") };
}

function expand(value: string, folder?: WorkspaceFolder): string {
  const home = os.homedir();
  return value
    .replace(/^~(?=$|[\\/])/, home)
    .replace(/\$\{userHome\}/g, home)
    .replace(/\$\{workspaceFolder\}/g, folder?.uri.fsPath ?? "");
}
