-- Tavern real-client probe for the web lobby test: log in, wait for @EXPECT@ in the lobby chat,
-- answer @REPLY@, then wait for the whisper @WHISPER@ and leave. Every chat event is logged
-- ("tavern-probe heard <sender>: <message>"), so the test reads what the client saw.
local function plugin()
  local function log(text) std_print("tavern-probe " .. text) end
  local expect, reply, whisper = "@EXPECT@", "@REPLY@", "@WHISPER@"
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

  local function wait_for(text)
    local slices = 0
    while slices < 100000 do
      events, context, info = coroutine.yield()
      slices = slices + 1
      for _, event in ipairs(events) do
        if event[1] == "chat" then
          log("heard " .. tostring(event[2].sender) .. ": " .. tostring(event[2].message))
          if event[2].message == text then return true end
        end
      end
    end
    return false
  end

  local heard = wait_for(expect)
  if heard then
    context.chat({message = reply})
    log("said " .. reply)
  end
  local whispered = heard and wait_for(whisper)
  log((heard and whispered) and "done" or "gave up waiting")
  repeat
    context.quit({})
    events, context, info = coroutine.yield()
  until info.name == "titlescreen"
  context.exit({code = (heard and whispered) and 0 or 3})
  coroutine.yield()
end

return plugin
