-- Action reports as the form sends them: each POST carries a fresh submission token (a new UUID),
-- the CSRF token from the form with its cookie, and a client address that a trusted proxy passed
-- on in X-Forwarded-For (one of 16 million, so the per-address rate limit is in the path but no
-- supporter reaches it). Environment: REPORT_PATH (one appeal's form) or REPORT_SLUGS (a comma-separated
-- list of appeals, one chosen at random per report), CSRF, CSRF_COOKIE, and INTERVAL_MS (optional: the
-- pause before each request on a connection, to hold a rate below the maximum).
dofile("bench/wrk/stats.lua")  -- the STATS line at the end

local path = os.getenv("REPORT_PATH")
local csrf = os.getenv("CSRF")
local cookie = "XSRF-TOKEN=" .. os.getenv("CSRF_COOKIE")
local slugs = {}
for slug in string.gmatch(os.getenv("REPORT_SLUGS") or "", "[^,]+") do slugs[#slugs + 1] = slug end
local interval = tonumber(os.getenv("INTERVAL_MS") or "0")

local function uuid()
  -- In 16-bit pieces: math.random is only exact below 2^31.
  local r = math.random
  return string.format("%04x%04x-%04x-4%03x-%04x-%04x%04x%04x", r(0, 0xffff), r(0, 0xffff), r(0, 0xffff),
      r(0, 0xfff), 0x8000 + r(0, 0x3fff), r(0, 0xffff), r(0, 0xffff), r(0, 0xffff))
end

-- Each run draws other addresses than the last (the same ones within the rate limit's window would
-- run out of budget and be refused), and each thread other ones than its neighbour.
math.randomseed(os.time())
setup = function(thread)
  thread:set("seed", math.random(1, 1e9))
end

init = function(args)
  math.randomseed(seed or os.time())
end

request = function()
  local body = "kind=LETTER&quantity=1&country=GB&submissionToken=" .. uuid() .. "&_csrf=" .. csrf
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254)),
  }
  local target = path
  if #slugs > 0 then target = "/appeals/" .. slugs[math.random(1, #slugs)] .. "/report" end
  return wrk.format("POST", target, headers, body)
end

if interval > 0 then
  delay = function() return interval end
end
