package io.agentobs.cli.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds events valued {@code <producer>:<sequence>} and checks that those of several producers arrived exactly once
 * and in each producer's order.
 */
final class SpoolOrderCheck {

    private SpoolOrderCheck() {
    }

    static SpooledEvent produced(String producer, int sequence) {
        return new SpooledEvent("agent-actions", producer,
                (producer + ":" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    static void assertEachProducerSentExactlyOnceInOrder(List<SpooledEvent> sent, List<String> producers,
            int perProducer) {
        Map<String, List<Integer>> sequences = new LinkedHashMap<>();
        producers.forEach(producer -> sequences.put(producer, new ArrayList<>()));
        for (SpooledEvent event : sent) {
            String[] parts = new String(event.value(), StandardCharsets.UTF_8).split(":");
            assertThat(sequences).containsKey(parts[0]);
            sequences.get(parts[0]).add(Integer.parseInt(parts[1]));
        }
        assertThat(sent).hasSize(producers.size() * perProducer);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < perProducer; i++) {
            expected.add(i);
        }
        sequences.forEach((producer, received) ->
                assertThat(received).as("events of %s", producer).containsExactlyElementsOf(expected));
    }
}
