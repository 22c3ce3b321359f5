-- GET the space page and the record page of the next signed-in person from the file
-- BENCH_TARGETS (lines "cookie space-id"), round robin: readers in many couples' spaces at once.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local targets = {}
for line in io.lines(os.getenv("BENCH_TARGETS")) do
  local cookie, space = line:match("^(%S+)%s+(%S+)$")
  if cookie then
    targets[#targets + 1] = { cookie = cookie, path = "/spaces/" .. space }
    targets[#targets + 1] = { cookie = cookie, path = "/spaces/" .. space .. "/record" }
  end
end

local next_target = 0

function setup(thread)
  thread:set("offset", next_target)
  next_target = next_target + 1
end

function request()
  offset = (offset or 0) + 2
  local target = targets[(offset % #targets) + 1]
  return wrk.format("GET", target.path, { ["Cookie"] = target.cookie })
end
