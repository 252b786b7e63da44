-- Gives back the quota unit of a request that did not cost an engine call after all: it failed
-- before any engine was called, or an idempotent replay answered it with a stored response.
-- KEYS[1] the day counter the unit was taken from
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used > 0 then
  redis.call('DECR', KEYS[1])
end
return used
