package io.agentobs.metrics.redis;



/**
 * A partition the Lua script did not apply because Redis holds another position for it than the deltas assumed.
 *
 * @param index the partition's position in the script call
 * @param storedOffset the next offset Redis holds; empty when none
 * @param storedWatermark the watermark Redis holds (epoch ms); empty when none
 */
public record BatchConflict(int index, String storedOffset, String storedWatermark) {
}
