-- A manual end-to-end check with a real editor that is not VS Code (not part of the mocha suite,
-- since it needs Neovim installed: `apt-get install neovim`, 0.7 or newer):
--
--   npm run build && nvim --headless -u NONE -c 'luafile test/protocol/neovim-check.lua'
--
-- Starts the server as docs/neovim.md describes for Neovim before 0.11 (settings passed as
-- init_options, since Neovim 0.7 does not advertise workspace/configuration), opens the footnote
-- sample, and prints the diagnostics by rule, the hover on marker 12 and the definition of
-- marker 23. Exits with status 1 if any of them is missing.
local root = vim.fn.getcwd()
local client_id = vim.lsp.start_client({
  name = 'apparatus',
  cmd = { 'node', root .. '/dist/server.js', '--stdio' },
  root_dir = root,
  init_options = { apparatus = { diagnostics = { severity = { ['uncited-source'] = 'off' } } } },
})
vim.cmd('edit ' .. root .. '/samples/korea-1950.md')
vim.lsp.buf_attach_client(0, client_id)
vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 100)

local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
local function find(needle)
  for i, line in ipairs(lines) do
    local col = line:find(needle, 1, true)
    if col then return { line = i - 1, character = col } end
  end
end
local function request(method, position)
  local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = position }
  for _, response in pairs(vim.lsp.buf_request_sync(0, method, params, 5000) or {}) do
    if response.result then return response.result end
  end
end

local failures = 0
local function report(ok, text)
  print((ok and 'ok    ' or 'FAIL  ') .. text)
  if not ok then failures = failures + 1 end
end

local codes = {}
for _, diagnostic in ipairs(vim.diagnostic.get(0)) do codes[diagnostic.code] = (codes[diagnostic.code] or 0) + 1 end
report(next(codes) ~= nil, 'diagnostics: ' .. vim.inspect(codes, { newline = ' ', indent = '' }))
report(codes['uncited-source'] == nil, 'uncited-source turned off through init_options')
local hover = request('textDocument/hover', find('[^12]'))
report(hover and hover.contents.value:find('*Khrushchev Remembers*', 1, true) ~= nil, 'hover on [^12]: ' .. (hover and hover.contents.value:gsub('\n', ' ') or 'none'))
local definition = request('textDocument/definition', find('[^23]'))
local target = definition and definition[1] and lines[definition[1].range.start.line + 1] or ''
report(target:find("^Mansourov A.Y.") ~= nil, 'definition of [^23]: ' .. target:sub(1, 60))
vim.cmd((failures == 0 and 'qa!' or 'cq!'))
