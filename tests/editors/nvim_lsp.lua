-- Headless Neovim (0.7+, Debian's) as a second real LSP client for connector-lint.
-- Opens the file given on the command line, starts the server with the built-in client
-- (vim.lsp.start_client: vim.lsp.start only exists from 0.8), then:
--   1. waits for connector-lint's diagnostics and records them;
--   2. asks for the quick fixes of the diagnostic at FIX_LINE/FIX_COL (1-based, as the CLI prints
--      them), applies the first one and waits for that diagnostic to go (one fewer with its rule
--      and message: the others may move when the edit shortens the line);
--   3. types over the text at EDIT_LINE (a didChange) with EDIT_TEXT and waits for the diagnostics
--      of rule EDIT_RULE to go;
--   4. (with COMPLETE_AT and DEFINITION_AT) asks for completion and for a definition.
-- Writes everything it saw as JSON to OUT and exits 0, or non-zero at the first step that fails.
-- env: SERVER_CMD (JSON array), OUT, EXPECT_COUNT, FIX_LINE, FIX_COL, FIX_RULE, EDIT_LINE, EDIT_TEXT, EDIT_RULE, COMPLETE_AT,
-- DEFINITION_AT, TIMEOUT_MS
local out = os.getenv("OUT") or "nvim-lsp.json"
local cmd = vim.fn.json_decode(os.getenv("SERVER_CMD") or "[]")
local timeout = tonumber(os.getenv("TIMEOUT_MS") or "30000")
local bufnr = vim.api.nvim_get_current_buf()
local result = { steps = {} }

local function finish(code, err)
  result.error = err
  result.buffer = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n")
  local f = assert(io.open(out, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(code == 0 and "qall!" or ("cquit " .. code))
end

local function ours()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == "connector-lint" then
      table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
                           code = d.code, severity = d.severity, message = d.message })
    end
  end
  return list
end

local function has(pred)
  for _, d in ipairs(ours()) do
    if pred(d) then return d end
  end
  return nil
end

local function main()
vim.bo[bufnr].filetype = "json" -- -u NONE turns filetype detection off; languageId comes from it
local settings = { enable = true, run = "onType", preset = "auto", rules = vim.empty_dict(), words = {} }
local client_id = vim.lsp.start_client({
  name = "connector-lint",
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":h"),
  init_options = { settings = settings },
  settings = { connectorLint = settings },
})
if not client_id then return finish(2, "start_client failed") end
vim.lsp.buf_attach_client(bufnr, client_id) -- initialize, then didOpen

-- 1. diagnostics arrive
local fix_line, fix_col = tonumber(os.getenv("FIX_LINE")) - 1, tonumber(os.getenv("FIX_COL")) - 1
local fix_rule = os.getenv("FIX_RULE")
local function fix_target(d) return d.code == fix_rule and d.lnum == fix_line and d.col == fix_col end
if not vim.wait(timeout, function() return has(fix_target) ~= nil end, 50) then
  result.diagnostics = ours()
  return finish(3, "timeout waiting for connector-lint diagnostics")
end
local expect_count = tonumber(os.getenv("EXPECT_COUNT") or "1")
vim.wait(timeout, function() return #ours() >= expect_count end, 50) -- the test compares the lists
result.diagnostics = ours()
table.insert(result.steps, "diagnostics")

-- 2. quick fix for one diagnostic, applied as the editor would
local target = has(fix_target)
local lsp_diag = {
  range = { start = { line = target.lnum, character = target.col },
            ["end"] = { line = target.end_lnum, character = target.end_col } },
  message = target.message, code = target.code, severity = target.severity, source = "connector-lint",
}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do -- keep the server's data (fix payload) when it sent one
  if d.source == "connector-lint" and d.code == target.code and d.lnum == target.lnum and d.user_data
     and d.user_data.lsp and d.user_data.lsp.data then
    lsp_diag.data = d.user_data.lsp.data
  end
end
local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = lsp_diag.range,
  context = { diagnostics = { lsp_diag }, only = { "quickfix" } },
}, timeout) or {}
local action
for _, response in pairs(responses) do
  for _, a in ipairs(response.result or {}) do
    if not action and a.edit then action = a end
  end
end
if not action then return finish(4, "no quick fix with an edit for " .. fix_rule) end
result.quickfix_title = action.title
vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
local function same(d) return d.code == target.code and d.message == target.message end
local before = #vim.tbl_filter(same, ours())
if not vim.wait(timeout, function() return #vim.tbl_filter(same, ours()) < before end, 50) then
  result.after_fix = ours()
  return finish(5, "the diagnostic did not go after the quick fix")
end
result.after_fix = ours()
table.insert(result.steps, "quickfix")

-- 3. an edit (didChange) that repairs another problem
local edit_line = tonumber(os.getenv("EDIT_LINE")) - 1
local edit_rule = os.getenv("EDIT_RULE")
vim.api.nvim_buf_set_lines(bufnr, edit_line, edit_line + 1, false, { os.getenv("EDIT_TEXT") })
if not vim.wait(timeout, function() return has(function(d) return d.code == edit_rule end) == nil end, 50) then
  result.after_edit = ours()
  return finish(6, "the diagnostics of " .. edit_rule .. " did not go after the edit")
end
result.after_edit = ours()
table.insert(result.steps, "edit")

-- 4. authoring help: completion just after COMPLETE_AT, the definition of what is just after DEFINITION_AT
-- (the first line of the buffer containing each text)
local function position_after(text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local s, e = string.find(line, text, 1, true)
    if s then return { line = i - 1, character = e } end
  end
  return nil
end
local complete_at, definition_at = os.getenv("COMPLETE_AT"), os.getenv("DEFINITION_AT")
if complete_at and definition_at then
  local doc = { uri = vim.uri_from_bufnr(bufnr) }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/completion",
    { textDocument = doc, position = position_after(complete_at) }, timeout) or {}
  result.completion = {}
  for _, response in pairs(responses) do
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do table.insert(result.completion, item.label) end
  end
  responses = vim.lsp.buf_request_sync(bufnr, "textDocument/definition",
    { textDocument = doc, position = position_after(definition_at) }, timeout) or {}
  result.definition = {}
  for _, response in pairs(responses) do
    local found = response.result or {}
    if found.uri then found = { found } end
    for _, location in ipairs(found) do table.insert(result.definition, location) end
  end
  if #result.completion == 0 or #result.definition == 0 then
    return finish(7, "no completion items or no definition")
  end
  table.insert(result.steps, "authoring")
end
vim.lsp.stop_client(client_id)
finish(0, nil)
end

-- Any Lua error ends Neovim with a failure instead of leaving it waiting for input.
local ok, err = pcall(main)
if not ok then finish(9, "Lua error: " .. tostring(err)) end
