-- Tavern real-client probe (a Wesnoth plugin): log in, then read the lobby's game list as the client
-- holds it (info.game_list(), the [gamelist] it built from the server's list and diffs) until a game
-- named @EXPECT@ is in it, logging every game name seen once; leave. Exit 0 if it was listed, 3 if not.
local function plugin()
  local function log(text) std_print("tavern-probe " .. text) end
  local expect = "@EXPECT@"
  local events, context, info

  repeat
    events, context, info = coroutine.yield()
  until info.name == "titlescreen" or info.name == "Multiplayer Lobby"
  while info.name == "titlescreen" do
    context.play_multiplayer({})
    events, context, info = coroutine.yield()
  end
  repeat
    events, context, info = coroutine.yield()
  until info.name == "Multiplayer Lobby"
  log("in lobby")

  local seen = {}
  local found = false
  -- WML tables: attributes by key, children as {tag, table} in the array part
  local function walk(node)
    for _, child in ipairs(node) do
      local tag, body = child[1], child[2]
      if tag == "game" and body.name ~= nil then
        local name = tostring(body.name)
        if not seen[name] then
          seen[name] = true
          log("listed " .. name)
        end
        if name == expect then found = true end
      end
      if type(body) == "table" then walk(body) end
    end
  end
  local slices = 0
  while not found and slices < 50000 do
    events, context, info = coroutine.yield()
    slices = slices + 1
    if info.name == "Multiplayer Lobby" and info.game_list then
      walk(info.game_list())
    end
  end
  log(found and "done" or "gave up waiting")
  repeat
    context.quit({})
    events, context, info = coroutine.yield()
  until info.name == "titlescreen"
  context.exit({code = found and 0 or 3})
  coroutine.yield()
end

return plugin
