-- Applies one batch's deltas, partition by partition, together with each partition's next offset and watermark.
-- KEYS: 1 offsets hash, 2 watermarks hash, 3 newest routing time (string), 4 seed 001's routing count (string)
-- ARGV: 1 prefix of 5-minute window keys, 2 suffix of the per-topic count key, 3 routing topic name,
--       4 TTL (s) of KEYS[3] and KEYS[4], 5 number of partitions, then per partition:
--       field, first offset, next offset, watermark before ('' = none), watermark after, newest routing time (''),
--       number of keys, then per key: kind (h | z | p), key, TTL (s, 0 = none), number of items, the items
--       (h: field, increment pairs; z: member, increment pairs; p: members).
-- A partition is applied only if Redis holds no offset for it, or holds the batch's first offset, and its stored
-- watermark equals the batch's watermark before. Every check runs before the first write.
-- Returns, per partition not applied: its index (0-based), the stored offset and the stored watermark ('' = none).
local offsets, watermarks, newestKey, seedKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local fivePrefix, countSuffix, routingTopic, seedTtl = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local partitions = tonumber(ARGV[5])

local i = 6
local apply = {}
local conflicts = {}
for p = 1, partitions do
  local field, first, nextOffset = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local wmBefore, wmAfter, newest = ARGV[i + 3], ARGV[i + 4], ARGV[i + 5]
  local keyCount = tonumber(ARGV[i + 6])
  local start = i + 7
  local j = start
  for _ = 1, keyCount do
    local items = tonumber(ARGV[j + 3])
    if ARGV[j] == 'p' then j = j + 4 + items else j = j + 4 + 2 * items end
  end
  local stored = redis.call('HGET', offsets, field) or ''
  local storedWm = redis.call('HGET', watermarks, field) or ''
  if (stored == '' or stored == first) and storedWm == wmBefore then
    apply[#apply + 1] = {start, keyCount, field, nextOffset, wmAfter, newest}
  else
    conflicts[#conflicts + 1] = tostring(p - 1)
    conflicts[#conflicts + 1] = stored
    conflicts[#conflicts + 1] = storedWm
  end
  i = j
end

for _, a in ipairs(apply) do
  local j = a[1]
  for _ = 1, a[2] do
    local kind, key, ttl, items = ARGV[j], ARGV[j + 1], tonumber(ARGV[j + 2]), tonumber(ARGV[j + 3])
    j = j + 4
    if kind == 'p' then
      redis.call('PFADD', key, unpack(ARGV, j, j + items - 1))
      j = j + items
    elseif kind == 'h' then
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
  redis.call('HSET', offsets, a[3], a[4])
  redis.call('HSET', watermarks, a[3], a[5])
  if a[6] ~= '' then
    local current = redis.call('GET', newestKey)
    if not current or tonumber(a[6]) > tonumber(current) then
      redis.call('SET', newestKey, a[6], 'EX', seedTtl)
    end
  end
end

local newest = redis.call('GET', newestKey)
if newest then
  local windowStart = math.floor(tonumber(newest) / 300000) * 300
  local count = redis.call('HGET', fivePrefix .. string.format('%d', windowStart) .. countSuffix, routingTopic) or '0'
  redis.call('SET', seedKey, count, 'EX', seedTtl)
end
return conflicts
