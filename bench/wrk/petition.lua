-- Petition signatures as a supporter's browser makes them, as report.lua makes reports: first the
-- petition page (GET), whose submission token the server signs and binds to its appeal, then the
-- signature (POST) with that token, a name, a country, the CSRF token from a form with its cookie, and
-- a client address that a trusted proxy passed on in X-Forwarded-For (one of 16 million, so the
-- per-address rate limit is in the path but no supporter reaches it). A token counts once, so each
-- signature needs its own page. Every other signature gives an e-mail (with consent, so it is kept),
-- unique to the run, thread and request, so the one-signature-per-address index is in the path and
-- never refuses one; the others give none. Every other one (independently) asks for its name to be
-- shown. Environment: PETITION_PATH (/appeals/{slug}/petition), CSRF, CSRF_COOKIE, INTERVAL_MS
-- (optional, as in report.lua).
--
-- The STATS line counts signatures accepted (answered 302, to the thanks page) per second; requests
-- and errors are of both requests (errors: socket errors, timeouts and answers of 400 or above, which
-- include a refused signature: 400, 409, 429); the latency percentiles are of both.
dofile("bench/wrk/stats.lua")

local path = os.getenv("PETITION_PATH")
local csrf = os.getenv("CSRF")
local cookie = "XSRF-TOKEN=" .. os.getenv("CSRF_COOKIE")
local interval = tonumber(os.getenv("INTERVAL_MS") or "0")

math.randomseed(os.time())
local threads = {}
setup = function(thread)
  -- The seed also names the thread's e-mail addresses: another run's are other ones.
  thread:set("seed", math.random(1, 1e9))
  threads[#threads + 1] = thread
end

-- Per thread: the tokens of the pages fetched and not yet used; the signatures sent and accepted.
local tokens = {}
posts = 0
signed = 0

init = function(args)
  math.randomseed(seed or os.time())
end

local function address()
  return string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
end

request = function()
  local token = table.remove(tokens)
  if token == nil then
    return wrk.format("GET", path, { ["Cookie"] = cookie, ["X-Forwarded-For"] = address() })
  end
  posts = posts + 1
  local body = "submissionToken=" .. token .. "&name=Bench+Signer+" .. posts .. "&country=GB"
  if posts % 2 == 0 then
    body = body .. "&email=s" .. seed .. "-" .. posts .. "%40bench.example&consent=true"
  end
  if math.random(0, 1) == 1 then body = body .. "&showName=true" end
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
    ["X-Forwarded-For"] = address(),
  }, body .. "&_csrf=" .. csrf)
end

response = function(status, headers, body)
  if status == 302 then
    signed = signed + 1
  elseif status == 200 then
    -- Only a page answered 200 gives a token: a refused signature's page (4xx) may carry its token
    -- again, and sending it again would repeat the refusal.
    local token = body and string.match(body, 'name="submissionToken" value="([^"]+)"')
    if token then tokens[#tokens + 1] = token end
  end
end

done = function(summary, latency, requests)
  local sent, accepted = 0, 0
  for _, thread in ipairs(threads) do
    sent = sent + thread:get("posts")
    accepted = accepted + thread:get("signed")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("STATS rps=%.1f p50=%.2f p95=%.2f p99=%.2f requests=%d errors=%d posts=%d\n",
      accepted / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, summary.requests, errors, sent))
end

if interval > 0 then
  delay = function() return interval end
end
