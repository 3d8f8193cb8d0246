-- Tavern real-client probe: find the game "Test" (or @GAME@ when the test fills it in) in the lobby
-- and take part as @ROLE@ ("player": join, say "ready" and play; "observer": observe and watch) until
-- the game is over, then leave. Every game name the lobby list shows is logged once ("listed").
local function plugin()
  local function log(text) std_print("tavern-probe " .. text) end
  local events, context, info
  local function next_slice() events, context, info = coroutine.yield() end
  local wanted = "@GAME@"
  if wanted:sub(1, 1) == "@" then wanted = "Test" end
  local seen = {}

  local function find_test_game()
    local list = info.game_list and info.game_list()
    if not list then return nil end
    local found = nil
    for _, child in ipairs(list) do
      if child[1] == "gamelist" then
        for _, entry in ipairs(child[2]) do
          if entry[1] == "game" and entry[2].name ~= nil then
            local name = tostring(entry[2].name)
            if not seen[name] then
              seen[name] = true
              log("listed " .. name)
            end
            if name == wanted then found = entry[2].id end
          end
        end
      end
    end
    return found
  end

  next_slice()
  while info.name ~= "titlescreen" and info.name ~= "Multiplayer Lobby" do next_slice() end
  while info.name == "titlescreen" do context.play_multiplayer({}); next_slice() end
  while info.name ~= "Multiplayer Lobby" do next_slice() end
  log("in lobby")
  local game, slices = nil, 0
  while not game and slices < 200000 do
    next_slice()
    slices = slices + 1
    game = find_test_game()
  end
  if not game then log("no game to join"); context.exit({code = 4}) end
  context.select_game({id = game})
  next_slice()
  if "@ROLE@" == "observer" then
    log("observing game " .. tostring(game))
    context.observe({})
    next_slice()
    slices = 0
    while info.name ~= "Multiplayer Join" and info.name ~= "Game" and slices < 100000 do
      if context.observe then context.observe({}) end
      next_slice()
      slices = slices + 1
    end
    log("observing")
  else
    log("joining game " .. tostring(game))
    context.join({})
    next_slice()
    slices = 0
    while info.name ~= "Dialog" and info.name ~= "Multiplayer Join" and slices < 100000 do
      if context.join then context.join({}) end
      next_slice()
      slices = slices + 1
    end
    if info.name == "Dialog" then
      context.skip_dialog({})
      while info.name ~= "Multiplayer Join" do next_slice() end
    end
    log("joined")
    context.chat({message = "ready"})
  end
  slices = 0
  while info.name ~= "Game" and slices < 200000 do next_slice(); slices = slices + 1 end
  log("in game")
  slices = 0
  while info.name == "Game" and slices < 400000 do next_slice(); slices = slices + 1 end
  log("left the game: " .. info.name)
  repeat
    context.quit({})
    next_slice()
  until info.name == "titlescreen"
  context.exit({code = 0})
  coroutine.yield()
end

return plugin
