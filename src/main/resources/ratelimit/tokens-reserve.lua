-- Reserves a chat request's most tokens against its caller's daily token quota, atomically: the
-- reservation fits whole or is refused, so concurrent requests on any number of replicas never
-- reserve more than the quota between them.
-- KEYS[1] counter of tokens reserved or used today (the date and {identity} are in the key)
-- ARGV[1] tokens to reserve (the prompt's bound plus max_tokens)
-- ARGV[2] tokens allowed per day
-- ARGV[3] ms the counter lives (until midnight and a little more, so a late settle still finds it)
-- Returns {reserved (1 or 0), tokens counted today after this call}
local want = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used + want > limit then
  return {0, used}
end
used = redis.call('INCRBY', KEYS[1], want)
if redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
end
return {1, used}
