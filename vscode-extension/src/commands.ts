// Commands that forward to the server: fix all problems in this file, open a rule's page.
import * as vscode from "vscode";
import { ExecuteCommandRequest } from "vscode-languageclient/node";
import { currentClient, SELECTOR } from "./extension";

function serverCommands(): string[] {
  return currentClient()?.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
}

function fail(output: vscode.OutputChannel, what: string, error: unknown): void {
  output.appendLine(`${what} failed: ${error}`);
  void vscode.window.showErrorMessage(`connector-lint: ${what} failed. See the output for details.`);
}

/** Apply every safe fix of the active connector file. */
export async function fixAll(output: vscode.OutputChannel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const client = currentClient();
  if (!editor || vscode.languages.match(SELECTOR, editor.document) === 0) {
    void vscode.window.showInformationMessage("connector-lint: open a connector file (apiDefinition.swagger.json, apiProperties.json) first.");
    return;
  }
  if (!client) {
    void vscode.window.showWarningMessage("connector-lint: the language server is not running.");
    return;
  }
  try {
    if (serverCommands().includes("connectorLint.applyFixAll")) {
      const { document } = editor;
      const args = [{ uri: document.uri.toString(), version: document.version }];
      await client.sendRequest(ExecuteCommandRequest.type, { command: "connectorLint.applyFixAll", arguments: args });
    } else {
      await vscode.commands.executeCommand("editor.action.codeAction", { kind: "source.fixAll.connector-lint", apply: "first" });
    }
  } catch (e) {
    fail(output, "Fix all", e);
  }
}

/** The rule id of the connector-lint diagnostic under the cursor, if any. */
function ruleAtCursor(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return "";
  }
  const here = vscode.languages
    .getDiagnostics(editor.document.uri)
    .find((d) => d.source === "connector-lint" && d.range.contains(editor.selection.active));
  const code = here?.code;
  return code === undefined ? "" : String(typeof code === "object" ? code.value : code);
}

/**
 * Show the page the server gives for a rule (`ruleId`, from a problem's link, else asked for) in a
 * Markdown preview beside the document, which stays open. The page is written to the extension's
 * storage first (an untitled document would ask to be saved on close).
 */
export async function openRuleDocs(output: vscode.OutputChannel, storage: vscode.Uri, ruleId?: string): Promise<void> {
  const client = currentClient();
  if (!client) {
    void vscode.window.showWarningMessage("connector-lint: the language server is not running.");
    return;
  }
  ruleId ??= (
    await vscode.window.showInputBox({
      title: "connector-lint: rule documentation",
      prompt: "A rule id (the code shown with each problem; `connector-lint rules` lists them all).",
      placeHolder: "title-length",
      value: ruleAtCursor(),
    })
  )?.trim();
  if (!ruleId) {
    return;
  }
  let page: unknown;
  try {
    page = await client.sendRequest(ExecuteCommandRequest.type, { command: "connectorLint.ruleDocs", arguments: [ruleId] });
  } catch (e) {
    fail(output, `Opening the page of ${ruleId}`, e);
    return;
  }
  const markdown = typeof page === "string" ? page : (page as { markdown?: string } | null)?.markdown;
  if (!markdown) {
    void vscode.window.showWarningMessage(`connector-lint: there is no rule '${ruleId}'.`);
    return;
  }
  const pageUri = vscode.Uri.joinPath(storage, "rules", `${ruleId.replace(/[^\w.-]/g, "_")}.md`);
  await vscode.workspace.fs.writeFile(pageUri, new TextEncoder().encode(markdown));
  try {
    // Beside the document; from a rule page already open beside it, in that same group.
    // "To the side" is taken from the active group: make that the document's (a rule page opened
    // before may be active), so every page opens in the one group beside it.
    const editor = vscode.window.activeTextEditor;
    if (editor?.viewColumn !== undefined && vscode.window.tabGroups.activeTabGroup.viewColumn !== editor.viewColumn) {
      await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
    }
    await vscode.commands.executeCommand("markdown.showPreviewToSide", pageUri);
  } catch {
    await vscode.window.showTextDocument(pageUri, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }
}
