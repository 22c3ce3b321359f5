-- GET the URL given to wrk, signed in when BENCH_COOKIE is set.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
