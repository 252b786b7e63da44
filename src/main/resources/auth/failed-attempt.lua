-- Counts one failed credential from a client address in a fixed one-minute window.
-- KEYS[1] the address's counter (one key, so any Redis Cluster slot will do)
-- ARGV[1] window length, ms
-- Returns {failures in the window, ms until the window ends}
local count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
