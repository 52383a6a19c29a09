-- A real LSP client outside VS Code: headless Neovim (0.7+, the built-in client) starts the
-- Bulkhead language server over stdio, opens files, waits for their diagnostics and writes them
-- as JSON. Run by scripts/test-neovim.mjs (npm run test:neovim), which asserts the result.
--
-- Environment: BULKHEAD_NODE, BULKHEAD_SERVER (dist/server.js), BULKHEAD_ROOT (workspace),
-- BULKHEAD_FILES (comma-separated paths relative to the root), BULKHEAD_EXPECT (`path=code`
-- pairs, comma-separated: what to wait for), BULKHEAD_OUT (JSON output file),
-- BULKHEAD_TIMEOUT_MS.

local function env(name, default)
  local value = os.getenv(name)
  if value == nil or value == '' then
    if default == nil then error('missing environment variable ' .. name) end
    return default
  end
  return value
end

local function main()
  local root = env('BULKHEAD_ROOT')
  local out = env('BULKHEAD_OUT')
  local timeout = tonumber(env('BULKHEAD_TIMEOUT_MS', '30000'))
  local files = vim.split(env('BULKHEAD_FILES'), ',', { plain = true })
  local expect = {}
  for _, pair in ipairs(vim.split(env('BULKHEAD_EXPECT', ''), ',', { plain = true })) do
    local file, code = pair:match('^(.-)=(.+)$')
    if file then
      expect[file] = expect[file] or {}
      table.insert(expect[file], code)
    end
  end

  vim.cmd('filetype on')
  local client_id = vim.lsp.start_client({
    name = 'bulkhead',
    cmd = { env('BULKHEAD_NODE', 'node'), env('BULKHEAD_SERVER'), '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'workspace' } },
  })
  if not client_id then error('vim.lsp.start_client failed') end

  local buffers = {}
  for _, file in ipairs(files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. file))
    local bufnr = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(bufnr, client_id)
    buffers[file] = bufnr
  end

  local function code_of(diagnostic)
    if diagnostic.code ~= nil then return diagnostic.code end
    local lsp = diagnostic.user_data and diagnostic.user_data.lsp
    return lsp and lsp.code
  end

  local function has_all_expected()
    for file, codes in pairs(expect) do
      local seen = {}
      for _, diagnostic in ipairs(vim.diagnostic.get(buffers[file])) do seen[code_of(diagnostic)] = true end
      for _, code in ipairs(codes) do
        if not seen[code] then return false end
      end
    end
    return true
  end

  local waited_for = vim.wait(timeout, has_all_expected, 50)

  local client = vim.lsp.get_client_by_id(client_id)
  local result = {
    neovim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch,
    server = client and client.server_capabilities ~= nil,
    timedOut = not waited_for,
    files = {},
  }
  for _, file in ipairs(files) do
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buffers[file])) do
      table.insert(list, {
        code = code_of(d),
        line = d.lnum,
        col = d.col,
        endLine = d.end_lnum,
        endCol = d.end_col,
        severity = d.severity,
        source = d.source,
        message = d.message,
      })
    end
    result.files[file] = list
  end

  local handle = assert(io.open(out, 'w'))
  handle:write(vim.fn.json_encode(result))
  handle:close()

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = pcall(main)
if not ok then
  io.stderr:write('check.lua: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
else
  vim.cmd('qall!')
end
