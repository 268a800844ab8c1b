-- A client downloading a document again and again; told 503 (all download slots taken), it waits
-- a second before trying again, as a browser's user or a well-behaved client would. Prints how many
-- downloads completed and how many were refused.
local last = 0
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  ok = 0
  refused = 0
  other = 0
end

response = function(status, headers, body)
  last = status
  if status == 200 then ok = ok + 1 elseif status == 503 then refused = refused + 1 else other = other + 1 end
end

delay = function()
  if last == 503 then return 1000 end
  return 0
end

done = function(summary, latency, requests)
  local o, r, x = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); r = r + t:get("refused"); x = x + t:get("other")
  end
  io.write(string.format("DOWNLOADS completed=%d refused503=%d other=%d bytes=%d\n", o, r, x, summary.bytes))
end
