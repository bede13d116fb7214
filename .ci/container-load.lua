-- wrk request generator for .ci/container-load: LOAD_MODE "put" sends the contract's PUT with a new
-- Message each time, "get" reads by id, "list" reads a page of 100; requests cycle over the ids in
-- LOAD_IDS (one a line) with the bearer token in LOAD_TOKEN.
local mode = os.getenv("LOAD_MODE") or "get"
local token = os.getenv("LOAD_TOKEN")
local ids = {}
for line in assert(io.open(os.getenv("LOAD_IDS"), "r")):lines() do
	ids[#ids + 1] = tonumber(line)
end
local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
local counter = 0

request = function()
	counter = counter + 1
	local id = ids[(counter % #ids) + 1]
	if mode == "get" then
		return wrk.format("GET", "/api/spaces/coworkernotifications/" .. id, headers, nil)
	elseif mode == "list" then
		return wrk.format("GET", "/api/spaces/coworkernotifications?size=100&page=" .. (counter % 10 + 1), headers, nil)
	end
	headers["Content-Type"] = "application/json"
	local body = string.format(
		'{"Id":%d,"CoworkerId":%d,"Message":"load update %d of notification %d with some text to store","NotificationType":"blog","EntityId":%d}',
		id, 1000 + id % 97, counter, id, counter % 1000)
	return wrk.format("PUT", "/api/spaces/coworkernotifications", headers, body)
end
