-- POST a new promise per request, each into the space of the next signed-in person from the
-- file BENCH_TARGETS (lines "cookie space-id"), round robin: writers in many couples' spaces at
-- once, as the raw ceiling's writers each have their own stream.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local targets = {}
for line in io.lines(os.getenv("BENCH_TARGETS")) do
  local cookie, space = line:match("^(%S+)%s+(%S+)$")
  if cookie then
    targets[#targets + 1] = { cookie = cookie, path = "/api/v1/spaces/" .. space .. "/promises" }
  end
end

local body = '{"text":"Benchmark promise: call before eight","stakes":2}'
local next_target = 0

function setup(thread)
  thread:set("offset", next_target)
  next_target = next_target + 1
end

function request()
  -- Each thread starts at its own offset, so the two threads interleave over the targets.
  offset = (offset or 0) + 2
  local target = targets[(offset % #targets) + 1]
  return wrk.format("POST", target.path,
    { ["Content-Type"] = "application/json", ["Cookie"] = target.cookie }, body)
end
