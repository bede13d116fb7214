-- wrk request generator for run.sh, configured by environment:
--   BENCH_MODE        put : PUT BENCH_PATH with the record in the body (its "Id" included)
--                     get : GET BENCH_PATH/<id>
--   BENCH_PATH        e.g. /api/spaces/coworkernotifications
--   BENCH_IDS         a file with one record id a line; requests cycle over them
--   BENCH_TOKEN_FILE  a file whose content is sent as "Authorization: <scheme> <content>"
--   BENCH_AUTH_SCHEME the scheme: Bearer (a token, the default) or Basic (base64 of email:password)
--   BENCH_TAG         goes into each Message, so that every PUT of a run carries new text
local mode = os.getenv("BENCH_MODE") or "put"
local path = os.getenv("BENCH_PATH") or "/"
local tag = os.getenv("BENCH_TAG") or "run"

local function slurp(name)
  local f = assert(io.open(name, "r"))
  local s = f:read("*a")
  f:close()
  return s
end

local ids = {}
for line in slurp(assert(os.getenv("BENCH_IDS"), "BENCH_IDS is not set")):gmatch("[^\n]+") do
  local n = tonumber(line)
  if n then ids[#ids + 1] = n end
end
if #ids == 0 then error("req.lua: BENCH_IDS names no ids") end

local headers = { ["Accept"] = "application/json" }
local tokenfile = os.getenv("BENCH_TOKEN_FILE")
if tokenfile and #tokenfile > 0 then
  headers["Authorization"] = (os.getenv("BENCH_AUTH_SCHEME") or "Bearer") .. " " .. slurp(tokenfile):gsub("%s+", "")
end
if mode == "put" then headers["Content-Type"] = "application/json" end

local counter = 0

request = function()
  counter = counter + 1
  local id = ids[(counter % #ids) + 1]
  if mode == "get" then
    return wrk.format("GET", path .. "/" .. id, headers, nil)
  end
  -- the same shape as bench.py's put_body(): new Message text every request
  local body = string.format(
    '{"Id":%d,"CoworkerId":%d,"Message":"bench %s update %d of notification %d","NotificationType":"push-notification","EntityId":%d,"IsDismissed":%s,"SystemId":"bench-%d"}',
    id, 1000 + (id % 97), tag, counter, id, counter % 1000, (counter % 2 == 0) and "true" or "false", id)
  return wrk.format("PUT", path, headers, body)
end
