-- Gives back the quota unit a failed request was charged, and forgets its Idempotency-Key so a
-- retry with the same key is charged (once) when it is served.
-- KEYS[1] the day counter the unit was taken from; KEYS[2] the Idempotency-Key marker
-- ARGV[1] '1' when the request carried an Idempotency-Key
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used > 0 then
  redis.call('DECR', KEYS[1])
end
if ARGV[1] == '1' then
  redis.call('DEL', KEYS[2])
end
return used
