-- Settles a token reservation once the answer has ended: adds the difference between what the
-- request used and what it reserved (negative: the unused part is refunded; minus the whole
-- reservation when the engine failed). The counter never goes below zero.
-- KEYS[1] the counter the reservation was taken from
-- ARGV[1] tokens to add, signed
-- ARGV[2] ms the counter lives if it had expired meanwhile (a positive settle recreates it)
-- Returns the tokens counted today after this call
if redis.call('EXISTS', KEYS[1]) == 0 and tonumber(ARGV[1]) <= 0 then
  return 0
end
local used = redis.call('INCRBY', KEYS[1], tonumber(ARGV[1]))
if used < 0 then
  redis.call('SET', KEYS[1], '0', 'KEEPTTL')
  used = 0
end
if redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
end
return used
