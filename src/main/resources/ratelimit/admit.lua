-- Admits one request against a per-minute sliding window and a daily quota, atomically.
-- All keys carry the caller's hash tag {identity}, so on Redis Cluster they share one slot.
-- Every admitted request is charged one quota unit: an Idempotency-Key changes nothing here (a
-- replay that is actually served gets its unit back afterwards, give-back.lua).
-- KEYS[1] sorted set of admitted requests in the window (score = admission time in ms)
-- KEYS[2] counter of quota units used today (the date is in the key)
-- ARGV[1] now, ms since the epoch, from the hub's clock (not Redis TIME, so tests control it)
-- ARGV[2] window length, ms          ARGV[3] requests allowed per window
-- ARGV[4] quota units per day        ARGV[5] ms until the quota day ends (the counter's TTL)
-- ARGV[6] unique member for this request: a retry of the same call (after a timeout whose reply was
--         lost) finds it and is answered as admitted without a second charge
-- Returns {admitted, rejected_by (0 none, 1 window, 2 day), charged, in_window, used_today, ms_until_slot}
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local per_window = tonumber(ARGV[3])
local per_day = tonumber(ARGV[4])
local day_ttl = tonumber(ARGV[5])

local function until_slot()
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  if oldest[2] == nil then
    return 0
  end
  return tonumber(oldest[2]) + window - now
end

redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local in_window = redis.call('ZCARD', KEYS[1])
local used = tonumber(redis.call('GET', KEYS[2]) or '0')

if redis.call('ZSCORE', KEYS[1], ARGV[6]) then
  return {1, 0, 1, in_window, used, until_slot()}
end
if used >= per_day then
  return {0, 2, 0, in_window, used, until_slot()}
end
if in_window >= per_window then
  return {0, 1, 0, in_window, used, until_slot()}
end

redis.call('ZADD', KEYS[1], now, ARGV[6])
redis.call('PEXPIRE', KEYS[1], window)
used = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], day_ttl)
return {1, 0, 1, in_window + 1, used, until_slot()}
