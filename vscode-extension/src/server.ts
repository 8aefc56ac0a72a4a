// Finding the server: connectorLint.server.path, else a Python 3.10+ that runs the bundled server
// (connectorLint.interpreter, else the Python extension's interpreter, else python3 on PATH).
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Event, extensions, Memento, Uri, WorkspaceFolder } from "vscode";
import { Executable } from "vscode-languageclient/node";
import { launchSettings } from "./settings";

/** No usable server: `message` is for the notification, `details` for the output channel. */
export class NoServerError extends Error {
  constructor(message: string, readonly details: string[]) {
    super(message);
  }
}

/** The part of the Python extension's public API this extension uses (checked before use). */
interface PythonApi {
  environments: {
    getActiveEnvironmentPath(resource?: Uri): { id: string; path: string };
    resolveEnvironment(env: { id: string; path: string }): Promise<{ executable: { uri?: Uri } } | undefined>;
    onDidChangeActiveEnvironmentPath: Event<unknown>;
  };
}

export async function pythonExtensionApi(): Promise<PythonApi | undefined> {
  const extension = extensions.getExtension("ms-python.python");
  if (!extension) {
    return undefined;
  }
  try {
    const api = extension.isActive ? extension.exports : await extension.activate();
    return typeof api?.environments?.getActiveEnvironmentPath === "function" ? (api as PythonApi) : undefined;
  } catch {
    return undefined;
  }
}

async function pythonFromExtension(folder?: WorkspaceFolder): Promise<string | undefined> {
  const api = await pythonExtensionApi();
  try {
    const env = api && (await api.environments.resolveEnvironment(api.environments.getActiveEnvironmentPath(folder?.uri)));
    return env?.executable.uri?.fsPath;
  } catch {
    return undefined;
  }
}

/** What running a Python tells: its version and its own executable (behind a shim such as pyenv's). */
interface PythonInfo {
  major: number;
  minor: number;
  version: string;
  executable: string;
}

/** Ask a Python for its version and executable, or say why it could not be run (-S: no site, as the server runs). */
function pythonInfo(python: string): Promise<PythonInfo | string> {
  const script = "import sys; print('%d.%d.%d' % sys.version_info[:3]); print(sys.executable)";
  return new Promise((resolve) => {
    execFile(python, ["-S", "-c", script], { timeout: 20000 }, (error, stdout, stderr) => {
      if (error) {
        resolve((stderr || error.message).trim().split("\n").pop() ?? String(error));
        return;
      }
      const [version, executable] = stdout.trim().split(/\r?\n/);
      const [major, minor] = version.split(".").map(Number);
      resolve({ major, minor, version, executable: executable?.trim() || python });
    });
  });
}

/**
 * What identifies an interpreter's executable on disk (its path on PATH, size and time), so a
 * version found once is remembered until the file changes; undefined when it cannot be found.
 */
function executableStamp(python: string): string | undefined {
  const dirs = path.isAbsolute(python) ? [""] : (process.env.PATH ?? "").split(path.delimiter);
  const names = process.platform === "win32" && !python.toLowerCase().endsWith(".exe") ? [python, `${python}.exe`] : [python];
  for (const dir of dirs) {
    for (const name of names) {
      try {
        const full = dir ? path.join(dir, name) : name;
        const stat = fs.statSync(full);
        if (stat.isFile()) {
          return `${fs.realpathSync(full)}:${stat.size}:${stat.mtimeMs}`;
        }
      } catch {
        // not in this folder
      }
    }
  }
  return undefined;
}

/**
 * What a Python told, remembered across sessions in `memory` while its executable is unchanged:
 * the next start neither asks it again nor goes through a shim.
 */
async function rememberedInfo(python: string, memory: Memento | undefined): Promise<PythonInfo | string> {
  const stamp = executableStamp(python);
  const key = `python:${python}`;
  const known = memory?.get<{ stamp: string; info: PythonInfo }>(key);
  if (stamp && known?.stamp === stamp && known.info.executable && executableStamp(known.info.executable)) {
    return known.info;
  }
  let asking = asked.get(python);
  if (!asking) {
    asking = pythonInfo(python);
    asked.set(python, asking);
    void asking.finally(() => asked.delete(python));
  }
  const info = await asking;
  if (stamp && typeof info !== "string") {
    void memory?.update(key, { stamp, info });
  }
  return info;
}

/** The Pythons being asked now: a second caller waits for the same answer. */
const asked = new Map<string, Promise<PythonInfo | string>>();

/**
 * Start asking the Python that findServer will try first, while the extension looks for connector
 * files (a first start: nothing remembered yet). Only when that Python is known without the Python
 * extension, which is not activated for this.
 */
export function prefetchPython(folder: WorkspaceFolder | undefined, memory: Memento | undefined): void {
  const { serverPath, interpreter } = launchSettings(folder);
  if (serverPath || (!interpreter && extensions.getExtension("ms-python.python"))) {
    return;
  }
  void rememberedInfo(interpreter || (process.platform === "win32" ? "python" : "python3"), memory);
}

/**
 * The command that starts the server, in the discovery order of the README. `memory` keeps the
 * versions of interpreters already asked; `pycache` is where a Python the .vsix has no bytecode
 * for compiles the bundled libraries once.
 */
export async function findServer(
  bundledScript: string,
  folder: WorkspaceFolder | undefined,
  log: (line: string) => void,
  memory?: Memento,
  pycache?: string,
): Promise<Executable> {
  const { serverPath, interpreter } = launchSettings(folder);
  const cwd = folder?.uri.fsPath;
  if (serverPath) {
    log(`Server: ${serverPath} serve (connectorLint.server.path)`);
    return { command: serverPath, args: ["serve"], options: { cwd } };
  }
  const candidates: [string, string][] = [];
  if (interpreter) {
    candidates.push([interpreter, "connectorLint.interpreter"]);
  } else {
    const selected = await pythonFromExtension(folder);
    if (selected) {
      candidates.push([selected, "the Python extension's selected interpreter"]);
    }
    candidates.push([process.platform === "win32" ? "python" : "python3", "PATH"]);
  }
  const problems: string[] = [];
  const supported = bundledPythons(bundledScript);
  for (const [python, source] of candidates) {
    const info = await rememberedInfo(python, memory);
    if (typeof info === "string") {
      problems.push(`${python} (${source}) could not be run: ${info}`);
    } else if (info.major < 3 || (info.major === 3 && info.minor < 10)) {
      problems.push(`${python} (${source}) is Python ${info.version}; connector-lint needs 3.10 or newer`);
    } else if (supported && !supported.includes(`${info.major}.${info.minor}`)) {
      problems.push(`${python} (${source}) is Python ${info.version}; this build of connector-lint runs on Python ${supported.join(", ")}`);
    } else {
      log(`Server: ${info.executable} -S ${bundledScript} (Python ${info.version}, ${python} from ${source})`);
      const env = { ...process.env, PYTHONUTF8: "1", PYTHONNOUSERSITE: "1", ...(pycache ? { CONNECTOR_LINT_PYCACHE: pycache } : {}) };
      // -S: no site-packages (the bundle brings every library; nothing installed there can shadow
      // them, and no .pth file runs at each start).
      return { command: info.executable, args: ["-S", bundledScript], options: { cwd, env } };
    }
  }
  throw new NoServerError(
    interpreter
      ? `connector-lint cannot start: ${problems[0]}. Change connectorLint.interpreter.`
      : `connector-lint needs Python ${supported ? supported.join(", ") : "3.10 or newer"}. Install it, or set connectorLint.interpreter to one (or connectorLint.server.path to a connector-lint executable).`,
    problems,
  );
}

/**
 * The Pythons the bundled libraries have compiled modules for on this platform, as
 * scripts/bundle.py listed them; undefined when there is no list (then any 3.10+ is tried).
 */
function bundledPythons(bundledScript: string): string[] | undefined {
  try {
    const manifest = path.join(path.dirname(path.dirname(bundledScript)), "libs", "connector-lint-bundle.json");
    const pythons = JSON.parse(fs.readFileSync(manifest, "utf8")).pythons;
    return Array.isArray(pythons) && pythons.length ? pythons.map(String) : undefined;
  } catch {
    return undefined;
  }
}
