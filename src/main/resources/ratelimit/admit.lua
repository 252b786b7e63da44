-- Admits one request against a sliding one-minute window and a daily quota, atomically.
-- All keys carry the caller's hash tag {identity}, so on Redis Cluster they share one slot.
-- The window is kept as one counter per second (a hash of at most window/1000 fields), so a caller
-- costs the same memory whatever its limit: a request leaves the window at the start of the
-- second that is one window after its own, at most a second early.
-- Every admitted request is charged one quota unit: an Idempotency-Key changes nothing here (a
-- replay that is actually served gets its unit back afterwards, give-back.lua).
-- KEYS[1] hash: second since the epoch -> requests admitted in it, within the window
-- KEYS[2] counter of quota units used today (the date is in the key)
-- KEYS[3] list of the last 8 admitted members: a retry of the same call (after a timeout whose
--         reply was lost) finds its member and is answered as admitted without a second charge
-- ARGV[1] now, ms since the epoch, from the hub's clock (not Redis TIME, so tests control it)
-- ARGV[2] window length, ms (a multiple of 1000)
-- ARGV[3] requests allowed per window, 0 = unlimited
-- ARGV[4] quota units per day, 0 = unlimited
-- ARGV[5] ms until the quota day ends (the counter's TTL)
-- ARGV[6] unique member for this request
-- Returns {admitted, rejected_by (0 none, 1 window, 2 day), charged, in_window, used_today, ms_until_slot}
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local per_window = tonumber(ARGV[3])
local per_day = tonumber(ARGV[4])
local day_ttl = tonumber(ARGV[5])
local member = ARGV[6]

local second = math.floor(now / 1000)
local seconds = math.floor(window / 1000)
local first_kept = second - seconds + 1

local in_window = 0
local oldest = nil
if per_window > 0 then
  local fields = redis.call('HGETALL', KEYS[1])
  local stale = {}
  for i = 1, #fields, 2 do
    local s = tonumber(fields[i])
    if s < first_kept then
      stale[#stale + 1] = fields[i]
    else
      in_window = in_window + tonumber(fields[i + 1])
      if oldest == nil or s < oldest then
        oldest = s
      end
    end
  end
  if #stale > 0 then
    redis.call('HDEL', KEYS[1], unpack(stale))
  end
end

local function until_slot()
  if oldest == nil then
    return 0
  end
  return (oldest + seconds) * 1000 - now
end

local used = tonumber(redis.call('GET', KEYS[2]) or '0')
local charged = 0
if per_day > 0 then
  charged = 1
end

if redis.call('LPOS', KEYS[3], member) then
  return {1, 0, charged, in_window, used, until_slot()}
end
if per_day > 0 and used >= per_day then
  return {0, 2, 0, in_window, used, until_slot()}
end
if per_window > 0 and in_window >= per_window then
  return {0, 1, 0, in_window, used, until_slot()}
end

if per_window > 0 then
  redis.call('HINCRBY', KEYS[1], second, 1)
  redis.call('PEXPIRE', KEYS[1], window + 1000)
  in_window = in_window + 1
  if oldest == nil then
    oldest = second
  end
end
if per_day > 0 then
  used = redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], day_ttl)
end
redis.call('LPUSH', KEYS[3], member)
redis.call('LTRIM', KEYS[3], 0, 7)
redis.call('PEXPIRE', KEYS[3], 10000)
return {1, 0, charged, in_window, used, until_slot()}
