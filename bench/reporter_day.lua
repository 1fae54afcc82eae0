-- wrk script for bench/reporter_day.py: replays a day of requests (one per line of the file named by
-- the first argument: METHOD<TAB>PATH<TAB>ACCEPT), each connection from its own place in the day.
-- With "revalidate" as the second argument each wrk thread is a client with an HTTP cache: a repeat
-- of a path that came with an ETag sends If-None-Match (as browsers and caching proxies do). Run it
-- with as many threads as connections: one connection per thread, so an answer is that of `last`.
-- With "unique" each request's SPARQL text (the last parameter of its path) gets a comment of its own
-- ("# <run>-<thread>-<n>", the run named by the third argument), so that no answer is ever a repeat,
-- in this run or another: the fixed cost, with no cache to answer.
-- done() prints one JSON line: requests, seconds, p50/p99 latency (ms) and the statuses seen.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  day = {}
  for line in io.lines(args[1]) do
    local method, path, accept = line:match("^(%S+)\t(%S+)\t(.*)$")
    table.insert(day, {method, path, accept})
  end
  revalidate = args[2] == "revalidate"
  unique = args[2] == "unique"
  run = args[3] or ""
  sent = 0
  position = (id * 7919) % #day
  etags = {}
  statuses = {}
  last = nil
end

function request()
  position = position % #day + 1
  local item = day[position]
  last = item[2]
  if unique then
    sent = sent + 1
    last = last .. "%0A%23%20" .. run .. "-" .. id .. "-" .. sent
  end
  local headers = {["Accept"] = item[3], ["Accept-Encoding"] = "gzip"}
  if revalidate and etags[last] then
    headers["If-None-Match"] = etags[last]
  end
  return wrk.format(item[1], last, headers)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local etag = headers["ETag"] or headers["etag"]
  if revalidate and etag and last then
    etags[last] = etag
  end
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[tostring(status)] = (counts[tostring(status)] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(counts) do
    table.insert(parts, string.format('"%s": %d', status, n))
  end
  io.write(string.format('{"requests": %d, "seconds": %.3f, "p50_ms": %.3f, "p99_ms": %.3f, "errors": %d, '
    .. '"statuses": {%s}}\n', summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, table.concat(parts, ", ")))
end
