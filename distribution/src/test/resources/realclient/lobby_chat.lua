-- Tavern real-client probe (a Wesnoth plugin): log in, chat in the lobby, leave.
-- The test fills in @SAY@ (said on arrival; may be empty), @EXPECT@ (a message to wait for; empty:
-- none) and @REPLY@ (said once it is heard; may be empty). Progress lines start with "tavern-probe".
local function plugin()
  local function log(text) std_print("tavern-probe " .. text) end
  local say, expect, reply = "@SAY@", "@EXPECT@", "@REPLY@"
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

  if say ~= "" then
    context.chat({message = say})
    log("said " .. say)
  end
  local heard = (expect == "")
  local slices = 0
  while not heard and slices < 50000 do
    events, context, info = coroutine.yield()
    slices = slices + 1
    for _, event in ipairs(events) do
      if event[1] == "chat" then
        log("heard " .. tostring(event[2].sender) .. ": " .. tostring(event[2].message))
        if event[2].message == expect then
          heard = true
        end
      end
    end
  end
  if heard and reply ~= "" then
    context.chat({message = reply})
    log("said " .. reply)
    -- give the reply a few slices to leave before quitting
    for _ = 1, 20 do
      events, context, info = coroutine.yield()
    end
  end
  log(heard and "done" or "gave up waiting")
  repeat
    context.quit({})
    events, context, info = coroutine.yield()
  until info.name == "titlescreen"
  context.exit({code = heard and 0 or 3})
  coroutine.yield()
end

return plugin
