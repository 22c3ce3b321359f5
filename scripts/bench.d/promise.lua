-- POST /api/v1/spaces/{id}/promises (the URL given to wrk): one new promise per request.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"text":"Benchmark promise: call before eight","stakes":2}'
