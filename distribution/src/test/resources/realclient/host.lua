-- Tavern real-client probe: host a game "Test" (or @NAME@ when the test fills it in) from the
-- --mp-test scenario test1 (which chains into test2), wait for a player to say "ready", launch, play
-- until the game is over, leave.
local function plugin()
  local function log(text) std_print("tavern-probe " .. text) end
  local game_name = "@NAME@"
  if game_name:sub(1, 1) == "@" then game_name = "Test" end
  local events, context, info
  local function next_slice() events, context, info = coroutine.yield() end
  local function wait_for(name, limit)
    local slices = 0
    while info.name ~= name and slices < limit do next_slice(); slices = slices + 1 end
    return info.name == name
  end

  next_slice()
  while info.name ~= "titlescreen" and info.name ~= "Multiplayer Lobby" do next_slice() end
  while info.name == "titlescreen" do context.play_multiplayer({}); next_slice() end
  wait_for("Multiplayer Lobby", 100000)
  log("in lobby")
  context.create({})
  if not wait_for("Multiplayer Create", 100000) then log("no create dialog"); context.exit({code = 4}) end
  context.select_type({type = "scenario"})
  local level = info.find_level({id = "test1"})
  context.select_level({index = level.index})
  context.set_name({name = game_name})
  context.update_settings({registered_users = false})
  next_slice()
  context.create({})
  log("game created")

  local ready = false
  local slices = 0
  while not ready and slices < 200000 do
    next_slice()
    slices = slices + 1
    for _, event in ipairs(events) do
      if event[1] == "chat" and event[2].message == "ready" then ready = true end
    end
  end
  if not ready then log("nobody got ready"); context.exit({code = 5}) end
  log("launching")
  context.launch({})
  if not wait_for("Game", 100000) then log("never got to the game"); context.exit({code = 6}) end
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
