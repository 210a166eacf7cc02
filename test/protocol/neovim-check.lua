-- The Neovim end of `npm run test:neovim` (scripts/neovim/run-neovim-test.mjs), which starts
--
--   nvim --headless -n -c 'luafile test/protocol/neovim-check.lua'
--
-- in a sandbox whose init.lua is the Neovim 0.7–0.10 block of docs/neovim.md, unchanged, with a copy of
-- the samples as the current folder. This script does what a user would: opens the sample essay, presses
-- the documented keys, runs the documented commands, and checks what comes back. Nothing here configures
-- the client, so a check fails when the page's configuration does not do its part; only the user's
-- answers to vim.ui.input and vim.ui.select are given for them.
--
-- Environment: APPARATUS_CHECK_MODE ('full', or 'missing-server' when the server is not on the PATH),
-- APPARATUS_CHECK_RESULT (a file that receives one JSON line per check), APPARATUS_CHECK_COMPILE (a
-- folder of Lua files, the page's 0.11 blocks, that must compile). Neovim exits 0 when every check passed.
local mode = os.getenv('APPARATUS_CHECK_MODE') or 'full'
local out = assert(io.open(assert(os.getenv('APPARATUS_CHECK_RESULT'), 'APPARATUS_CHECK_RESULT is not set'), 'w'))
local failures = 0
-- The server answers in milliseconds; a missing answer should not hold the run for long.
local ANSWER_MS = 5000

--- At most n characters of s (whole UTF-8 characters), on one line.
local function clip(s, n)
  return vim.fn.strcharpart((tostring(s):gsub('%s+', ' ')), 0, n)
end

local function report(name, ok, detail)
  if not ok then failures = failures + 1 end
  local record = { name = name, ok = ok and true or false, detail = detail and clip(detail, 200) or vim.NIL }
  local encoded, line = pcall(vim.fn.json_encode, record)
  if not encoded then
    record.detail = (tostring(record.detail):gsub('[\128-\255]', '?'))
    line = vim.fn.json_encode(record)
  end
  out:write(line .. '\n')
  out:flush()
end

--- Runs one check: `fn` returns ok and a detail; an error fails the check, not the run.
local function check(name, fn)
  local ran, ok, detail = pcall(fn)
  if ran then report(name, ok, detail) else report(name, false, ok) end
end

local function wait(ms, condition)
  return vim.wait(ms, condition, 20)
end

local leader = vim.g.mapleader or '\\'
-- The page's buffer-local mappings (0.7–0.10 column of its table).
local MAPPINGS = { 'K', 'gd', 'gD', '<leader>rr', '<leader>rn', '<leader>ca', '<leader>o', '<leader>cl' }

local function buffer_mapping(lhs)
  local map = vim.fn.maparg((lhs:gsub('<leader>', leader)), 'n', false, true)
  return map and map.buffer == 1
end

--- Presses keys as typed, through the mappings. A documented mapping that is missing is an error
--- rather than keys typed at Vim (`<leader>cl` unmapped would start a change and wait in insert mode).
local function press(keys)
  if vim.tbl_contains(MAPPINGS, keys) and not buffer_mapping(keys) then
    error(keys .. ' is not mapped in the buffer')
  end
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes((keys:gsub('<leader>', leader)), true, false, true), 'mx', false)
end

local function lines(bufnr)
  return vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
end

local function text(bufnr)
  return table.concat(lines(bufnr), '\n')
end

--- Puts the cursor on the first occurrence of `needle` in a line matching `line_pattern` (if given).
local function cursor_to(needle, line_pattern)
  for i, line in ipairs(lines(0)) do
    local col = line:find(needle, 1, true)
    if col and (not line_pattern or line:find(line_pattern)) then
      vim.api.nvim_win_set_cursor(0, { i, col })
      return i
    end
  end
  error('not in the buffer: ' .. needle)
end

local function current_line()
  return vim.api.nvim_get_current_line()
end

local function floating_window()
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then return win end
  end
end

local function apparatus_client(bufnr)
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'apparatus' then return client end
  end
end

--- The user's answer to the next vim.ui.select: the first item `pick` accepts. `offered` keeps the list.
local offered
local function answer_select(pick)
  offered = nil
  vim.ui.select = function(items, opts, on_choice)
    offered = {}
    local chosen
    for i, item in ipairs(items) do
      local label = opts.format_item and opts.format_item(item) or tostring(item)
      table.insert(offered, label)
      if not chosen and pick(label) then chosen = i end
    end
    if chosen then on_choice(items[chosen], chosen) else on_choice(nil, nil) end
  end
end

--- Back to the essay, in normal mode, with no float, quickfix or location window open.
local function back_to(bufnr)
  vim.cmd('stopinsert')
  local float = floating_window()
  if float then vim.api.nvim_win_close(float, true) end
  vim.cmd('cclose')
  vim.cmd('lclose')
  vim.api.nvim_set_current_buf(bufnr)
end

--- Presses `keys` on `needle` and waits for the cursor to leave the line; returns the line it lands on.
local function jump(bufnr, needle, keys)
  back_to(bufnr)
  local from = cursor_to(needle, '^[^%[]')
  press(keys)
  wait(ANSWER_MS, function() return vim.api.nvim_win_get_cursor(0)[1] ~= from end)
  return current_line()
end

local function full()
  -- The page's FileType autocommand starts the server for the first essay and attaches it.
  vim.cmd('edit korea-1950.md')
  local essay = vim.api.nvim_get_current_buf()
  local attached = wait(15000, function() local c = apparatus_client(essay) return c and c.initialized end)
  report('attaches to samples/korea-1950.md', attached)
  if not attached then return end

  check('publishes diagnostics', function()
    wait(ANSWER_MS, function() return #vim.diagnostic.get(essay) > 0 end)
    return #vim.diagnostic.get(essay) > 0, #vim.diagnostic.get(essay) .. ' diagnostics'
  end)

  check('on_attach sets omnifunc and tagfunc', function()
    local omnifunc, tagfunc = vim.bo[essay].omnifunc, vim.bo[essay].tagfunc
    return omnifunc == 'v:lua.vim.lsp.omnifunc' and tagfunc == 'v:lua.vim.lsp.tagfunc', omnifunc .. ', ' .. tagfunc
  end)

  check('on_attach maps K, gd, gD, <leader>rr/rn/ca/o/cl in the buffer', function()
    local unmapped = vim.tbl_filter(function(lhs) return not buffer_mapping(lhs) end, MAPPINGS)
    return #unmapped == 0, #unmapped > 0 and ('not mapped: ' .. table.concat(unmapped, ' ')) or nil
  end)

  -- Neovim 0.7 offers no workspace/configuration: the settings go as init_options.
  check('settings reach the server (historiography reported as hints)', function()
    local historiography, hints = 0, 0
    for _, d in ipairs(vim.diagnostic.get(essay)) do
      if d.code == 'unsupported-claim/historiography' then
        historiography = historiography + 1
        if d.severity == vim.diagnostic.severity.HINT then hints = hints + 1 end
      end
    end
    return historiography > 0 and hints == historiography, hints .. ' of ' .. historiography .. ' are hints'
  end)

  check('K shows note 12 and its source', function()
    back_to(essay)
    cursor_to('[^12]', '^[^%[]')
    press('K')
    wait(ANSWER_MS, function() return floating_window() ~= nil end)
    local float = floating_window()
    local hover = float and table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false), ' ') or ''
    return hover:find('Khrushchev Remembers', 1, true) ~= nil, clip(hover, 80)
  end)

  -- Marker 23 is an Ibid. of note 22, which cites Mansourov.
  for _, keys in ipairs({ 'gd', '<C-]>' }) do
    check(keys .. ' on marker 23 goes to its bibliography entry', function()
      local line = jump(essay, '[^23]', keys)
      return line:find('^Mansourov A.Y.') ~= nil, clip(line, 50)
    end)
  end

  check('gD on marker 12 goes to the note', function()
    local line = jump(essay, '[^12]', 'gD')
    return line:find('^%[%^12%]:') ~= nil, clip(line, 50)
  end)

  -- Refreshed from on_attach: a refresh sent before the server is ready never shows a lens on 0.7.
  check('code lenses appear, nobody refreshing them by hand', function()
    wait(ANSWER_MS, function() return #vim.lsp.codelens.get(essay) > 0 end)
    return #vim.lsp.codelens.get(essay) > 0, #vim.lsp.codelens.get(essay) .. ' lenses'
  end)

  check("<leader>cl on Talbott's entry lists its notes in the quickfix window", function()
    back_to(essay)
    cursor_to('Talbott S. (ed.)', '^Talbott')
    vim.fn.setqflist({}, 'r')
    answer_select(function() return true end)
    press('<leader>cl')
    wait(ANSWER_MS, function() return #vim.fn.getqflist() > 0 end)
    local window = vim.fn.getqflist({ winid = 0 }).winid
    return #vim.fn.getqflist() > 0 and window ~= 0, #vim.fn.getqflist() .. ' locations, window ' .. window
  end)

  check("<leader>rr on Talbott's entry lists the notes citing it", function()
    back_to(essay)
    cursor_to('Talbott S. (ed.)', '^Talbott')
    vim.fn.setqflist({}, 'r')
    press('<leader>rr')
    wait(ANSWER_MS, function() return #vim.fn.getqflist() > 0 end)
    return #vim.fn.getqflist() >= 2, #vim.fn.getqflist() .. ' references'
  end)

  -- Neovim 0.7 puts the symbols in the quickfix list, 0.8 and newer in the location list.
  check('<leader>o lists the outline with the 40 notes', function()
    back_to(essay)
    vim.fn.setloclist(0, {}, 'r')
    vim.fn.setqflist({}, 'r')
    local function outline() return #vim.fn.getloclist(0) > 0 and vim.fn.getloclist(0) or vim.fn.getqflist() end
    press('<leader>o')
    wait(ANSWER_MS, function() return #outline() > 0 end)
    local notes = #vim.tbl_filter(function(item) return item.text:find('[^', 1, true) ~= nil end, outline())
    return notes >= 40, #outline() .. ' symbols, ' .. notes .. ' notes'
  end)

  -- Typed keys run in insert mode ('x!') until a timer, once the menu shows (or after 5 s), reads it and
  -- leaves insert mode.
  check('<C-x><C-o> after [^ offers the note labels', function()
    back_to(essay)
    cursor_to('## Stalin')
    local items, polls = {}, 0
    local timer = vim.fn.timer_start(20, function(id)
      polls = polls + 1
      if vim.fn.pumvisible() == 1 or polls > ANSWER_MS / 20 then
        vim.fn.timer_stop(id)
        items = vim.fn.complete_info({ 'items' }).items or {}
        vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('<C-e><Esc>', true, false, true), 'n', false)
      end
    end, { ['repeat'] = -1 })
    vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('OSee note [^<C-x><C-o>', true, false, true), 'mx!', false)
    vim.fn.timer_stop(timer)
    vim.cmd('silent! undo')
    local words = vim.tbl_map(function(item) return item.word end, items)
    return #items > 0, clip(#items .. ' items: ' .. table.concat(words, ' '), 60)
  end)

  check('<leader>ca on an unsupported claim offers quick fixes and applies the one chosen', function()
    back_to(essay)
    local claim
    for _, d in ipairs(vim.diagnostic.get(essay)) do
      if not claim and tostring(d.code):find('^unsupported%-claim/') then claim = d end
    end
    if not claim then return false, 'no unsupported-claim diagnostic' end
    vim.api.nvim_win_set_cursor(0, { claim.lnum + 1, claim.col })
    local tick = vim.api.nvim_buf_get_changedtick(essay)
    answer_select(function() return true end)
    press('<leader>ca')
    wait(ANSWER_MS, function() return vim.api.nvim_buf_get_changedtick(essay) ~= tick end)
    local changed = vim.api.nvim_buf_get_changedtick(essay) ~= tick
    if changed then vim.cmd('silent! undo') end
    return changed, offered and table.concat(offered, ' | ') or 'nothing offered'
  end)

  check('<leader>rn on marker 12 renames the marker and its note', function()
    back_to(essay)
    cursor_to('[^12]', '^[^%[]')
    vim.ui.input = function(_, on_confirm) on_confirm('khrushchev') end
    press('<leader>rn')
    wait(ANSWER_MS, function() return text(essay):find('[^khrushchev]:', 1, true) ~= nil end)
    local _, renamed = text(essay):gsub('%[%^khrushchev%]', '')
    return renamed >= 2 and not text(essay):find('[^12]', 1, true), renamed .. ' renamed'
  end)

  -- Whole-document commands, in other essays of the same server.
  check('one server for every essay; :ApparatusRenumber numbers the notes in order', function()
    vim.cmd('edit out-of-order.md')
    local bufnr = vim.api.nvim_get_current_buf()
    wait(ANSWER_MS, function() return apparatus_client(bufnr) ~= nil and vim.fn.exists(':ApparatusRenumber') == 2 end)
    local same = apparatus_client(bufnr) and apparatus_client(bufnr).id == apparatus_client(essay).id
    vim.cmd('ApparatusRenumber')
    wait(ANSWER_MS, function() return lines(bufnr)[1] == 'Second.[^1] First.[^2]' end)
    return same and lines(bufnr)[1] == 'Second.[^1] First.[^2]', (same and 'one server, ' or 'two servers, ') .. lines(bufnr)[1]
  end)

  check(':ApparatusConvertEndnotes turns the endnotes of the endnote sample into footnotes', function()
    vim.cmd('edit korea-1950-endnotes.md')
    local bufnr = vim.api.nvim_get_current_buf()
    wait(ANSWER_MS, function() return vim.fn.exists(':ApparatusConvertEndnotes') == 2 end)
    vim.cmd('ApparatusConvertEndnotes')
    wait(ANSWER_MS, function() return text(bufnr):find('[^2]', 1, true) ~= nil end)
    return text(bufnr):find('[^2]', 1, true) ~= nil
  end)

  check("the page's command opens the LSP log", function()
    vim.cmd("lua vim.cmd('edit ' .. vim.lsp.get_log_path())")
    return vim.api.nvim_buf_get_name(0) == vim.lsp.get_log_path(), vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ':t')
  end)

  check('no error message along the way', function()
    local messages = vim.fn.execute('messages')
    return not messages:find('Error') and not messages:find('E%d+:'), messages
  end)
end

local function missing_server()
  vim.cmd('edit korea-1950.md')
  vim.cmd('edit korea-1950-endnotes.md')
  vim.wait(300, function() return false end)
  local messages = vim.fn.execute('messages')
  local _, count = messages:gsub('apparatus%-language%-server is not on the PATH', '')
  report('one message, for two essays, says the server is not on the PATH', count == 1, messages)
  report('no error and no stack trace', not messages:find('Error') and not messages:find('stack traceback') and not messages:find('E%d+:'))
  report('no client started', #vim.lsp.get_active_clients() == 0)
end

--- The page's 0.11 blocks cannot run here; they must at least compile.
local function compile()
  for _, file in ipairs(vim.fn.glob(os.getenv('APPARATUS_CHECK_COMPILE') .. '/*.lua', false, true)) do
    local chunk, err = loadfile(file)
    report('compiles: ' .. vim.fn.fnamemodify(file, ':t'), chunk ~= nil, err)
  end
end

-- Whatever happens, Neovim exits: 0 when every check passed.
local ran, err = pcall(function()
  local completed, problem = pcall(mode == 'full' and full or missing_server)
  if not completed then report('the check script ran to its end', false, problem) end
  if mode == 'missing-server' then compile() end
  out:close()
end)
if not ran then io.stderr:write('neovim-check.lua: ' .. tostring(err) .. '\n') end
vim.cmd((ran and failures == 0) and 'qa!' or 'cq!')
