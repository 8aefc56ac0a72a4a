// Finding the server: connectorLint.server.path, else a Python 3.10+ that runs the bundled server
// (connectorLint.interpreter, else the Python extension's interpreter, else python3 on PATH).
import { execFile } from "child_process";
import { Event, extensions, Uri, WorkspaceFolder } from "vscode";
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

/** The version of a Python as [major, minor, "x.y.z"], or why it could not be run. */
function pythonVersion(python: string): Promise<[number, number, string] | string> {
  const script = "import sys; print('%d.%d.%d' % sys.version_info[:3])";
  return new Promise((resolve) => {
    execFile(python, ["-c", script], { timeout: 20000 }, (error, stdout, stderr) => {
      if (error) {
        resolve((stderr || error.message).trim().split("\n").pop() ?? String(error));
        return;
      }
      const version = stdout.trim();
      const [major, minor] = version.split(".").map(Number);
      resolve([major, minor, version]);
    });
  });
}

/** The command that starts the server, in the discovery order of the README. */
export async function findServer(
  bundledScript: string,
  folder: WorkspaceFolder | undefined,
  log: (line: string) => void,
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
  for (const [python, source] of candidates) {
    const version = await pythonVersion(python);
    if (typeof version === "string") {
      problems.push(`${python} (${source}) could not be run: ${version}`);
    } else if (version[0] < 3 || (version[0] === 3 && version[1] < 10)) {
      problems.push(`${python} (${source}) is Python ${version[2]}; connector-lint needs 3.10 or newer`);
    } else {
      log(`Server: ${python} ${bundledScript} (Python ${version[2]}, from ${source})`);
      const env = { ...process.env, PYTHONUTF8: "1", PYTHONNOUSERSITE: "1" };
      return { command: python, args: [bundledScript], options: { cwd, env } };
    }
  }
  throw new NoServerError(
    interpreter
      ? `connector-lint cannot start: ${problems[0]}. Change connectorLint.interpreter.`
      : "connector-lint needs Python 3.10 or newer. Install it, or set connectorLint.interpreter to one (or connectorLint.server.path to a connector-lint executable).",
    problems,
  );
}
