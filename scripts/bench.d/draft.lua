-- PUT /api/v1/spaces/{id}/checkins/{checkin}/draft (the URL given to wrk): saves the draft.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"went_right":"We kept the Sunday walk, benchmark draft."}'
