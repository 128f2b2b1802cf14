-- Applies one batch's deltas together with each of its partitions' next offset and watermark, all or nothing.
-- KEYS: 1 offsets hash, 2 watermarks hash, 3 newest routing time (string), 4 seed 001's routing count (string)
-- ARGV: 1 prefix of 5-minute window keys, 2 suffix of the per-topic count key, 3 routing topic name,
--       4 TTL (s) of KEYS[3] and KEYS[4], 5 number of partitions, then per partition:
--       field, first offset, next offset, watermark before ('' = none), watermark after, newest routing time ('');
--       then the number of keys, then per key (the deltas of every partition, added up):
--       h (hash) or z (sorted set), key, TTL (s, 0 = none), number of pairs, the field (member), increment pairs;
--       or p (HyperLogLog), number of keys, key and TTL pairs, number of members, the members (added to each key).
-- The batch is applied only if, for every partition, Redis holds no offset or the batch's first offset, and a stored
-- watermark equal to the batch's watermark before. Otherwise nothing is written.
-- Returns, per partition that failed the check: its index (0-based), the stored offset and the stored watermark
-- ('' = none); an empty list when the batch was applied.
local offsets, watermarks, newestKey, seedKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local fivePrefix, countSuffix, routingTopic, seedTtl = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local partitions = tonumber(ARGV[5])

local fields = {}
for p = 1, partitions do
  fields[p] = ARGV[6 + (p - 1) * 6]
end
local stored = redis.call('HMGET', offsets, unpack(fields))
local storedWms = redis.call('HMGET', watermarks, unpack(fields))
local conflicts = {}
for p = 1, partitions do
  local i = 6 + (p - 1) * 6
  local offset, wm = stored[p] or '', storedWms[p] or ''
  if not ((offset == '' or offset == ARGV[i + 1]) and wm == ARGV[i + 3]) then
    conflicts[#conflicts + 1] = tostring(p - 1)
    conflicts[#conflicts + 1] = offset
    conflicts[#conflicts + 1] = wm
  end
end
if #conflicts > 0 then
  return conflicts
end

local j = 6 + partitions * 6
local keyCount = tonumber(ARGV[j])
j = j + 1
for _ = 1, keyCount do
  local kind = ARGV[j]
  if kind == 'p' then
    local hlls = tonumber(ARGV[j + 1])
    local firstKey = j + 2
    j = firstKey + 2 * hlls
    local items = tonumber(ARGV[j])
    local first, last = j + 1, j + items
    for k = 0, hlls - 1 do
      local key, ttl = ARGV[firstKey + 2 * k], tonumber(ARGV[firstKey + 2 * k + 1])
      -- at most 1000 members per PFADD: far below Lua's limit on unpacked values
      for from = first, last, 1000 do
        redis.call('PFADD', key, unpack(ARGV, from, math.min(from + 999, last)))
      end
      if ttl > 0 then
        redis.call('EXPIRE', key, ttl)
      end
    end
    j = last + 1
  else
    local key, ttl, items = ARGV[j + 1], tonumber(ARGV[j + 2]), tonumber(ARGV[j + 3])
    j = j + 4
    if kind == 'h' then
      for _ = 1, items do
        redis.call('HINCRBY', key, ARGV[j], ARGV[j + 1])
        j = j + 2
      end
    else
      for _ = 1, items do
        redis.call('ZINCRBY', key, ARGV[j + 1], ARGV[j])
        j = j + 2
      end
    end
    if ttl > 0 then
      redis.call('EXPIRE', key, ttl)
    end
  end
end

local newestRouting = nil
for p = 1, partitions do
  local i = 6 + (p - 1) * 6
  redis.call('HSET', offsets, ARGV[i], ARGV[i + 2])
  redis.call('HSET', watermarks, ARGV[i], ARGV[i + 4])
  if ARGV[i + 5] ~= '' and (newestRouting == nil or tonumber(ARGV[i + 5]) > tonumber(newestRouting)) then
    newestRouting = ARGV[i + 5]
  end
end
if newestRouting then
  local current = redis.call('GET', newestKey)
  if not current or tonumber(newestRouting) > tonumber(current) then
    redis.call('SET', newestKey, newestRouting, 'EX', seedTtl)
  end
end

local newest = redis.call('GET', newestKey)
if newest then
  local windowStart = math.floor(tonumber(newest) / 300000) * 300
  local count = redis.call('HGET', fivePrefix .. string.format('%d', windowStart) .. countSuffix, routingTopic) or '0'
  redis.call('SET', seedKey, count, 'EX', seedTtl)
end
return {}
