-- Action reports as a supporter's browser makes them: first the report form (GET), whose submission
-- token the server signs and binds to its appeal, then the report (POST) with that token, the CSRF
-- token from the form with its cookie, and a client address that a trusted proxy passed on in
-- X-Forwarded-For (one of 16 million, so the per-address rate limit is in the path but no supporter
-- reaches it). A token counts once, so each report needs its own form. Environment: REPORT_PATH (one
-- appeal's form) or REPORT_SLUGS (a comma-separated list of appeals, one chosen at random per
-- report), CSRF, CSRF_COOKIE, and INTERVAL_MS (optional: the pause before each request on a
-- connection, to hold a rate below the maximum).
--
-- The STATS line counts reports: rps is POSTs per second (each also took a GET of its form); the
-- latency percentiles are of both.
dofile("bench/wrk/stats.lua")

local path = os.getenv("REPORT_PATH")
local csrf = os.getenv("CSRF")
local cookie = "XSRF-TOKEN=" .. os.getenv("CSRF_COOKIE")
local slugs = {}
for slug in string.gmatch(os.getenv("REPORT_SLUGS") or "", "[^,]+") do slugs[#slugs + 1] = slug end
local interval = tonumber(os.getenv("INTERVAL_MS") or "0")

-- Each run draws other addresses than the last (the same ones within the rate limit's window would
-- run out of budget and be refused), and each thread other ones than its neighbour.
math.randomseed(os.time())
local threads = {}
setup = function(thread)
  thread:set("seed", math.random(1, 1e9))
  threads[#threads + 1] = thread
end

-- Per thread: the forms fetched and not yet sent (each a path and its token), and the reports sent.
local forms = {}
posts = 0

init = function(args)
  math.randomseed(seed or os.time())
end

local function address()
  return string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
end

request = function()
  local form = table.remove(forms)
  if form == nil then
    local target = path
    if #slugs > 0 then target = "/appeals/" .. slugs[math.random(1, #slugs)] .. "/report" end
    return wrk.format("GET", target, { ["Cookie"] = cookie, ["X-Forwarded-For"] = address() })
  end
  posts = posts + 1
  local body = "kind=LETTER&quantity=1&country=GB&submissionToken=" .. form.token .. "&_csrf=" .. csrf
  return wrk.format("POST", form.path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
    ["X-Forwarded-For"] = address(),
  }, body)
end

response = function(status, headers, body)
  local token = body and string.match(body, 'name="submissionToken" value="([^"]+)"')
  if token then
    -- A token is bound to its appeal: the report goes to the form's own action.
    forms[#forms + 1] = { path = string.match(body, 'action="(/appeals/[^"]+/report)"'), token = token }
  end
end

done = function(summary, latency, requests)
  local reports = 0
  for _, thread in ipairs(threads) do reports = reports + thread:get("posts") end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("STATS rps=%.1f p50=%.2f p95=%.2f p99=%.2f requests=%d errors=%d\n",
      reports / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, summary.requests, errors))
end

if interval > 0 then
  delay = function() return interval end
end
