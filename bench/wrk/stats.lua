-- Prints one machine-readable line after a wrk run: requests/s, latency percentiles (ms) and the
-- number of failed requests (socket errors, timeouts and answers of 400 or above).
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("STATS rps=%.1f p50=%.2f p95=%.2f p99=%.2f requests=%d errors=%d\n",
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, summary.requests, errors))
end
